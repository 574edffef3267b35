using System.Text.Json;
using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.StatusLists;

namespace Certa.Infrastructure.Verification.Offline;

/// <summary>
/// Everything an offline verifier needs from one Certa server, fetched once by <c>certa verify --update-cache</c>
/// and kept as one JSON file (<see cref="FileName"/>) in the cache directory:
/// <code>
/// {
///   "format": "certa-verification-bundle/1",
///   "server": "https://certa.example",
///   "fetchedAt": "2026-11-27T17:00:00Z",
///   "didDocuments": { "did:web:certa.example:bodies:cqc": { …DID document… } },
///   "statusLists": { "https://certa.example/status/cqc/revocation": { …signed BitstringStatusListCredential… } },
///   "sth": { …the transparency log's signed tree head, as served; optional… }
/// }
/// </code>
/// The lists are kept signed, so every verification checks them again against the DID documents.
/// </summary>
public sealed record VerificationBundle(
    string Server,
    DateTimeOffset FetchedAt,
    IReadOnlyDictionary<string, JsonObject> DidDocuments,
    IReadOnlyDictionary<string, JsonObject> StatusLists,
    JsonObject? Sth = null)
{
    public const string Format = "certa-verification-bundle/1";
    public const string FileName = "verification-bundle.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string ToJson()
    {
        var root = new JsonObject
        {
            ["format"] = Format,
            ["server"] = Server,
            ["fetchedAt"] = Timestamps.Utc(FetchedAt),
            ["didDocuments"] = Objects(DidDocuments),
            ["statusLists"] = Objects(StatusLists),
        };
        if (Sth is not null)
        {
            root["sth"] = Sth.DeepClone();
        }

        return root.ToJsonString(Indented);
    }

    /// <summary>Reads a bundle file; a <see cref="FormatException"/> says what is wrong with it.</summary>
    public static VerificationBundle Parse(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("The verification bundle is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The verification bundle is not JSON: {e.Message}", e);
        }

        if (JsonText.Of(root, "format") is var format && format != Format)
        {
            throw new FormatException($"The verification bundle's format is '{format}', not '{Format}'.");
        }

        var fetchedAt = JsonText.InstantOf(root, "fetchedAt")
            ?? throw new FormatException($"The verification bundle's fetchedAt '{JsonText.Of(root, "fetchedAt")}' is not a date and time.");

        return new VerificationBundle(
            JsonText.Of(root, "server") ?? throw new FormatException("The verification bundle names no server."),
            fetchedAt,
            ObjectsOf(root, "didDocuments"),
            ObjectsOf(root, "statusLists"),
            root["sth"]?.DeepClone() as JsonObject);
    }

    /// <summary>The bundle in <paramref name="directory"/>, or null when none was saved there yet.</summary>
    public static VerificationBundle? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : null;
    }

    /// <summary>Writes the bundle to <paramref name="directory"/>, replacing the previous one whole or not at all.</summary>
    public string Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, ToJson());
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary><c>$XDG_CACHE_HOME/certa</c>, else <c>~/.cache/certa</c> (XDG Base Directory Specification).</summary>
    public static string DefaultDirectory(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var xdg = environment("XDG_CACHE_HOME");
        var cache = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(environment("HOME") is { Length: > 0 } home ? home : System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "certa");
    }

    private static JsonObject Objects(IReadOnlyDictionary<string, JsonObject> items) =>
        new(items.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => KeyValuePair.Create(i.Key, (JsonNode?)i.Value.DeepClone())));

    private static Dictionary<string, JsonObject> ObjectsOf(JsonObject root, string property)
    {
        var items = root[property] as JsonObject ?? throw new FormatException($"The verification bundle has no '{property}' object.");
        return items.ToDictionary(
            i => i.Key,
            i => i.Value as JsonObject ?? throw new FormatException($"The verification bundle's {property}['{i.Key}'] is not a JSON object."),
            StringComparer.Ordinal);
    }
}
