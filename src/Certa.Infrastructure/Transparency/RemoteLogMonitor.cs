using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Certa.Infrastructure.Transparency.Merkle;

namespace Certa.Infrastructure.Transparency;

/// <summary>The log's server could not be asked, or did not answer in the log API's shape; nothing about its consistency is known.</summary>
public sealed class RemoteLogException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What a remote monitor run found, and the state to keep when every check passed.</summary>
public sealed record RemoteMonitorResult(IReadOnlyList<MonitorCheck> Checks, RemoteLogState? Observed)
{
    public bool Passed => Checks.All(c => c.Passed);
}

/// <summary>
/// Monitors a Certa log over its public API (<c>/log/v2/…</c>) with nothing but what the server sends and what an earlier
/// run kept: the log key (recorded on first use; a changed key is a failure), the latest signed tree head (its signature
/// checked with that key), a consistency proof from the head seen last time (RFC 9162 §2.1.4), and optionally every new
/// entry, rehashed from its bytes and folded onto the saved frontier to recompute the signed root.
/// </summary>
public sealed class RemoteLogMonitor(HttpClient http, Uri server)
{
    /// <summary>Entries asked for at once; the server gives at most <see cref="TransparencyLog.MaxEntries"/> and the monitor takes what comes.</summary>
    public const int EntriesPage = TransparencyLog.MaxEntries;

    private readonly string root = server.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public async Task<RemoteMonitorResult> CheckAsync(RemoteLogState? previous, bool entries, CancellationToken ct)
    {
        List<MonitorCheck> checks = [];
        var info = await GetAsync("/log/v2/log-info", ct) ?? throw Malformed("/log/v2/log-info", "the log's key");
        var key = Bytes(info, "key", "/log/v2/log-info");
        var keyText = Convert.ToBase64String(key);
        var keyChanged = previous is not null && previous.Key != keyText;
        var idMatches = SHA256.HashData(key).AsSpan().SequenceEqual(Bytes(info, "log_id", "/log/v2/log-info"));
        checks.Add(new MonitorCheck("log key", !keyChanged && idMatches,
            keyChanged ? $"The log key CHANGED: recorded {previous!.Key}, the server now gives {keyText}. A log keeps its key; treat every new head as untrusted."
            : !idMatches ? $"The log id is not SHA-256 of the log key {keyText} (RFC 9162 §4.4)."
            : previous is null ? $"First run against {root}: recorded the log key {keyText}."
            : $"The log key is the one recorded ({keyText})."));
        if (keyChanged || !idMatches)
        {
            return new RemoteMonitorResult(checks, null);
        }

        if (await GetAsync("/log/v2/get-sth", ct) is not { } sth)
        {
            var emptyOk = previous is null || previous.TreeSize == 0;
            checks.Add(new MonitorCheck("tree head", emptyOk, emptyOk
                ? "The log is empty: no signed tree head yet."
                : $"The log answers that it is empty, but it had {previous!.TreeSize} entries last time: it was rewritten."));
            return new RemoteMonitorResult(checks, null);
        }

        var head = new RemoteLogState(root, keyText, Long(sth, "tree_size", "/log/v2/get-sth"), Long(sth, "timestamp", "/log/v2/get-sth"),
            Convert.ToBase64String(Bytes(sth, "root_hash", "/log/v2/get-sth")), null);
        var rootHash = Convert.FromBase64String(head.RootHash);
        var signed = TreeHeadSignature.Verify(key, head.Timestamp, head.TreeSize, rootHash, Bytes(sth, "signature", "/log/v2/get-sth"));
        checks.Add(new MonitorCheck("tree head", signed, signed
            ? $"The latest head (size {head.TreeSize}, root {head.RootHash}) is signed with the log key."
            : $"The latest head (size {head.TreeSize}) is NOT signed with the log key: the signature does not verify."));
        checks.Add(await ConsistencyAsync(previous, head, rootHash, ct));
        if (entries)
        {
            var (check, frontier) = await EntriesAsync(previous, head, rootHash, ct);
            checks.Add(check);
            head = head with { Frontier = frontier };
        }

        return new RemoteMonitorResult(checks, head);
    }

    private async Task<MonitorCheck> ConsistencyAsync(RemoteLogState? previous, RemoteLogState head, byte[] rootHash, CancellationToken ct)
    {
        if (previous is null)
        {
            return new MonitorCheck("consistency", true, $"No earlier head to compare with; the head of size {head.TreeSize} is recorded for the next run.");
        }

        if (head.TreeSize < previous.TreeSize)
        {
            return new MonitorCheck("consistency", false, $"The log SHRANK from {previous.TreeSize} entries (seen last time) to {head.TreeSize}: it was rewritten.");
        }

        var url = $"/log/v2/get-sth-consistency?first={previous.TreeSize}&second={head.TreeSize}";
        var proof = head.TreeSize == previous.TreeSize || previous.TreeSize == 0
            ? []
            : Hashes(await GetAsync(url, ct) ?? throw Malformed(url, "a consistency proof"), "consistency", url);
        var ok = MerkleVerifier.VerifyConsistency(previous.TreeSize, head.TreeSize, Convert.FromBase64String(previous.RootHash), rootHash, proof);
        return new MonitorCheck("consistency", ok, ok
            ? $"The head of size {previous.TreeSize} seen last time is consistent with the head of size {head.TreeSize} ({proof.Count} proof hashes): the log only grew."
            : $"The head of size {previous.TreeSize} seen last time (root {previous.RootHash}) is NOT consistent with the head of size {head.TreeSize} (root {head.RootHash}): "
                + "the log was rewritten, or the saved state was altered.");
    }

    /// <summary>
    /// Reads the entries after the saved frontier (all of them when there is none), checks each leaf hash against the leaf's
    /// bytes, and folds them onto the frontier page by page, so memory holds one page and O(log n) hashes.
    /// </summary>
    private async Task<(MonitorCheck Check, IReadOnlyList<string>? Frontier)> EntriesAsync(RemoteLogState? previous, RemoteLogState head, byte[] rootHash, CancellationToken ct)
    {
        var tree = new FrontierAppender(0, []);
        if (previous?.Frontier is { } saved && previous.TreeSize <= head.TreeSize)
        {
            if (Resume(previous, saved) is not { } resumed)
            {
                return (new MonitorCheck("entries", false, $"The frontier saved with the head of size {previous.TreeSize} does not hash to that head's root: the saved state was altered."), null);
            }

            tree = resumed;
        }

        var from = tree.Size;
        var badLeaves = new List<long>();
        while (tree.Size < head.TreeSize)
        {
            var url = $"/log/v2/get-entries?start={tree.Size}&end={Math.Min(head.TreeSize, tree.Size + EntriesPage) - 1}";
            var page = (await GetAsync(url, ct))?["entries"] as JsonArray ?? throw Malformed(url, "an entries array");
            if (page.Count == 0)
            {
                return (new MonitorCheck("entries", false, $"The log signed {head.TreeSize} entries but gives none from {tree.Size}."), null);
            }

            foreach (var entry in page.Take((int)Math.Min(page.Count, head.TreeSize - tree.Size)))
            {
                var item = entry as JsonObject ?? throw Malformed(url, "entries as objects");
                var leafHash = MerkleHash.LeafHash(Bytes(item, "leaf_input", url));
                if (Long(item, "leaf_index", url) != tree.Size || !leafHash.AsSpan().SequenceEqual(Bytes(item, "leaf_hash", url)))
                {
                    badLeaves.Add(tree.Size);
                }

                tree.Append(leafHash);
            }

            // Keep only the frontier: the nodes appended on this page are not needed again.
            tree = new FrontierAppender(tree.Size, Frontier(tree));
        }

        var recomputed = MerkleTree.Root(tree, head.TreeSize);
        var ok = badLeaves.Count == 0 && recomputed.AsSpan().SequenceEqual(rootHash);
        var check = new MonitorCheck("entries", ok, ok
            ? $"{head.TreeSize - from} new entries ({from} to {head.TreeSize - 1}) rehashed from their bytes; with the earlier ones they give the signed root."
            : badLeaves.Count > 0
                ? $"{badLeaves.Count} entries do not hash to their leaf hash or are out of place (first: entry {badLeaves[0]})."
                : $"The entries give the root {Convert.ToBase64String(recomputed)}, NOT the signed root {head.RootHash}: the log serves other entries than it signed.");
        return (check, ok ? [.. Frontier(tree).Select(n => Convert.ToBase64String(n.Hash))] : null);
    }

    /// <summary>The tree of the saved head rebuilt from its saved frontier, or null when the frontier does not give the saved root.</summary>
    private static FrontierAppender? Resume(RemoteLogState previous, IReadOnlyList<string> saved)
    {
        var coordinates = FrontierAppender.Frontier(previous.TreeSize);
        if (saved.Count != coordinates.Count)
        {
            return null;
        }

        try
        {
            var tree = new FrontierAppender(previous.TreeSize, coordinates.Select((c, i) => new MerkleNode(c.Level, c.Index, Convert.FromBase64String(saved[i]))));
            return MerkleTree.Root(tree, tree.Size).AsSpan().SequenceEqual(Convert.FromBase64String(previous.RootHash)) ? tree : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IEnumerable<MerkleNode> Frontier(FrontierAppender tree) =>
        FrontierAppender.Frontier(tree.Size).Select(c => new MerkleNode(c.Level, c.Index, tree.Node(c.Level, c.Index)));

    /// <summary>The JSON object at <paramref name="path"/>, or null when the log answers 404 that it is empty.</summary>
    private async Task<JsonObject?> GetAsync(string path, CancellationToken ct)
    {
        var url = root + path;
        try
        {
            using var response = await http.GetAsync(url, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.NotFound && body.Contains("\"log-empty\"", StringComparison.Ordinal))
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new RemoteLogException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}: {body[..Math.Min(body.Length, 300)]}");
            }

            return JsonNode.Parse(body) as JsonObject ?? throw Malformed(path, "a JSON object");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            throw new RemoteLogException($"cannot fetch {url}: {e.Message}", e);
        }
    }

    private RemoteLogException Malformed(string path, string expected) => new($"{root}{path} did not answer with {expected}: is this a Certa log?");

    private byte[] Bytes(JsonObject json, string name, string path) => Base64(json[name], path, $"a base64 '{name}'");

    private long Long(JsonObject json, string name, string path) =>
        json[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : throw Malformed(path, $"a number '{name}'");

    private List<byte[]> Hashes(JsonObject json, string name, string path) =>
        json[name] is JsonArray array ? [.. array.Select(h => Base64(h, path, $"base64 hashes in '{name}'"))] : throw Malformed(path, $"a '{name}' array");

    private byte[] Base64(JsonNode? node, string path, string expected)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                return Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                // Reported below with what was expected.
            }
        }

        throw Malformed(path, expected);
    }
}
