using System.Text;
using System.Text.Json.Nodes;
using Certa.Domain.Common;
using Certa.Infrastructure.Transparency;
using Certa.Web.Access;

namespace Certa.Web.Verification;

/// <summary>
/// The certificate transparency log's read API, in the style of RFC 9162 §5 (<c>/log/v2/…</c>, snake_case fields, hashes and
/// signatures in base64): get-sth, get-sth-consistency, get-proof-by-hash, get-entries, plus the log's key, and a
/// certificate's own events with their inclusion proofs.
/// </summary>
public static class TransparencyLogEndpoints
{
    public static void MapTransparencyLog(this IEndpointRouteBuilder app)
    {
        var log = app.MapGroup("/log/v2").WithTags("Transparency log").AddEndpointFilter<DomainProblems>().Public().RequireRateLimiting(PublicRateLimits.Lookup);
        log.MapGet("/get-sth", GetSth).WithName("GetSignedTreeHead").WithSummary("The latest signed tree head");
        log.MapGet("/get-sth-consistency", GetConsistency).WithName("GetConsistencyProof").WithSummary("Proof that tree `first` is a prefix of tree `second`");
        log.MapGet("/get-proof-by-hash", GetProofByHash).WithName("GetInclusionProof").WithSummary("Inclusion proof of a leaf hash in tree `tree_size`");
        log.MapGet("/get-entries", GetEntries).WithName("GetLogEntries").WithSummary("Entries `start` to `end` (inclusive; at most 1000)");
        log.MapGet("/log-info", Info).WithName("GetLogInfo").WithSummary("The log's id, public key and algorithms");
        app.MapGet("/api/v1/public/certificates/{number}/log", Inclusions).WithTags("Transparency log").WithName("GetCertificateLogEvents")
            .WithSummary("A certificate's events in the log, each with its inclusion proof in the latest tree")
            .AddEndpointFilter<DomainProblems>().Public().RequireRateLimiting(PublicRateLimits.Lookup);
    }

    private static async Task<IResult> GetSth(TransparencyLog log, CancellationToken ct) =>
        await log.LatestHeadAsync(ct) is { } head
            ? Results.Json(Sth(head, log))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Empty log", detail: "No certificate event has been logged yet.",
                extensions: new Dictionary<string, object?> { ["code"] = "log-empty" });

    private static async Task<IResult> GetConsistency(long first, long second, TransparencyLog log, CancellationToken ct)
    {
        TransparencyLog.CheckSizes(first, second);
        await log.HeadAsync(second, ct);
        if (first > 0)
        {
            await log.HeadAsync(first, ct);
        }

        var proof = await log.ConsistencyProofAsync(first, second, ct);
        return Results.Json(new JsonObject { ["consistency"] = Hashes(proof), ["first"] = first, ["second"] = second });
    }

    private static async Task<IResult> GetProofByHash(string hash, long tree_size, TransparencyLog log, CancellationToken ct)
    {
        var leafHash = Base64(hash, "hash");
        var head = await log.HeadAsync(tree_size, ct);
        var entry = await log.EntryByHashAsync(leafHash, tree_size, ct)
            ?? throw DomainException.NotFound("leaf-not-found", $"No entry with that leaf hash is in the tree of {tree_size} entries.");
        var path = await log.InclusionProofAsync(entry.Index, tree_size, ct);
        return Results.Json(new JsonObject
        {
            ["inclusion"] = new JsonObject { ["leaf_index"] = entry.Index, ["tree_size"] = tree_size, ["inclusion_path"] = Hashes(path) },
            ["sth"] = Sth(head, log),
        });
    }

    private static async Task<IResult> GetEntries(long start, long end, TransparencyLog log, CancellationToken ct)
    {
        var entries = await log.EntriesAsync(start, end, ct);
        return Results.Json(new JsonObject
        {
            ["entries"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
            {
                ["leaf_index"] = e.Index,
                ["leaf_input"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(e.Leaf)),
                ["leaf_hash"] = Convert.ToBase64String(e.LeafHash),
                ["timestamp"] = e.Timestamp.ToUnixTimeMilliseconds(),
            })]),
        });
    }

    private static IResult Info(TransparencyLog log) => Results.Json(new JsonObject
    {
        ["log_id"] = Convert.ToBase64String(log.LogId),
        ["key"] = Convert.ToBase64String(log.PublicKey),
        ["hash_algorithm"] = "sha256",
        ["signature_algorithm"] = "ed25519",
        ["signed"] = "TreeHeadDataV2 (RFC 9162 §4.10), TLS-encoded: uint64 timestamp, uint64 tree_size, opaque root_hash<32..255>, extensions<0..65535>",
    });

    private static async Task<IResult> Inclusions(string number, TransparencyLog log, CancellationToken ct) =>
        Results.Json(await log.InclusionsForAsync(number.Trim(), ct));

    public static JsonObject Sth(LogTreeHead head, TransparencyLog log) => new()
    {
        ["tree_size"] = head.TreeSize,
        ["timestamp"] = head.Timestamp.ToUnixTimeMilliseconds(),
        ["root_hash"] = Convert.ToBase64String(head.RootHash),
        ["signature"] = Convert.ToBase64String(head.Signature),
        ["log_id"] = Convert.ToBase64String(log.LogId),
    };

    private static JsonArray Hashes(IReadOnlyList<byte[]> hashes) => new([.. hashes.Select(h => (JsonNode)Convert.ToBase64String(h))]);

    private static byte[] Base64(string text, string field)
    {
        try
        {
            var bytes = Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
            return bytes.Length == 32 ? bytes : throw new FormatException();
        }
        catch (FormatException)
        {
            throw DomainException.Invalid("hash-invalid", "The leaf hash is 32 bytes in base64 (SHA-256 of 0x00 followed by the leaf).", field);
        }
    }
}
