using System.ComponentModel;
using Certa.Domain.Common;
using Certa.Infrastructure.Certificates.Search;
using Certa.Web.Access;

namespace Certa.Web.Verification;

/// <summary>
/// <c>GET /api/v1/public/certificates?holder=…&amp;model=…</c>: the public register searched by holder or model, for those who
/// have a product or a company's name but no certificate number.
/// </summary>
public static class CertificateSearchEndpoints
{
    public static void MapCertificateSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/public/certificates", Search).WithTags("Verification").WithName("SearchCertificates")
            .WithSummary("Search certificates by holder or model")
            .WithDescription("Certificates whose holder's name contains `holder` (English or Chinese, any case), or that cover a model "
                + "starting with `model` (spaces and case do not count), or both; in number order, `limit` a page, the next page "
                + "after the number in `next`. Every state is listed: check one with /api/v1/public/certificates/{number}.")
            .Produces<CertificateSearchDto>().ProducesProblem(StatusCodes.Status400BadRequest)
            .AddEndpointFilter<DomainProblems>().Public().RequireRateLimiting(PublicRateLimits.Lookup);
    }

    private static async Task<IResult> Search(
        [Description("Part of the holder's name, at least 2 characters.")] string? holder,
        [Description("A model or its beginning, at least 3 characters.")] string? model,
        [Description("The `next` of the previous page.")] string? after,
        [Description("Certificates a page, 1 to 100 (20 when left out).")] string? limit,
        CertificateSearch search, CancellationToken ct)
    {
        var size = CertificateSearchQuery.DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit) && !int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size))
        {
            throw DomainException.Invalid("limit-invalid", $"'limit' is a whole number from 1 to {CertificateSearchQuery.MaxLimit}.", "limit");
        }

        var page = await search.SearchAsync(new CertificateSearchQuery(holder, model, after, size), ct);
        return Results.Ok(CertificateSearchDto.From(page));
    }
}
