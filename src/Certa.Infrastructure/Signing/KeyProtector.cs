using System.Security.Cryptography;
using System.Text;

namespace Certa.Infrastructure.Signing;

/// <summary>
/// Encrypts a private signing key with the master key (AES-256-GCM). The body and key id are bound in
/// as associated data, so an encrypted key copied onto another body's row does not decrypt.
/// Layout: version byte 1, 12-byte nonce, 16-byte tag, ciphertext.
/// </summary>
public sealed class KeyProtector(MasterKey master)
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Protect(ReadOnlySpan<byte> privateKey, string bodyId, string keyId)
    {
        var blob = new byte[1 + NonceSize + TagSize + privateKey.Length];
        blob[0] = FormatVersion;
        var nonce = blob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(master.Bytes, TagSize);
        aes.Encrypt(nonce, privateKey, blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), Associated(bodyId, keyId));
        return blob;
    }

    public byte[] Unprotect(byte[] blob, string bodyId, string keyId)
    {
        if (blob.Length <= 1 + NonceSize + TagSize || blob[0] != FormatVersion)
        {
            throw new InvalidOperationException($"The stored private key {bodyId}#{keyId} is not in a format this Certa reads.");
        }

        var plain = new byte[blob.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(master.Bytes, TagSize);
        try
        {
            aes.Decrypt(blob.AsSpan(1, NonceSize), blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), plain, Associated(bodyId, keyId));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new InvalidOperationException(
                $"The private key {bodyId}#{keyId} does not decrypt with this master key: Certa:Signing:MasterKey (or keys/master.key) is not the one it was made with.");
        }

        return plain;
    }

    private static byte[] Associated(string bodyId, string keyId) => Encoding.UTF8.GetBytes($"certa-signing-key:v1:{bodyId}:{keyId}");
}
