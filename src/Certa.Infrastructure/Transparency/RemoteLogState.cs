using System.Text.Json;

namespace Certa.Infrastructure.Transparency;

/// <summary>
/// What a remote monitor keeps of a log between runs (<c>certa log monitor --server</c>): the log's key as first seen, and the
/// last signed tree head it accepted. <see cref="Frontier"/>, when the entries were checked, holds that tree's frontier
/// (<see cref="FrontierAppender.Frontier"/>, level by level) so the next run can hash on from the new entries alone.
/// Keys, roots and hashes are base64, as the log's API gives them.
/// </summary>
public sealed record RemoteLogState(string Server, string Key, long TreeSize, long Timestamp, string RootHash, IReadOnlyList<string>? Frontier)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The state saved in <paramref name="path"/>, or null when there is none yet; a file that is not a state is refused.</summary>
    public static async Task<RemoteLogState?> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<RemoteLogState>(file, Json, ct) is { Server: not null, Key: not null, RootHash: not null } state
            ? state
            : throw new JsonException($"{path} is not a log monitor state (server, key, treeSize, timestamp, rootHash).");
    }

    public async Task WriteAsync(string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json), ct);
    }
}
