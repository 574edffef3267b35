using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Domain.Certificates;

/// <summary>
/// A certificate the body grants: its number by the scheme's pattern, the holder, manufacturer,
/// factory, product and models, the standards it was tested against, and its validity. Its life —
/// suspension, restoration, withdrawal, cancellation, expiry, renewal, changes and extensions — runs
/// through the methods below, each checking the transition and recording an event. A change of
/// content makes a new <see cref="CertificateVersion"/> under the same number; a renewal makes a new
/// certificate that names this one as its predecessor.
/// </summary>
public sealed class Certificate : Aggregate
{
    private IReadOnlyList<string> standards = [];
    private List<CertificateStatusChange> statusHistory = [];
    private List<CertificateVersion> versions = [];

    private Certificate()
    {
        Number = SchemeId = BodyId = HolderId = ProductTypeId = string.Empty;
        HolderName = HolderAddress = LocalizedText.Empty;
        Product = null!;
        Manufacturer = Factory = null!;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; }

    public string SchemeId { get; private set; }

    public string BodyId { get; private set; }

    /// <summary>The granted application; none for a renewal or a registration made outside an application (G-mark).</summary>
    public Guid? ApplicationId { get; private set; }

    /// <summary>The organisation that holds the certificate.</summary>
    public string HolderId { get; private set; }

    public LocalizedText HolderName { get; private set; }

    public LocalizedText HolderAddress { get; private set; }

    public Party Manufacturer { get; private set; }

    public Party Factory { get; private set; }

    public string ProductTypeId { get; private set; }

    public ProductDetails Product { get; private set; }

    public IReadOnlyList<string> Standards => standards;

    public DateOnly IssuedOn { get; private set; }

    public DateOnly ValidUntil { get; private set; }

    public CertificateState State { get; private set; }

    /// <summary>The version of the content: 1 at issue, one more with each change or extension.</summary>
    public int Version { get; private set; }

    /// <summary>Counts every change; the concurrency token, so two operations at once do not both win.</summary>
    public int Revision { get; private set; }

    /// <summary>Where the certificate sits in its body's status lists (W3C Bitstring Status List).</summary>
    public int StatusListIndex { get; private set; }

    public Guid? PredecessorId { get; private set; }

    public string? PredecessorNumber { get; private set; }

    /// <summary>The renewal that replaced this certificate.</summary>
    public string? SupersededBy { get; private set; }

    /// <summary>
    /// When it entered its <see cref="State"/>: the last entry of <see cref="StatusHistory"/>, kept beside the state so that
    /// today's standing is read without the history (bulk verification reads it from an index).
    /// </summary>
    public DateTimeOffset StateSince { get; private set; }

    /// <summary>Why it was last suspended, withdrawn or cancelled.</summary>
    public string? StateReason { get; private set; }

    /// <summary>A suspended certificate must be restored (or is withdrawn) by this day.</summary>
    public DateOnly? SuspendedUntil { get; private set; }

    public IReadOnlyList<CertificateStatusChange> StatusHistory => statusHistory;

    public IReadOnlyList<CertificateVersion> Versions => versions;

    public IReadOnlyList<string> Models => Product.AllModels();

    public override string EntityType => "certificate";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => BodyId;

    /// <summary>Issues the certificate of a granted application.</summary>
    public static Certificate Issue(Guid id, string number, Application application, LocalizedText holderName, IEnumerable<string> testedStandards,
        int validityYears, DateTimeOffset at, LocalizedText? holderAddress = null, int statusListIndex = 0)
    {
        if (application.State != ApplicationState.Granted)
        {
            throw DomainException.Conflict("application-not-granted",
                $"A certificate is issued for a granted application; application {application.Id} is {ApplicationWorkflow.Name(application.State)}.");
        }

        var content = new CertificateContent(application.SchemeId, application.BodyId, application.ApplicantId, holderName,
            holderAddress ?? LocalizedText.Empty, application.Manufacturer, application.Factory, application.ProductTypeId, application.Product,
            [.. testedStandards]);
        var certificate = New(id, number, content, validityYears, at, statusListIndex);
        certificate.ApplicationId = application.Id;
        certificate.Record("certificate.issued", new { number, application = application.Id, validUntil = certificate.ValidUntil, standards = certificate.standards });
        return certificate;
    }

    /// <summary>Issues a certificate outside an application: a registration the body makes itself (G-mark).</summary>
    public static Certificate IssueRegistered(Guid id, string number, CertificateContent content, int validityYears, DateTimeOffset at, int statusListIndex,
        string source)
    {
        var certificate = New(id, number, content, validityYears, at, statusListIndex);
        certificate.Record("certificate.issued", new { number, source, validUntil = certificate.ValidUntil, standards = certificate.standards });
        return certificate;
    }

    private static Certificate New(Guid id, string number, CertificateContent content, int validityYears, DateTimeOffset at, int statusListIndex)
    {
        if (validityYears is < 1 or > 5)
        {
            throw DomainException.Invalid("validity-invalid", $"A certificate is valid for 1 to 5 years; the scheme's data say {validityYears}.", "validity");
        }

        var issuedOn = DateOnly.FromDateTime(at.UtcDateTime);
        var certificate = new Certificate
        {
            Id = id,
            Number = Guard.Required(number, "number"),
            SchemeId = content.SchemeId,
            BodyId = content.BodyId,
            HolderId = content.HolderId,
            HolderName = content.HolderName,
            HolderAddress = content.HolderAddress,
            Manufacturer = content.Manufacturer,
            Factory = content.Factory,
            ProductTypeId = content.ProductTypeId,
            Product = content.Product,
            standards = [.. content.Standards.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            IssuedOn = issuedOn,
            // The day before the anniversary: five years from 2026-11-27 run to 2031-11-26.
            ValidUntil = issuedOn.AddYears(validityYears).AddDays(-1),
            State = CertificateState.Active,
            StateSince = at,
            Version = 1,
            StatusListIndex = statusListIndex,
        };
        certificate.statusHistory = [new CertificateStatusChange(CertificateState.Active, at, null)];
        certificate.versions = [certificate.Snapshot(1, at, "issued", null)];
        return certificate;
    }

    /// <summary>What the certificate certifies now: a renewal starts from it.</summary>
    public CertificateContent Content => new(SchemeId, BodyId, HolderId, HolderName, HolderAddress, Manufacturer, Factory, ProductTypeId, Product, standards);

    /// <summary>Whether the certificate counts as valid on <paramref name="at"/>, by its history and its dates.</summary>
    public CertificateState StateAt(DateTimeOffset at)
    {
        var entered = statusHistory.LastOrDefault(s => s.At <= at);
        if (entered is null)
        {
            throw DomainException.Invalid("before-issue", $"Certificate {Number} was issued on {IssuedOn:yyyy-MM-dd}; there is no state before that.", "at");
        }

        return entered.State is CertificateState.Active or CertificateState.Suspended && DateOnly.FromDateTime(at.UtcDateTime) > ValidUntil
            ? CertificateState.Expired
            : entered.State;
    }

    /// <summary>Suspends the certificate until <paramref name="deadline"/>, the last day to correct <paramref name="reason"/>; <paramref name="rule"/> names the supervision rule (<c>follow-up.overdue-suspends</c>) when no person decided it.</summary>
    public void Suspend(string reason, DateOnly deadline, DateTimeOffset at, string? rule = null)
    {
        RequireState(CertificateOperation.Suspend);
        var why = Reason(reason, "suspended");
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        if (deadline <= today)
        {
            throw DomainException.Invalid("deadline-invalid", $"The deadline to correct must be after today ({today:yyyy-MM-dd}).", "deadline");
        }

        if (deadline > ValidUntil)
        {
            throw DomainException.Invalid("deadline-invalid", $"The deadline must fall within the certificate's validity (until {ValidUntil:yyyy-MM-dd}).", "deadline");
        }

        SuspendedUntil = deadline;
        Enter(CertificateState.Suspended, at, why, deadline, rule);
        Record("certificate.suspended", rule is null ? new { reason = why, deadline } : new { reason = why, deadline, rule });
    }

    public void Restore(string? reason, DateTimeOffset at)
    {
        RequireState(CertificateOperation.Restore);
        if (SuspendedUntil is { } deadline && DateOnly.FromDateTime(at.UtcDateTime) > deadline)
        {
            throw DomainException.Conflict("suspension-deadline-passed",
                $"Certificate {Number} was to be corrected by {deadline:yyyy-MM-dd}; that has passed, so it is withdrawn, not restored.");
        }

        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        SuspendedUntil = null;
        Enter(CertificateState.Active, at, why);
        Record("certificate.restored", new { reason = why });
    }

    /// <summary>Withdraws the certificate for <paramref name="reason"/>; <paramref name="rule"/> names the supervision rule when no person decided it.</summary>
    public void Withdraw(string reason, DateTimeOffset at, string? rule = null)
    {
        RequireState(CertificateOperation.Withdraw);
        var why = Reason(reason, "withdrawn");
        SuspendedUntil = null;
        Enter(CertificateState.Withdrawn, at, why, rule: rule);
        Record("certificate.withdrawn", rule is null ? new { reason = why } : new { reason = why, rule });
    }

    /// <summary>Cancels the certificate at the holder's request.</summary>
    public void Cancel(string reason, DateTimeOffset at)
    {
        RequireState(CertificateOperation.Cancel);
        var why = Reason(reason, "cancelled");
        SuspendedUntil = null;
        Enter(CertificateState.Cancelled, at, why);
        Record("certificate.cancelled", new { reason = why });
    }

    /// <summary>Expires the certificate once its last valid day has passed; <paramref name="rule"/> names the supervision rule that did it, if one did.</summary>
    public void Expire(DateTimeOffset at, string? rule = null)
    {
        RequireState(CertificateOperation.Expire);
        if (DateOnly.FromDateTime(at.UtcDateTime) <= ValidUntil)
        {
            throw DomainException.Conflict("not-yet-expired", $"Certificate {Number} is valid until {ValidUntil:yyyy-MM-dd}.");
        }

        SuspendedUntil = null;
        Enter(CertificateState.Expired, at, null, rule: rule);
        Record("certificate.expired", rule is null ? new { validUntil = ValidUntil } : new { validUntil = ValidUntil, rule });
    }

    /// <summary>
    /// Renews the certificate: a new certificate with a new number and validity, the same content, naming
    /// this one as its predecessor; this one is superseded.
    /// </summary>
    public Certificate Renew(Guid id, string number, int validityYears, DateTimeOffset at, int statusListIndex)
    {
        RequireState(CertificateOperation.Renew);
        var renewal = New(id, number, Content, validityYears, at, statusListIndex);
        renewal.PredecessorId = Id;
        renewal.PredecessorNumber = Number;
        renewal.Record("certificate.issued", new { number, renews = Number, validUntil = renewal.ValidUntil, standards = renewal.standards });

        SupersededBy = number;
        Enter(CertificateState.Superseded, at, $"Renewed as {number}");
        Record("certificate.renewed", new { renewal = number });
        return renewal;
    }

    /// <summary>Changes the holder's name or address: a new version under the same number.</summary>
    public void ChangeHolder(LocalizedText name, LocalizedText address, string reason, DateTimeOffset at)
    {
        RequireState(CertificateOperation.Change);
        if (string.IsNullOrWhiteSpace(name?.En))
        {
            throw DomainException.Invalid("holder-name-required", "The holder needs a name (in English; Chinese where it has one).", "holderName");
        }

        address ??= LocalizedText.Empty;
        if (name == HolderName && address == HolderAddress)
        {
            throw DomainException.Invalid("nothing-changed", "The holder's name and address are what the certificate already says.", "holderName");
        }

        var why = Reason(reason, "changed");
        var before = new { name = HolderName, address = HolderAddress };
        HolderName = name;
        HolderAddress = address;
        NewVersion(at, "holder_changed", why);
        Record("certificate.changed", new { version = Version, before, after = new { name, address }, reason = why });
    }

    /// <summary>Extends the certificate to more series models: a new version under the same number.</summary>
    public void ExtendModels(IEnumerable<SeriesModel> models, string reason, DateTimeOffset at)
    {
        RequireState(CertificateOperation.Extend);
        var added = (models ?? []).ToList();
        if (added.Count == 0)
        {
            throw DomainException.Invalid("models-required", "Name at least one model to add, with how it differs from the main model.", "models");
        }

        var why = Reason(reason, "extended");
        // ProductDetails.Of checks every model has a code and a difference, and that none is listed twice.
        Product = ProductDetails.Of(Product.Name, Product.MainModel, [.. Product.SeriesModels, .. added], Product.TradeMark);
        NewVersion(at, "models_extended", why);
        Record("certificate.extended", new { version = Version, models = added.Select(m => m.Model).ToList(), reason = why });
    }

    private void NewVersion(DateTimeOffset at, string change, string reason)
    {
        Version++;
        Revision++;
        versions.Add(Snapshot(Version, at, change, reason));
    }

    private CertificateVersion Snapshot(int version, DateTimeOffset at, string change, string? reason) =>
        new(version, at, change, reason, HolderName, HolderAddress, Models);

    private void Enter(CertificateState state, DateTimeOffset at, string? reason, DateOnly? deadline = null, string? rule = null)
    {
        State = state;
        StateSince = at;
        StateReason = reason;
        Revision++;
        statusHistory.Add(new CertificateStatusChange(state, at, reason, deadline, rule));
    }

    /// <summary>Whether the certificate's state allows <paramref name="operation"/> (pages offer only what is allowed; the methods refuse the rest).</summary>
    public bool Allows(CertificateOperation operation) => AllowedStates(operation).Contains(State);

    private static CertificateState[] AllowedStates(CertificateOperation operation) => operation switch
    {
        CertificateOperation.Restore => [CertificateState.Suspended],
        CertificateOperation.Withdraw or CertificateOperation.Cancel or CertificateOperation.Expire => [CertificateState.Active, CertificateState.Suspended],
        CertificateOperation.Suspend or CertificateOperation.Renew or CertificateOperation.Change or CertificateOperation.Extend => [CertificateState.Active],
    };

    private void RequireState(CertificateOperation operation)
    {
        if (!Allows(operation))
        {
            var name = SnakeCaseNames.Of(State.ToString());
            var detail = State == CertificateState.Superseded && SupersededBy is not null ? $" by {SupersededBy}" : string.Empty;
            var allowed = string.Join(" or ", AllowedStates(operation).Select(a => SnakeCaseNames.Of(a.ToString())));
            throw DomainException.Conflict($"certificate-{name}",
                $"Certificate {Number} is {name.Replace('_', ' ')}{detail}; only {allowed} certificates can be {Past(operation)}.");
        }
    }

    private static string Past(CertificateOperation operation) => operation switch
    {
        CertificateOperation.Suspend => "suspended",
        CertificateOperation.Restore => "restored",
        CertificateOperation.Withdraw => "withdrawn",
        CertificateOperation.Cancel => "cancelled",
        CertificateOperation.Expire => "expired",
        CertificateOperation.Renew => "renewed",
        CertificateOperation.Change => "changed",
        CertificateOperation.Extend => "extended",
    };

    private static string Reason(string? reason, string what) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw DomainException.Invalid("reason-required", $"Say why the certificate is {what}: the public record shows it.", "reason")
            : reason.Trim().Length > 2000
                ? throw DomainException.Invalid("reason-too-long", "The reason is at most 2000 characters.", "reason")
                : reason.Trim();

    public override object AuditState() => new
    {
        id = Id,
        number = Number,
        version = Version,
        scheme = SchemeId,
        body = BodyId,
        application = ApplicationId,
        holder = HolderId,
        holderName = HolderName,
        holderAddress = HolderAddress,
        product = Product,
        manufacturer = Manufacturer,
        factory = Factory,
        standards,
        issuedOn = IssuedOn,
        validUntil = ValidUntil,
        state = SnakeCaseNames.Of(State.ToString()),
        stateReason = StateReason,
        suspendedUntil = SuspendedUntil,
        predecessor = PredecessorNumber,
        supersededBy = SupersededBy,
        statusListIndex = StatusListIndex,
    };
}
