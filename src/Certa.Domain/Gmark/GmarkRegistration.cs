using Certa.Domain.Certificates;
using Certa.Domain.Common;

namespace Certa.Domain.Gmark;

/// <summary>
/// A product a notified body registers for a G-mark e-certificate, identified by its GCTS code. It goes
/// registered → submitted to the scheme's authority (GSO) → approved or rejected with a reason (then corrected
/// and submitted again) → activated by the body, which issues the e-certificate numbered with the GCTS code (S0).
/// </summary>
public sealed class GmarkRegistration : Aggregate
{
    private List<GmarkStep> history = [];

    private GmarkRegistration()
    {
        Gcts = BodyId = HolderId = SchemeId = string.Empty;
        Details = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>The product tracking code, formatted (<see cref="GctsCode"/>); the activated certificate's number.</summary>
    public string Gcts { get; private set; }

    /// <summary>The notified body (a Certa certification body) that registers the product.</summary>
    public string BodyId { get; private set; }

    /// <summary>The applicant organisation that will hold the e-certificate.</summary>
    public string HolderId { get; private set; }

    public string SchemeId { get; private set; }

    public GmarkDetails Details { get; private set; }

    public GmarkState State { get; private set; }

    /// <summary>Why the authority last sent it back; cleared when it is submitted again.</summary>
    public string? RejectedBecause { get; private set; }

    /// <summary>The authority (registry id) that approved it.</summary>
    public string? ApprovedBy { get; private set; }

    /// <summary>The e-certificate issued at activation.</summary>
    public Guid? CertificateId { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    public IReadOnlyList<GmarkStep> History => history;

    /// <summary>Counts every change; the concurrency token, so an approval and a rejection at once do not both win.</summary>
    public int Version { get; private set; }

    public override string EntityType => "gmark_registration";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => BodyId;

    public static GmarkRegistration Register(Guid id, GctsCode gcts, string bodyId, string holderId, string schemeId, GmarkDetails details, GctsTerms terms,
        string by, DateTimeOffset at)
    {
        var registration = new GmarkRegistration
        {
            Id = id,
            Gcts = gcts.Format(),
            BodyId = Guard.Required(bodyId, "body"),
            HolderId = Guard.Required(holderId, "holder"),
            SchemeId = Guard.Required(schemeId, "scheme"),
            Details = details.CheckedAgainst(terms),
            RegisteredAt = at,
        };
        registration.Enter(GmarkState.Registered, by, at, null);
        registration.Record("gmark.registered", new { gcts = registration.Gcts, productType = details.ProductTypeId, regulation = details.Regulation, validityYears = details.ValidityYears });
        return registration;
    }

    /// <summary>Changes the details before submission or after a rejection; the GCTS code stays.</summary>
    public void Correct(GmarkDetails details, GctsTerms terms, string by, DateTimeOffset at)
    {
        RequireState("correct", GmarkState.Registered, GmarkState.Rejected);
        Details = details.CheckedAgainst(terms);
        StateChangedAt = at;
        Version++;
        Record("gmark.corrected", new { gcts = Gcts, validityYears = details.ValidityYears, by });
    }

    public void Submit(string by, DateTimeOffset at)
    {
        RequireState("submit", GmarkState.Registered, GmarkState.Rejected);
        RejectedBecause = null;
        Enter(GmarkState.Submitted, by, at, null);
        Record("gmark.submitted", new { gcts = Gcts });
    }

    /// <summary>Sends it back to the body, as an officer of <paramref name="schemeAuthority"/>.</summary>
    public void Reject(string reason, string officerAuthority, string schemeAuthority, string by, DateTimeOffset at)
    {
        RequireAuthority(officerAuthority, schemeAuthority, "reject");
        RequireState("reject", GmarkState.Submitted);
        RejectedBecause = string.IsNullOrWhiteSpace(reason)
            ? throw DomainException.Invalid("reason-required", "Say why the registration is rejected: the notified body corrects it from that.", "reason")
            : reason.Trim();
        Enter(GmarkState.Rejected, by, at, RejectedBecause);
        Record("gmark.rejected", new { gcts = Gcts, reason = RejectedBecause });
    }

    /// <summary>Approves it, as an officer of <paramref name="schemeAuthority"/>.</summary>
    public void Approve(string officerAuthority, string schemeAuthority, string by, DateTimeOffset at)
    {
        RequireAuthority(officerAuthority, schemeAuthority, "approve");
        RequireState("approve", GmarkState.Submitted);
        ApprovedBy = schemeAuthority;
        Enter(GmarkState.Approved, by, at, null);
        Record("gmark.approved", new { gcts = Gcts, authority = schemeAuthority });
    }

    /// <summary>Activates the approved registration with the e-certificate issued for it.</summary>
    public void Activate(Certificate certificate, string by, DateTimeOffset at)
    {
        RequireState("activate", GmarkState.Approved);
        if (certificate.Number != Gcts)
        {
            throw new InvalidOperationException($"The e-certificate of {Gcts} must carry the GCTS code as its number, not {certificate.Number}.");
        }

        CertificateId = certificate.Id;
        Enter(GmarkState.Active, by, at, null);
        Record("gmark.activated", new { gcts = Gcts, certificate = certificate.Id, validUntil = certificate.ValidUntil });
    }

    /// <summary>What the e-certificate certifies: the registration's product, under the scheme, held by <see cref="HolderId"/>.</summary>
    public CertificateContent CertificateContent(LocalizedText holderName, LocalizedText holderAddress) =>
        new(SchemeId, BodyId, HolderId, holderName, holderAddress, Details.Manufacturer, Details.Factory, Details.ProductTypeId, Details.Product, Details.Standards);

    public override object AuditState() => new
    {
        id = Id,
        gcts = Gcts,
        body = BodyId,
        holder = HolderId,
        scheme = SchemeId,
        details = Details,
        state = SnakeCaseNames.Of(State.ToString()),
        rejectedBecause = RejectedBecause,
        approvedBy = ApprovedBy,
        certificate = CertificateId,
    };

    private static void RequireAuthority(string officerAuthority, string schemeAuthority, string action)
    {
        if (!string.Equals(officerAuthority, schemeAuthority, StringComparison.OrdinalIgnoreCase))
        {
            throw DomainException.Forbidden("not-the-scheme-authority",
                $"Only officers of {schemeAuthority}, the scheme's authority, {action} G-mark registrations; you act for '{officerAuthority}'.");
        }
    }

    private void RequireState(string action, params GmarkState[] allowed)
    {
        if (!allowed.Contains(State))
        {
            throw DomainException.Conflict("gmark-state",
                $"G-mark registration {Gcts} is {SnakeCaseNames.Of(State.ToString())}; to {action} it, it must be {string.Join(" or ", allowed.Select(s => SnakeCaseNames.Of(s.ToString())))}.");
        }
    }

    private void Enter(GmarkState state, string by, DateTimeOffset at, string? reason)
    {
        State = state;
        StateChangedAt = at;
        Version++;
        history = [.. history, new GmarkStep(state, at, by, reason)];
    }
}
