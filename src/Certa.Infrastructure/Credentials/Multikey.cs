namespace Certa.Infrastructure.Credentials;

/// <summary>
/// An Ed25519 public key as a Multikey (W3C Controlled Identifiers §2.2.2): the multicodec ed25519-pub prefix
/// 0xed 0x01, then the 32 key bytes, multibase base58btc — always "z6Mk…".
/// </summary>
public static class Multikey
{
    private static readonly byte[] Ed25519PublicPrefix = [0xed, 0x01];

    public static string Encode(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Ed25519.PublicKeySize)
        {
            throw new ArgumentException($"An Ed25519 public key is {Ed25519.PublicKeySize} bytes, not {publicKey.Length}.", nameof(publicKey));
        }

        return Multibase.EncodeBase58Btc([.. Ed25519PublicPrefix, .. publicKey]);
    }

    public static byte[] Decode(string publicKeyMultibase) =>
        TryDecode(publicKeyMultibase, out var key) ? key : throw new FormatException($"'{publicKeyMultibase}' is not an Ed25519 Multikey (z6Mk…).");

    public static bool TryDecode(string? publicKeyMultibase, out byte[] publicKey)
    {
        publicKey = [];
        if (!Multibase.TryDecodeBase58Btc(publicKeyMultibase, out var bytes)
            || bytes.Length != Ed25519PublicPrefix.Length + Ed25519.PublicKeySize
            || !bytes.AsSpan(0, Ed25519PublicPrefix.Length).SequenceEqual(Ed25519PublicPrefix))
        {
            return false;
        }

        publicKey = bytes[Ed25519PublicPrefix.Length..];
        return true;
    }
}
