using Certa.Domain.Common;
using Certa.Infrastructure.Certificates.Search;

namespace Certa.Web.Verification;

/// <summary>A page of the public register's search.</summary>
public sealed record CertificateSearchDto(IReadOnlyList<CertificateSearchHitDto> Certificates, string? Next, IReadOnlyList<MatchedHolderDto> Holders)
{
    public static CertificateSearchDto From(CertificateSearchPage page) => new(
        [.. page.Hits.Select(h => new CertificateSearchHitDto(h.Number, h.HolderName, h.ProductName, h.ProductTypeId, h.Models, h.BodyId,
            SnakeCaseNames.Of(h.State.ToString()), h.IssuedOn, h.ValidUntil, $"/api/v1/public/certificates/{Uri.EscapeDataString(h.Number)}"))],
        page.Next,
        [.. page.Holders.Select(h => new MatchedHolderDto(h.Id, h.Name))]);
}

public sealed record CertificateSearchHitDto(string Number, LocalizedText HolderName, LocalizedText ProductName, string ProductTypeId,
    IReadOnlyList<string> Models, string BodyId, string State, DateOnly IssuedOn, DateOnly ValidUntil, string Verify);

public sealed record MatchedHolderDto(string Id, LocalizedText Name);
