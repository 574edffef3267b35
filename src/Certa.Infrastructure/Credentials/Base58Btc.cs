namespace Certa.Infrastructure.Credentials;

/// <summary>Base58 with the Bitcoin alphabet (draft-msporny-base58): leading zero bytes become leading '1's.</summary>
public static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] Digits = BuildDigits();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // log(256) / log(58) ≈ 1.37: enough base-58 digits for the number the remaining bytes hold.
        var digits = new byte[((data.Length - zeros) * 138 / 100) + 1];
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            var carry = (int)data[i];
            var j = 0;
            for (; j < length || carry != 0; j++)
            {
                carry += 256 * digits[j];
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }

            length = j;
        }

        var text = new char[zeros + length];
        text.AsSpan(0, zeros).Fill('1');
        for (var i = 0; i < length; i++)
        {
            text[zeros + i] = Alphabet[digits[length - 1 - i]];
        }

        return new string(text);
    }

    public static byte[] Decode(string text) =>
        TryDecode(text, out var bytes) ? bytes : throw new FormatException($"'{text}' is not base58btc.");

    public static bool TryDecode(string text, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = [];
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        // log(58) / log(256) ≈ 0.733.
        var number = new byte[((text.Length - zeros) * 733 / 1000) + 1];
        var length = 0;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            var carry = c < 128 ? Digits[c] : -1;
            if (carry < 0)
            {
                return false;
            }

            var j = 0;
            for (; j < length || carry != 0; j++)
            {
                carry += 58 * number[j];
                number[j] = (byte)(carry & 0xff);
                carry >>= 8;
            }

            length = j;
        }

        bytes = new byte[zeros + length];
        for (var i = 0; i < length; i++)
        {
            bytes[zeros + i] = number[length - 1 - i];
        }

        return true;
    }

    private static sbyte[] BuildDigits()
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            digits[Alphabet[i]] = (sbyte)i;
        }

        return digits;
    }
}
