using Certa.Domain.Common;

namespace Certa.Domain.Audits;

/// <summary>
/// A body's auditor as registered personnel: registration number, qualification and competence
/// scope. Only an auditor whose registration is valid on the audit's first day and whose scope
/// covers the product type may be assigned to a factory audit.
/// </summary>
public sealed class AuditorRegistration : Aggregate
{
    private IReadOnlyList<string> scope = [];

    private AuditorRegistration()
    {
        BodyId = RegistrationNumber = string.Empty;
    }

    public Guid PersonId { get; private set; }

    public string BodyId { get; private set; }

    /// <summary>The number the accreditation register gives the auditor (e.g. CCAA's).</summary>
    public string RegistrationNumber { get; private set; }

    public AuditorQualification Qualification { get; private set; }

    /// <summary>
    /// Product types the auditor is competent for: product type ids (<c>ccc.0902</c>) or category
    /// prefixes (<c>ccc.09</c> covers every <c>ccc.09xx</c>).
    /// </summary>
    public IReadOnlyList<string> Scope => scope;

    public DateOnly ValidUntil { get; private set; }

    public override string EntityType => "auditor_registration";

    public override string EntityKey => PersonId.ToString();

    public override string? OwningOrganisation => BodyId;

    public static AuditorRegistration Register(Guid personId, string bodyId, string registrationNumber, AuditorQualification qualification,
        IEnumerable<string> scope, DateOnly validUntil)
    {
        var registration = new AuditorRegistration { PersonId = personId, BodyId = Guard.Required(bodyId, "body") };
        registration.Set(registrationNumber, qualification, scope, validUntil);
        registration.Record("auditor.registered", registration.AuditState());
        return registration;
    }

    public void Revise(string registrationNumber, AuditorQualification qualification, IEnumerable<string> newScope, DateOnly validUntil)
    {
        Set(registrationNumber, qualification, newScope, validUntil);
        Record("auditor.registration_revised", AuditState());
    }

    /// <summary>Whether the registration is valid on <paramref name="day"/> and its scope covers <paramref name="productTypeId"/>.</summary>
    public bool IsCompetentFor(string productTypeId, DateOnly day) =>
        day <= ValidUntil && scope.Any(s => productTypeId.StartsWith(s, StringComparison.Ordinal));

    public override object AuditState() => new
    {
        person = PersonId,
        body = BodyId,
        registrationNumber = RegistrationNumber,
        qualification = SnakeCaseNames.Of(Qualification.ToString()),
        scope,
        validUntil = ValidUntil,
    };

    private void Set(string registrationNumber, AuditorQualification qualification, IEnumerable<string> newScope, DateOnly validUntil)
    {
        RegistrationNumber = Guard.Required(registrationNumber, "registrationNumber");
        if (RegistrationNumber.Length > 64)
        {
            throw DomainException.Invalid("registration-number-too-long", "A registration number has at most 64 characters.", "registrationNumber");
        }

        var list = (newScope ?? []).Select(s => s?.Trim() ?? string.Empty).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw DomainException.Invalid("scope-required", "Name the product types (ccc.0902) or categories (ccc.09) the auditor is competent for.", "scope");
        }

        if (list.FirstOrDefault(s => !s.Contains('.', StringComparison.Ordinal) || s.Length < 4) is { } bad)
        {
            throw DomainException.Invalid("scope-invalid", $"'{bad}' is not a product type (ccc.0902) or category (ccc.09).", "scope");
        }

        Qualification = qualification;
        scope = list;
        ValidUntil = validUntil;
    }
}

/// <summary>The grade of an auditor's registration.</summary>
public enum AuditorQualification
{
    /// <summary>May take part in audits; cannot lead one.</summary>
    Auditor,

    /// <summary>May lead an audit team.</summary>
    SeniorAuditor,
}
