using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Signing;
using Certa.Infrastructure.StatusLists;
using Certa.Infrastructure.Transparency;
using Certa.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Verification;

/// <summary>
/// <c>GET /api/v1/public/verification-bundle</c>: everything an offline verifier needs in one file — each issuing body's DID
/// document and signed status lists, and the log's latest signed tree head. <c>certa verify --update-cache</c> fetches it.
/// </summary>
public static class VerificationBundleEndpoints
{
    public static void MapVerificationBundle(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/public/verification-bundle", Get).WithTags("Verification").WithName("GetVerificationBundle")
            .WithSummary("DID documents, status lists and the log's tree head, for offline verification")
            .Public().RequireRateLimiting(PublicRateLimits.Lookup);

    private static async Task<IResult> Get(CertaDbContext db, BodyKeys keys, IssuerIdentity identity, StatusListPublisher lists, TransparencyLog log,
        TimeProvider clock, CancellationToken ct)
    {
        var bodies = await db.Certificates.AsNoTracking().Select(c => c.BodyId).Distinct().ToListAsync(ct);
        var result = new JsonArray();
        foreach (var body in bodies.Order(StringComparer.Ordinal))
        {
            var published = (await keys.PublishedAsync(body, ct)).Select(k => new PublishedKey(k.KeyId, k.PublicKey, k.CreatedAt, k.RevokedFrom)).ToList();
            var statusLists = new JsonObject();
            foreach (var purpose in StatusListPublisher.Purposes)
            {
                if (await lists.CurrentAsync(body, purpose, ct) is { } list)
                {
                    statusLists[CredentialStatusEntry.NameOf(purpose)] = JsonNode.Parse(list.Json);
                }
            }

            result.Add(new JsonObject
            {
                ["id"] = body,
                ["did"] = identity.Did(body),
                ["didDocument"] = DidDocuments.Build(identity.Did(body), published),
                ["statusLists"] = statusLists,
            });
        }

        var head = await log.LatestHeadAsync(ct);
        return Results.Json(new JsonObject
        {
            ["server"] = identity.PublicUrl,
            ["generatedAt"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["bodies"] = result,
            ["sth"] = head is null ? null : TransparencyLogEndpoints.Sth(head, log),
        });
    }
}
