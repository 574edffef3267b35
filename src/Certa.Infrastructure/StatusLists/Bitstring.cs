using System.IO.Compression;
using System.Numerics;
using System.Security.Cryptography;

namespace Certa.Infrastructure.StatusLists;

/// <summary>
/// The bits of a status list (W3C Bitstring Status List v1.0 §4): index 0 is the most significant bit of the first
/// byte. Encoded as the spec's <c>encodedList</c>: GZIP, then multibase base64url without padding ('u' prefix).
/// </summary>
public sealed class Bitstring
{
    /// <summary>§4.1: at least 16 KB, so that one credential's bit hides among 131 072 others (herd privacy).</summary>
    public const int MinimumBits = 131_072;

    /// <summary>The largest list <see cref="Decode"/> inflates: a few hundred bytes of GZIP must not become gigabytes.</summary>
    public const int MaximumBytes = 16 * 1024 * 1024;

    public const char Base64UrlPrefix = 'u';

    private readonly byte[] bytes;

    /// <summary>An all-clear list of <paramref name="bits"/> bits, at least <see cref="MinimumBits"/> and a whole number of bytes.</summary>
    public Bitstring(int bits = MinimumBits)
    {
        if (bits < MinimumBits || bits % 8 != 0 || bits / 8 > MaximumBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits,
                $"A status list holds a multiple of 8 bits between {MinimumBits} and {MaximumBytes * 8L}.");
        }

        bytes = new byte[bits / 8];
    }

    private Bitstring(byte[] bytes) => this.bytes = bytes;

    /// <summary>How many bits the list holds.</summary>
    public long Length => bytes.Length * 8L;

    /// <summary>How many bits are set.</summary>
    public int SetCount => bytes.Sum(b => BitOperations.PopCount(b));

    public bool Get(long index)
    {
        CheckIndex(index);
        return (bytes[index / 8] & Mask(index)) != 0;
    }

    public void Set(long index, bool value = true)
    {
        CheckIndex(index);
        if (value)
        {
            bytes[index / 8] |= Mask(index);
        }
        else
        {
            bytes[index / 8] &= (byte)~Mask(index);
        }
    }

    /// <summary>The indexes of the set bits, in order.</summary>
    public IEnumerable<long> SetIndexes()
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            for (var bit = 0; bytes[i] != 0 && bit < 8; bit++)
            {
                if ((bytes[i] & (0x80 >> bit)) != 0)
                {
                    yield return (i * 8L) + bit;
                }
            }
        }
    }

    /// <summary>SHA-256 of the uncompressed bytes in lower-case hex: equal digests, equal lists.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The <c>encodedList</c>: GZIP of the bytes, multibase base64url without padding.</summary>
    public string Encode()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return Base64UrlPrefix + Convert.ToBase64String(compressed.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads an <c>encodedList</c>; a <see cref="FormatException"/> says what is wrong with it.</summary>
    public static Bitstring Decode(string encodedList)
    {
        ArgumentNullException.ThrowIfNull(encodedList);
        if (encodedList.Length == 0 || encodedList[0] != Base64UrlPrefix)
        {
            throw new FormatException(
                $"The encodedList must be multibase base64url, starting with '{Base64UrlPrefix}'; it starts with '{Preview(encodedList, 8)}'.");
        }

        var compressed = FromBase64Url(encodedList[1..]);
        var raw = Inflate(compressed);
        if (raw.Length * 8L < MinimumBits)
        {
            throw new FormatException(
                $"The encodedList holds {raw.Length * 8L} bits; a status list holds at least {MinimumBits} (Bitstring Status List v1.0 §4.1).");
        }

        return new Bitstring(raw);
    }

    private static byte[] FromBase64Url(string text)
    {
        if (text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) || text.Length % 4 == 1)
        {
            throw new FormatException($"The encodedList is not base64url without padding: '{Preview(text, 24)}'.");
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }

    private static byte[] Inflate(byte[] compressed)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var raw = new MemoryStream();
            var buffer = new byte[81_920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (raw.Length + read > MaximumBytes)
                {
                    throw new FormatException($"The encodedList inflates to more than {MaximumBytes} bytes; refused (a status list is far smaller).");
                }

                raw.Write(buffer, 0, read);
            }

            return raw.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"The encodedList is not GZIP data: {e.Message}", e);
        }
    }

    private void CheckIndex(long index)
    {
        if (index < 0 || index >= Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The status list holds bits 0 to {Length - 1}.");
        }
    }

    private static byte Mask(long index) => (byte)(0x80 >> (int)(index % 8));

    private static string Preview(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
