using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Domain.Gmark;

/// <summary>Where a G-mark registration stands on its way to an active e-certificate (GSO platform, S0).</summary>
public enum GmarkState
{
    /// <summary>Registered by the notified body and given its GCTS code; the body may still correct it ("In progress").</summary>
    Registered,

    /// <summary>Submitted to the authority ("Waiting for GSO Approval").</summary>
    Submitted,

    /// <summary>Sent back by the authority with a reason; the body corrects and submits again.</summary>
    Rejected,

    /// <summary>Approved by the authority; the body activates it.</summary>
    Approved,

    /// <summary>Activated: the e-certificate is issued, signed and public.</summary>
    Active,
}

/// <summary>
/// What the data say about a regulation's activation (data/gcc/gcts.yaml): the shortest and longest validity,
/// whether the toys fields are required, and the countries a certificate may target.
/// </summary>
public sealed record GctsTerms(string Regulation, int MinYears, int MaxYears, bool AgeGradingRequired, IReadOnlySet<string> TargetCountries);

/// <summary>One step of the registration's history, with the reason where there is one (a rejection).</summary>
public sealed record GmarkStep(GmarkState State, DateTimeOffset At, string By, string? Reason);

/// <summary>
/// What a notified body registers for a product (GSO e-certificate fields, reference §4c): the catalogue product type
/// and its technical regulation, the product with its models and brand, the Gulf HS code, the manufacturer and
/// factory, the target countries, the standards, the toys' age grading and the validity asked for.
/// </summary>
public sealed record GmarkDetails(
    string ProductTypeId,
    string Regulation,
    ProductDetails Product,
    string HsCode,
    Party Manufacturer,
    Party Factory,
    IReadOnlyList<string> TargetCountries,
    IReadOnlyList<string> Standards,
    string? AgeGrading,
    int ValidityYears,
    string? InternalReference)
{
    /// <summary>Checks the details against the regulation's terms; the first fault is refused, naming its field and value.</summary>
    public GmarkDetails CheckedAgainst(GctsTerms terms)
    {
        if (!string.Equals(Regulation, terms.Regulation, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Terms of {terms.Regulation} applied to a registration under {Regulation}.");
        }

        // Reference §4c: "Gulf 8-digit HS code".
        if (HsCode.Length != 8 || !HsCode.All(char.IsAsciiDigit))
        {
            throw DomainException.Invalid("hs-code-invalid", $"The Gulf HS code has 8 digits; '{HsCode}' has not.", "hsCode");
        }

        if (TargetCountries.Count == 0)
        {
            throw DomainException.Invalid("target-countries-required", "Name at least one GCC state the certificate targets.", "targetCountries");
        }

        if (TargetCountries.FirstOrDefault(c => !terms.TargetCountries.Contains(c)) is { } unknown)
        {
            throw DomainException.Invalid("target-country-invalid",
                $"'{unknown}' is not a state a G-mark certificate may target ({string.Join(", ", terms.TargetCountries.Order(StringComparer.Ordinal))}).", "targetCountries");
        }

        if (Standards.Count == 0)
        {
            throw DomainException.Invalid("standards-required", "Name the standards the product was assessed against.", "standards");
        }

        if (terms.AgeGradingRequired && string.IsNullOrWhiteSpace(AgeGrading))
        {
            throw DomainException.Invalid("age-grading-required", $"A toy registered under {Regulation} needs its age grading.", "ageGrading");
        }

        if (ValidityYears < terms.MinYears)
        {
            throw DomainException.Invalid("validity-too-short",
                $"Under {Regulation} a product GCTS is activated for at least {terms.MinYears} years; {ValidityYears} is too short.", "validityYears");
        }

        return ValidityYears > terms.MaxYears
            ? throw DomainException.Invalid("validity-too-long", $"A product GCTS is activated for at most {terms.MaxYears} years; {ValidityYears} is too long.", "validityYears")
            : this;
    }

    /// <summary>Trims and normalises what came in: country codes upper case, no duplicates, empty optional fields as none.</summary>
    public static GmarkDetails Of(string productTypeId, string regulation, ProductDetails product, string? hsCode, Party manufacturer, Party factory,
        IEnumerable<string> targetCountries, IEnumerable<string> standards, string? ageGrading, int validityYears, string? internalReference) =>
        new(productTypeId, regulation, product, (hsCode ?? string.Empty).Trim().Replace(".", string.Empty, StringComparison.Ordinal), manufacturer, factory,
            [.. targetCountries.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
            [.. standards.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            string.IsNullOrWhiteSpace(ageGrading) ? null : ageGrading.Trim(), validityYears,
            string.IsNullOrWhiteSpace(internalReference) ? null : internalReference.Trim());
}
