using System.Security.Cryptography;

namespace Certa.Infrastructure.Credentials;

/// <summary>
/// A short, printable fingerprint of a public key, for people to compare (on a PDF, in a key list): the first
/// 16 bytes of SHA-256 over the Multikey bytes, as upper-case hex in groups of four ("3F2A:9C01:…").
/// </summary>
public static class KeyFingerprint
{
    public static string Of(ReadOnlySpan<byte> publicKey)
    {
        var hash = SHA256.HashData(Multibase.DecodeBase58Btc(Multikey.Encode(publicKey)));
        var hex = Convert.ToHexString(hash, 0, 16);
        return string.Join(':', Enumerable.Range(0, hex.Length / 4).Select(i => hex.Substring(i * 4, 4)));
    }
}
