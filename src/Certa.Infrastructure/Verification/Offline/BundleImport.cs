using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.StatusLists;

namespace Certa.Infrastructure.Verification.Offline;

/// <summary>One status list taken into the cache.</summary>
public sealed record CachedStatusList(string BodyId, StatusPurpose Purpose, string Url, long Bits, int SetBits);

/// <summary>The bundle read from a server's answer, or why it was refused: then nothing may be cached.</summary>
public sealed record BundleImport(VerificationBundle? Bundle, IReadOnlyList<string> BodyIds, IReadOnlyList<CachedStatusList> Lists, IReadOnlyList<string> Problems)
{
    public bool Accepted => Bundle is not null;
}

/// <summary>
/// Reads <c>GET {server}/api/v1/public/verification-bundle</c>:
/// <c>{ "server", "generatedAt", "bodies": [ { "id", "did", "didDocument", "statusLists": { "revocation": {…}, … } } ], "sth" }</c>.
/// Every list's proof is checked against its own body's DID document before anything is accepted.
/// </summary>
public static class BundleImporter
{
    public static BundleImport Read(JsonObject response, string requestedServer, DateTimeOffset fetchedAt)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problems = new List<string>();
        var didDocuments = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var lists = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var cached = new List<CachedStatusList>();
        var bodyIds = new List<string>();
        if (response["bodies"] is not JsonArray bodies)
        {
            return Refused("The answer has no 'bodies' array.");
        }

        foreach (var (body, position) in bodies.Select((b, i) => (b as JsonObject, i)))
        {
            var id = JsonText.Of(body, "id");
            var did = JsonText.Of(body, "did");
            if (body is null || id is null || did is null || body["didDocument"] is not JsonObject didDocument)
            {
                problems.Add($"bodies[{position}] lacks an id, a did or a didDocument object.");
                continue;
            }

            if (JsonText.Of(didDocument, "id") != did)
            {
                problems.Add($"Body {id}: its DID document is for '{JsonText.Of(didDocument, "id")}', not {did}.");
                continue;
            }

            bodyIds.Add(id);
            didDocuments[did] = (JsonObject)didDocument.DeepClone();
            foreach (var (purposeName, node) in body["statusLists"] as JsonObject ?? [])
            {
                var (contents, problem) = node is JsonObject list
                    ? TrustedStatusList.Read(list, d => d == did ? didDocument : null)
                    : (null, "it is not a JSON object");
                if (contents is null)
                {
                    problems.Add($"Body {id}, {purposeName} list refused: {problem}");
                }
                else if (CredentialStatusEntry.NameOf(contents.Purpose) != purposeName)
                {
                    problems.Add($"Body {id}: the list given as '{purposeName}' is a {CredentialStatusEntry.NameOf(contents.Purpose)} list ({contents.ListUrl}).");
                }
                else
                {
                    lists[contents.ListUrl] = (JsonObject)node!.DeepClone();
                    cached.Add(new CachedStatusList(id, contents.Purpose, contents.ListUrl, contents.Bits.Length, contents.Bits.SetCount));
                }
            }
        }

        if (problems.Count > 0)
        {
            return new BundleImport(null, bodyIds, cached, problems);
        }

        var server = JsonText.Of(response, "server") ?? requestedServer;
        var bundle = new VerificationBundle(server, fetchedAt, didDocuments, lists, response["sth"]?.DeepClone() as JsonObject);
        return new BundleImport(bundle, bodyIds, cached, []);

        static BundleImport Refused(string problem) => new(null, [], [], [problem]);
    }
}
