using System.IO.Compression;
using Certa.Infrastructure.StatusLists;
using CsCheck;

namespace Certa.Domain.Tests.StatusLists;

public class BitstringTests
{
    [Fact]
    public void New_IsTheSpecMinimum_AllClear()
    {
        var bits = new Bitstring();

        bits.Length.ShouldBe(131_072);
        bits.SetCount.ShouldBe(0);
        bits.SetIndexes().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 0, 0x80)]
    [InlineData(7, 0, 0x01)]
    [InlineData(8, 1, 0x80)]
    [InlineData(131_071, 16_383, 0x01)]
    public void Set_PutsIndexZeroInTheFirstBytesMostSignificantBit(long index, int expectedByte, int expectedValue)
    {
        var bits = new Bitstring();

        bits.Set(index);

        bits.Get(index).ShouldBeTrue();
        bits.SetCount.ShouldBe(1);
        var raw = Inflate(bits.Encode());
        raw[expectedByte].ShouldBe((byte)expectedValue);
        raw.Count(b => b != 0).ShouldBe(1);
    }

    [Fact]
    public void Set_False_ClearsOnlyThatBit()
    {
        var bits = new Bitstring();
        bits.Set(9);
        bits.Set(10);

        bits.Set(9, false);

        bits.SetIndexes().ShouldBe([10L]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(131_072)]
    public void GetAndSet_OutsideTheList_Throw(long index)
    {
        var bits = new Bitstring();

        Should.Throw<ArgumentOutOfRangeException>(() => bits.Get(index)).Message.ShouldContain("0 to 131071");
        Should.Throw<ArgumentOutOfRangeException>(() => bits.Set(index));
    }

    [Theory]
    [InlineData(131_064)]
    [InlineData(131_073)]
    public void New_SmallerThanTheMinimumOrNotWholeBytes_IsRefused(int size)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Bitstring(size));
    }

    [Fact]
    public void Encode_IsMultibaseBase64UrlOfGzip_WithoutPadding()
    {
        var encoded = new Bitstring().Encode();

        encoded[0].ShouldBe('u');
        encoded.ShouldNotContain("=");
        encoded.ShouldNotContain("+");
        encoded.ShouldNotContain("/");
        Inflate(encoded).Length.ShouldBe(16_384);
    }

    [Fact]
    public void Decode_OfEncode_GivesTheSameBits_AndTheSameDigest()
    {
        var bits = new Bitstring(262_144);
        foreach (var index in new long[] { 0, 7, 8, 4711, 131_072, 262_143 })
        {
            bits.Set(index);
        }

        var decoded = Bitstring.Decode(bits.Encode());

        decoded.Length.ShouldBe(262_144);
        decoded.SetIndexes().ShouldBe([0L, 7, 8, 4711, 131_072, 262_143]);
        decoded.Sha256Hex().ShouldBe(bits.Sha256Hex());
    }

    [Fact]
    public void Sha256Hex_OfTheEmptyMinimumList_IsTheDigestOf16KiBOfZeros()
    {
        new Bitstring().Sha256Hex().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(new byte[16_384])));
    }

    [Fact]
    public void Sha256Hex_ChangesWithAnyBit()
    {
        var bits = new Bitstring();
        var before = bits.Sha256Hex();

        bits.Set(100_000);

        bits.Sha256Hex().ShouldNotBe(before);
    }

    [Theory]
    [InlineData("zH4sIAAAAAAAA", "starting with 'u'")]
    [InlineData("", "starting with 'u'")]
    [InlineData("uH4sI+AAA", "not base64url")]
    [InlineData("uAAAAAAAA", "not GZIP")]
    public void Decode_Malformed_SaysWhy(string encoded, string expected)
    {
        Should.Throw<FormatException>(() => Bitstring.Decode(encoded)).Message.ShouldContain(expected);
    }

    [Fact]
    public void Decode_ListShorterThanTheSpecMinimum_IsRefused()
    {
        Should.Throw<FormatException>(() => Bitstring.Decode(Encode(new byte[100]))).Message.ShouldContain("800 bits");
    }

    [Fact]
    public void Decode_ZipBomb_IsRefusedWithoutInflatingItAll()
    {
        var bomb = Encode(new byte[Bitstring.MaximumBytes + 1]);

        bomb.Length.ShouldBeLessThan(100_000);
        Should.Throw<FormatException>(() => Bitstring.Decode(bomb)).Message.ShouldContain("more than 16777216 bytes");
    }

    [Fact]
    public void EncodeDecode_AnySetOfBits_RoundTrips()
    {
        Gen.Long[0, Bitstring.MinimumBits - 1].HashSet[0, 200].Sample(indexes =>
        {
            var bits = new Bitstring();
            foreach (var index in indexes)
            {
                bits.Set(index);
            }

            var decoded = Bitstring.Decode(bits.Encode());

            return decoded.SetIndexes().SequenceEqual(indexes.Order()) && decoded.SetCount == indexes.Count;
        });
    }

    internal static string Encode(byte[] raw)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            gzip.Write(raw);
        }

        return "u" + Convert.ToBase64String(compressed.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static byte[] Inflate(string encoded)
    {
        var base64 = encoded[1..].Replace('-', '+').Replace('_', '/');
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='))), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        gzip.CopyTo(raw);
        return raw.ToArray();
    }
}
