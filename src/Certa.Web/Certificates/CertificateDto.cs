using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;

namespace Certa.Web.Certificates;

public sealed record CertificateStatusDto(string State, DateTimeOffset At, string? Reason, DateOnly? Deadline);

public sealed record CertificateVersionDto(int Version, DateTimeOffset At, string Change, string? Reason, LocalizedText HolderName, LocalizedText HolderAddress,
    IReadOnlyList<string> Models);

public sealed record CertificateDto(Guid Id, string Number, int Version, string Scheme, string Body, Guid? Application, string Holder, LocalizedText HolderName,
    LocalizedText HolderAddress, Party Manufacturer, Party Factory, string ProductType, ProductDetails Product, IReadOnlyList<string> Standards,
    DateOnly IssuedOn, DateOnly ValidUntil, string State, string? StateReason, DateOnly? SuspendedUntil, string? Predecessor, string? SupersededBy,
    IReadOnlyList<CertificateStatusDto> StatusHistory, IReadOnlyList<CertificateVersionDto> Versions)
{
    public static CertificateDto From(Certificate c) => new(c.Id, c.Number, c.Version, c.SchemeId, c.BodyId, c.ApplicationId, c.HolderId, c.HolderName,
        c.HolderAddress, c.Manufacturer, c.Factory, c.ProductTypeId, c.Product, c.Standards, c.IssuedOn, c.ValidUntil, Name(c.State), c.StateReason,
        c.SuspendedUntil, c.PredecessorNumber, c.SupersededBy,
        [.. c.StatusHistory.Select(s => new CertificateStatusDto(Name(s.State), s.At, s.Reason, s.Deadline))],
        [.. c.Versions.Select(v => new CertificateVersionDto(v.Version, v.At, v.Change, v.Reason, v.HolderName, v.HolderAddress, v.Models))]);

    private static string Name(CertificateState state) => SnakeCaseNames.Of(state.ToString());
}
