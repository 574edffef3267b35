using Certa.Domain.Common;
using Certa.Domain.Gmark;
using Certa.Infrastructure.Gmark;
using Certa.Web.Applications;

namespace Certa.Web.Gmark;

/// <summary>A product to register (or its corrected details): the holder, a G-mark product type, the product and its parties, the Gulf HS code and the validity.</summary>
public sealed record GmarkRequest(string? Holder, string? ProductType, ProductRequest? Product, string? HsCode, PartyRequest? Manufacturer, PartyRequest? Factory,
    IReadOnlyList<string>? TargetCountries, IReadOnlyList<string>? Standards, string? AgeGrading, int? ValidityYears, string? InternalReference)
{
    public NewGmarkRegistration ToInput() => new(Holder, ProductType,
        (Product ?? throw DomainException.Invalid("product-required", "Describe the product.", "product")).ToDetails(), HsCode,
        (Manufacturer ?? new PartyRequest(null, null, null, null)).ToParty("manufacturer"),
        (Factory ?? new PartyRequest(null, null, null, null)).ToParty("factory"),
        TargetCountries ?? [], Standards ?? [], AgeGrading,
        ValidityYears ?? throw DomainException.Invalid("validityYears-required", "Say for how many years the product GCTS is to be activated.", "validityYears"),
        InternalReference);
}

public sealed record GmarkDto(Guid Id, string Gcts, string Body, string Holder, string Scheme, GmarkDetails Details, string State, string? RejectedBecause,
    string? ApprovedBy, Guid? CertificateId, string? CertificateUrl, DateTimeOffset RegisteredAt, DateTimeOffset StateChangedAt, IReadOnlyList<GmarkStepDto> History,
    int Version)
{
    public static GmarkDto From(GmarkRegistration r) => new(r.Id, r.Gcts, r.BodyId, r.HolderId, r.SchemeId, r.Details, GmarkPages.State(r.State), r.RejectedBecause,
        r.ApprovedBy, r.CertificateId, r.CertificateId is { } c ? $"/api/v1/certificates/{c}" : null, r.RegisteredAt, r.StateChangedAt,
        [.. r.History.Select(h => new GmarkStepDto(GmarkPages.State(h.State), h.At, h.By, h.Reason))], r.Version);
}

public sealed record GmarkStepDto(string State, DateTimeOffset At, string By, string? Reason);

public sealed record GmarkImportDto(int Imported, IReadOnlyList<GmarkDto> Registrations);

/// <summary>What the G-mark API and pages share.</summary>
public static class GmarkPages
{
    public static string State(GmarkState state) => SnakeCaseNames.Of(state.ToString());

    /// <summary>The CSV errors as problem details' <c>errors</c>: one entry per bad line, in line order.</summary>
    public static IReadOnlyList<object> Errors(IReadOnlyList<CsvLineError> errors) =>
        [.. errors.OrderBy(e => e.Line).Select(e => new { line = e.Line, field = e.Field, message = e.Message })];
}
