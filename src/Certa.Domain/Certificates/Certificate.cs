using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Domain.Certificates;

/// <summary>
/// A certificate the body grants at the end of an application: its number by the scheme's pattern,
/// the holder (the applicant), manufacturer, factory, product and models, the standards it was
/// tested against, and its validity.
/// </summary>
public sealed class Certificate : Aggregate
{
    private IReadOnlyList<string> standards = [];

    private Certificate()
    {
        Number = SchemeId = BodyId = HolderId = ProductTypeId = string.Empty;
        HolderName = LocalizedText.Empty;
        Product = null!;
        Manufacturer = Factory = null!;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; }

    public string SchemeId { get; private set; }

    public string BodyId { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The applicant organisation that holds the certificate.</summary>
    public string HolderId { get; private set; }

    public LocalizedText HolderName { get; private set; }

    public Party Manufacturer { get; private set; }

    public Party Factory { get; private set; }

    public string ProductTypeId { get; private set; }

    public ProductDetails Product { get; private set; }

    public IReadOnlyList<string> Standards => standards;

    public DateOnly IssuedOn { get; private set; }

    public DateOnly ValidUntil { get; private set; }

    public CertificateState State { get; private set; }

    public int Version { get; private set; }

    public override string EntityType => "certificate";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => BodyId;

    /// <summary>Issues the certificate of a granted application, valid for the scheme's years (at most five).</summary>
    public static Certificate Issue(Guid id, string number, Application application, LocalizedText holderName, IEnumerable<string> testedStandards,
        int validityYears, DateTimeOffset at)
    {
        if (application.State != ApplicationState.Granted)
        {
            throw DomainException.Conflict("application-not-granted",
                $"A certificate is issued for a granted application; application {application.Id} is {ApplicationWorkflow.Name(application.State)}.");
        }

        if (validityYears is < 1 or > 5)
        {
            throw DomainException.Invalid("validity-invalid", $"A certificate is valid for 1 to 5 years; the scheme's data say {validityYears}.", "validity");
        }

        var list = testedStandards.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var issuedOn = DateOnly.FromDateTime(at.UtcDateTime);
        var certificate = new Certificate
        {
            Id = id,
            Number = Guard.Required(number, "number"),
            SchemeId = application.SchemeId,
            BodyId = application.BodyId,
            ApplicationId = application.Id,
            HolderId = application.ApplicantId,
            HolderName = holderName,
            Manufacturer = application.Manufacturer,
            Factory = application.Factory,
            ProductTypeId = application.ProductTypeId,
            Product = application.Product,
            standards = list,
            IssuedOn = issuedOn,
            // The day before the anniversary: five years from 2026-11-27 run to 2031-11-26.
            ValidUntil = issuedOn.AddYears(validityYears).AddDays(-1),
            State = CertificateState.Active,
        };
        certificate.Record("certificate.issued", new { number, application = application.Id, validUntil = certificate.ValidUntil, standards = list });
        return certificate;
    }

    public override object AuditState() => new
    {
        id = Id,
        number = Number,
        scheme = SchemeId,
        body = BodyId,
        application = ApplicationId,
        holder = HolderId,
        product = Product,
        manufacturer = Manufacturer,
        factory = Factory,
        standards,
        issuedOn = IssuedOn,
        validUntil = ValidUntil,
        state = SnakeCaseNames.Of(State.ToString()),
    };
}
