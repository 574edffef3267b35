namespace Certa.Infrastructure.Credentials;

/// <summary>What a status list bit says when it is set (W3C Bitstring Status List v1.0 §2.1).</summary>
public enum StatusPurpose
{
    Revocation,
    Suspension,

    /// <summary>A status message: Certa's message lists say whether a version has been superseded by a newer version or a renewal.</summary>
    Message,
}

/// <summary>A credential's place in one status list: the list credential's URL and the bit's index.</summary>
public sealed record CredentialStatusEntry(StatusPurpose Purpose, string StatusListCredential, long Index)
{
    /// <summary>What a message list's bit values mean (statusSize 1); every verifier reads them from the entry itself.</summary>
    public static readonly IReadOnlyList<(string Status, string Message)> Messages = [("0x0", "current"), ("0x1", "superseded")];

    public string Id => $"{StatusListCredential}#{Index}";

    public string PurposeName => NameOf(Purpose);

    public static string NameOf(StatusPurpose purpose) => purpose switch
    {
        StatusPurpose.Revocation => "revocation",
        StatusPurpose.Suspension => "suspension",
        StatusPurpose.Message => "message",
    };

    /// <summary>The purpose named in a URL or a list credential; null for anything else.</summary>
    public static StatusPurpose? Parse(string? name) => name switch
    {
        "revocation" => StatusPurpose.Revocation,
        "suspension" => StatusPurpose.Suspension,
        "message" => StatusPurpose.Message,
        _ => null,
    };
}
