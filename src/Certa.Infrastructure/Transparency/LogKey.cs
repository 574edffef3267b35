using System.Security.Cryptography;
using System.Text;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Signing;

namespace Certa.Infrastructure.Transparency;

/// <summary>
/// The log's Ed25519 signing key, derived from the master key (HKDF-SHA256): every instance that shares the master key
/// signs tree heads with the same key, and nothing more needs storing. The log id is SHA-256 of the public key, as RFC 9162
/// §4.4 derives it from the key.
/// </summary>
public sealed class LogKey
{
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("certa/transparency-log/ed25519/v1");
    private readonly byte[] seed;

    public LogKey(MasterKey master)
    {
        seed = HKDF.DeriveKey(HashAlgorithmName.SHA256, master.Bytes.ToArray(), Ed25519.SeedSize, salt: [], info: Info);
        PublicKey = Ed25519.PublicKeyOf(seed);
        LogId = SHA256.HashData(PublicKey);
    }

    public byte[] PublicKey { get; }

    public byte[] LogId { get; }

    public byte[] Sign(ReadOnlySpan<byte> data) => Ed25519.Sign(seed, data);
}
