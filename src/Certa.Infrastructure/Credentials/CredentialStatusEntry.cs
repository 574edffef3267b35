namespace Certa.Infrastructure.Credentials;

/// <summary>What a status list bit says when it is set (W3C Bitstring Status List v1.0 §2.1).</summary>
public enum StatusPurpose
{
    Revocation,
    Suspension,
}

/// <summary>A credential's place in one status list: the list credential's URL and the bit's index.</summary>
public sealed record CredentialStatusEntry(StatusPurpose Purpose, string StatusListCredential, long Index)
{
    public string Id => $"{StatusListCredential}#{Index}";

    public string PurposeName => Purpose switch
    {
        StatusPurpose.Revocation => "revocation",
        StatusPurpose.Suspension => "suspension",
    };
}
