using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Registry;

namespace Certa.Domain.Declarations;

/// <summary>
/// A self-declaration of conformity for a catalogue product under self-declaration A or B: there is no
/// certificate; the manufacturer files the declaration with its type-test report (from a designated
/// lab for B) and gets a public filing record, which verification and supervision treat like a
/// certificate.
/// </summary>
public sealed class Declaration : Aggregate
{
    private Declaration()
    {
        FilingNumber = DeclarantId = SchemeId = ProductTypeId = string.Empty;
        Product = null!;
        Manufacturer = Factory = null!;
        Report = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>The public number of the filing record.</summary>
    public string FilingNumber { get; private set; }

    /// <summary>The applicant organisation that declares (manufacturer, factory or importer).</summary>
    public string DeclarantId { get; private set; }

    public string SchemeId { get; private set; }

    public string ProductTypeId { get; private set; }

    /// <summary>Self-declaration A or B, as the catalogue says for the product type.</summary>
    public ProductMode Mode { get; private set; }

    public ProductDetails Product { get; private set; }

    public Party Manufacturer { get; private set; }

    public Party Factory { get; private set; }

    public TypeTestReport Report { get; private set; }

    public DeclarationState State { get; private set; }

    public string? WithdrawnBecause { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public int Version { get; private set; }

    public override string EntityType => "declaration";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => DeclarantId;

    /// <summary>
    /// Files a declaration. <paramref name="labDesignated"/> says whether the report's lab is designated
    /// for the product type in the registry on the report's date; self-declaration B requires it.
    /// </summary>
    public static Declaration File(Guid id, string filingNumber, string declarantId, ProductType productType, ProductDetails product, Party manufacturer,
        Party factory, TypeTestReport report, bool labDesignated, DateTimeOffset at)
    {
        if (productType.Mode is not (ProductMode.SdocA or ProductMode.SdocB))
        {
            throw DomainException.Invalid("not-self-declared",
                $"{productType.Name.En} ({productType.Id}) is certified by a designated body, not self-declared: apply for certification instead.", "productType");
        }

        if (productType.Mode == ProductMode.SdocB && (report.LabId is null || !labDesignated))
        {
            throw DomainException.Invalid("lab-not-designated",
                $"Self-declaration B needs a type-test report from a laboratory designated for {productType.Id}; {report.LabName} is not.", "report.lab");
        }

        if (report.IssuedOn > DateOnly.FromDateTime(at.UtcDateTime))
        {
            throw DomainException.Invalid("report-date-in-the-future", $"The report's date {report.IssuedOn:yyyy-MM-dd} is in the future.", "report.issuedOn");
        }

        var declaration = new Declaration
        {
            Id = id,
            FilingNumber = Guard.Required(filingNumber, "filingNumber"),
            DeclarantId = Guard.Required(declarantId, "declarant"),
            SchemeId = productType.SchemeId,
            ProductTypeId = productType.Id,
            Mode = productType.Mode,
            Product = product,
            Manufacturer = manufacturer,
            Factory = factory,
            Report = report,
            State = DeclarationState.Filed,
            FiledAt = at,
        };
        declaration.Record("declaration.filed", new
        {
            filingNumber,
            productType = productType.Id,
            mode = SnakeCaseNames.Of(productType.Mode.ToString()),
            lab = report.LabId ?? report.LabName,
            report = report.Sha256,
        });
        return declaration;
    }

    public void Withdraw(string reason, DateTimeOffset at)
    {
        if (State == DeclarationState.Withdrawn)
        {
            throw DomainException.Conflict("declaration-withdrawn", $"Declaration {FilingNumber} is already withdrawn.");
        }

        WithdrawnBecause = string.IsNullOrWhiteSpace(reason)
            ? throw DomainException.Invalid("reason-required", "Say why the declaration is withdrawn: the public record shows it.", "reason")
            : reason.Trim();
        State = DeclarationState.Withdrawn;
        WithdrawnAt = at;
        Version++;
        Record("declaration.withdrawn", new { reason = WithdrawnBecause });
    }

    public override object AuditState() => new
    {
        id = Id,
        filingNumber = FilingNumber,
        declarant = DeclarantId,
        productType = ProductTypeId,
        mode = SnakeCaseNames.Of(Mode.ToString()),
        product = Product,
        manufacturer = Manufacturer,
        factory = Factory,
        report = Report,
        state = SnakeCaseNames.Of(State.ToString()),
        withdrawnBecause = WithdrawnBecause,
    };
}
