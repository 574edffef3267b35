namespace Certa.Infrastructure.Signing;

/// <summary>
/// The public names Certa gives a body's credentials, all made from <see cref="SigningOptions.PublicUrl"/>:
/// the body's did:web identifier (resolving to <c>{PublicUrl}/bodies/{body}/did.json</c> as the did:web
/// method specifies), its key ids, the verification link of a certificate, and its status lists.
/// </summary>
public sealed class IssuerIdentity
{
    private readonly Uri baseUri;
    private readonly string didPrefix;

    public IssuerIdentity(SigningOptions options)
    {
        if (!Uri.TryCreate(options.PublicUrl?.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Certa:Signing:PublicUrl must be an absolute http(s) URL; it is '{options.PublicUrl}'.");
        }

        baseUri = uri;
        PublicUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        // did:web puts the port after a percent-encoded colon and turns path segments into colon-separated parts.
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}%3A{uri.Port}";
        var path = uri.AbsolutePath.Trim('/');
        didPrefix = "did:web:" + host + (path.Length == 0 ? string.Empty : ":" + path.Replace('/', ':'));
    }

    public string PublicUrl { get; }

    public string Did(string bodyId) => $"{didPrefix}:bodies:{bodyId}";

    public string VerificationMethod(string bodyId, string keyId) => $"{Did(bodyId)}#{keyId}";

    public string DidDocumentUrl(string bodyId) => $"{PublicUrl}/bodies/{Uri.EscapeDataString(bodyId)}/did.json";

    public string JwksUrl(string bodyId) => $"{PublicUrl}/bodies/{Uri.EscapeDataString(bodyId)}/jwks.json";

    public string VerificationUrl(string number) => $"{PublicUrl}/verify/{Uri.EscapeDataString(number)}";

    public string StatusListUrl(string bodyId, string purpose) => $"{PublicUrl}/status/{Uri.EscapeDataString(bodyId)}/{purpose}";

    /// <summary>The body a verification method belongs to, if it is one of Certa's own.</summary>
    public bool TryParseMethod(string verificationMethod, out string bodyId, out string keyId)
    {
        bodyId = keyId = string.Empty;
        var prefix = didPrefix + ":bodies:";
        var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
        if (!verificationMethod.StartsWith(prefix, StringComparison.Ordinal) || hash < 0)
        {
            return false;
        }

        bodyId = verificationMethod[prefix.Length..hash];
        keyId = verificationMethod[(hash + 1)..];
        return bodyId.Length > 0 && keyId.Length > 0 && !bodyId.Contains(':', StringComparison.Ordinal);
    }

    public override string ToString() => baseUri.ToString();
}
