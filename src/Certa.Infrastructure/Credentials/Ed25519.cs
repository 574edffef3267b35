using NSec.Cryptography;

namespace Certa.Infrastructure.Credentials;

/// <summary>An Ed25519 key pair as raw bytes: the 32-byte private seed (RFC 8032) and the 32-byte public key.</summary>
public sealed record Ed25519KeyPair(byte[] PrivateSeed, byte[] PublicKey);

/// <summary>
/// Ed25519 (RFC 8032) over NSec. Keys cross this API as raw bytes so that the caller decides how the seed is kept
/// (encrypted at rest); nothing here stores a key.
/// </summary>
public static class Ed25519
{
    public const int SeedSize = 32;
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    public static Ed25519KeyPair Generate()
    {
        using var key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new Ed25519KeyPair(key.Export(KeyBlobFormat.RawPrivateKey), key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateSeed)
    {
        using var key = Import(privateSeed);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    public static byte[] Sign(ReadOnlySpan<byte> privateSeed, ReadOnlySpan<byte> data)
    {
        using var key = Import(privateSeed);
        return Algorithm.Sign(key, data);
    }

    /// <summary>False for a wrong signature and for a key or signature of the wrong length; never throws on bad input.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        publicKey.Length == PublicKeySize
        && signature.Length == SignatureSize
        && PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key)
        && Algorithm.Verify(key!, data, signature);

    internal static Key Import(ReadOnlySpan<byte> privateSeed) =>
        privateSeed.Length == SeedSize
            ? Key.Import(Algorithm, privateSeed, KeyBlobFormat.RawPrivateKey)
            : throw new ArgumentException($"An Ed25519 private seed is {SeedSize} bytes, not {privateSeed.Length}.", nameof(privateSeed));
}

/// <summary>
/// An Ed25519 private key imported once, for many signatures: importing derives the public key, which costs about as much
/// as a signature. Signing is safe from several threads at once.
/// </summary>
public sealed class Ed25519Signer(ReadOnlySpan<byte> privateSeed) : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly Key key = Ed25519.Import(privateSeed);

    public byte[] Sign(ReadOnlySpan<byte> data) => Algorithm.Sign(key, data);

    public void Dispose() => key.Dispose();
}
