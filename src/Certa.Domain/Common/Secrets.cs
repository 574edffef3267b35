using System.Security.Cryptography;
using System.Text;

namespace Certa.Domain.Common;

/// <summary>
/// Random secrets for invitation links and API keys, and their stored form. The secrets carry 256
/// random bits, so a plain SHA-256 is enough to store them: there is nothing to guess, which is what
/// slow password hashes defend against.
/// </summary>
public static class Secrets
{
    /// <summary>32 random bytes, base64url without padding (43 characters).</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares in constant time, so the time taken says nothing about how much matched.</summary>
    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
