namespace Certa.Infrastructure.Credentials;

/// <summary>Multibase with the one base Data Integrity uses for Ed25519: base58btc, prefix 'z'.</summary>
public static class Multibase
{
    public const char Base58BtcPrefix = 'z';

    public static string EncodeBase58Btc(ReadOnlySpan<byte> data) => Base58BtcPrefix + Base58Btc.Encode(data);

    public static byte[] DecodeBase58Btc(string text) =>
        TryDecodeBase58Btc(text, out var bytes) ? bytes : throw new FormatException($"'{text}' is not multibase base58btc ('z…').");

    public static bool TryDecodeBase58Btc(string? text, out byte[] bytes)
    {
        bytes = [];
        return text is { Length: > 1 } && text[0] == Base58BtcPrefix && Base58Btc.TryDecode(text[1..], out bytes);
    }
}
