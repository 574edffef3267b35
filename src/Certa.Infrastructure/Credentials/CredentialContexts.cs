namespace Certa.Infrastructure.Credentials;

/// <summary>
/// A JSON-LD context Certa ships: its canonical URL, the path the web app serves a copy at, and its bytes exactly
/// as published. Contexts are never fetched: a verifier that fetched them could be made to read different terms.
/// </summary>
public sealed record CredentialContext(string Url, string ServedPath, ReadOnlyMemory<byte> Document);

/// <summary>The contexts Certa's credentials, DID documents and keys use, embedded in this assembly.</summary>
public static class CredentialContexts
{
    /// <summary>W3C VC Data Model 2.0, byte for byte from @digitalbazaar/credentials-context 3.2.0.</summary>
    public const string CredentialsV2 = "https://www.w3.org/ns/credentials/v2";

    /// <summary>W3C DID Core 1.0, from did-context 3.1.1.</summary>
    public const string DidV1 = "https://www.w3.org/ns/did/v1";

    /// <summary>Multikey verification methods, from @digitalbazaar/multikey-context 2.0.1.</summary>
    public const string MultikeyV1 = "https://w3id.org/security/multikey/v1";

    /// <summary>Certa's Digital Conformity Credential terms, shaped after UN/CEFACT UNTP DCC (ADR 010).</summary>
    public const string DccV1 = "https://certa.dev/contexts/dcc/v1";

    public static IReadOnlyList<CredentialContext> All { get; } =
    [
        Load(CredentialsV2, "/contexts/credentials/v2", "credentials-v2.jsonld"),
        Load(DidV1, "/contexts/did/v1", "did-v1.jsonld"),
        Load(MultikeyV1, "/contexts/multikey/v1", "multikey-v1.jsonld"),
        Load(DccV1, "/contexts/dcc/v1", "certa-dcc-v1.jsonld"),
    ];

    private static readonly Dictionary<string, CredentialContext> ByUrl = All.ToDictionary(c => c.Url, StringComparer.Ordinal);

    public static bool TryGet(string url, out ReadOnlyMemory<byte> document)
    {
        var found = ByUrl.TryGetValue(url, out var context);
        document = found ? context!.Document : ReadOnlyMemory<byte>.Empty;
        return found;
    }

    public static ReadOnlyMemory<byte> Get(string url) =>
        TryGet(url, out var document) ? document : throw new KeyNotFoundException($"Certa ships no JSON-LD context '{url}'.");

    private static CredentialContext Load(string url, string servedPath, string file)
    {
        var name = $"Certa.Credentials.Contexts.{file}";
        using var stream = typeof(CredentialContexts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded context '{name}' is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new CredentialContext(url, servedPath, copy.ToArray());
    }
}
