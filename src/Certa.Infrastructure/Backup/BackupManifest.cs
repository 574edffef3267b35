using System.Text.Json;
using System.Text.Json.Serialization;
using Certa.Infrastructure.Persistence;

namespace Certa.Infrastructure.Backup;

/// <summary>One file of a backup archive: its name inside the archive, its SHA-256 (lower-case hex) and size.</summary>
public sealed record BackupEntry(string Path, string Sha256, long Size);

/// <summary>
/// <c>manifest.json</c>, the first entry of a backup archive: what the archive holds (every other entry with its hash), and
/// the census of the database at the moment of the snapshot, which a restore must find again.
/// </summary>
public sealed record BackupManifest(
    string Format,
    DateTimeOffset CreatedAt,
    DatabaseProvider Provider,
    string DatabaseEntry,
    DatabaseCensus Census,
    bool MasterKeyIncluded,
    IReadOnlyList<BackupEntry> Entries)
{
    public const string CurrentFormat = "certa-backup/1";

    public const string EntryName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads a manifest; a file that is not one of this format is refused with the reason.</summary>
    public static BackupManifest Parse(byte[] json)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
        }
        catch (JsonException e)
        {
            throw new BackupRefusedException($"The archive's {EntryName} is not valid JSON: {e.Message}");
        }

        if (manifest?.Format != CurrentFormat || manifest.Entries is null || manifest.Census is null)
        {
            throw new BackupRefusedException($"The archive's {EntryName} is not a {CurrentFormat} manifest (format '{manifest?.Format}').");
        }

        return manifest;
    }
}
