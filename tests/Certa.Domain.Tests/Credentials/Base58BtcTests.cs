using System.Text;
using Certa.Infrastructure.Credentials;
using CsCheck;

namespace Certa.Domain.Tests.Credentials;

public class Base58BtcTests
{
    // draft-msporny-base58-03 §5 test vectors.
    [Theory]
    [InlineData("Hello World!", "2NEpo7TZRRrLZSi2U")]
    [InlineData("The quick brown fox jumps over the lazy dog.", "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z")]
    [InlineData("", "")]
    public void Encode_TextVectors_MatchTheDraft(string text, string expected)
    {
        Base58Btc.Encode(Encoding.ASCII.GetBytes(text)).ShouldBe(expected);
        Base58Btc.Decode(expected).ShouldBe(Encoding.ASCII.GetBytes(text));
    }

    [Fact]
    public void Encode_LeadingZeroBytes_BecomeLeadingOnes()
    {
        byte[] bytes = [0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd];
        Base58Btc.Encode(bytes).ShouldBe("11233QC4");
        Base58Btc.Decode("11233QC4").ShouldBe(bytes);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("O")]
    [InlineData("I")]
    [InlineData("l")]
    [InlineData("abc+")]
    [InlineData("中")]
    public void TryDecode_CharacterOutsideTheAlphabet_IsRefused(string text)
    {
        Base58Btc.TryDecode(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => Base58Btc.Decode(text)).Message.ShouldContain(text);
    }

    [Fact]
    public void RoundTrip_AnyBytes_ComeBackUnchanged() =>
        Gen.Byte.Array[0, 80].Sample(bytes => Base58Btc.Decode(Base58Btc.Encode(bytes)).SequenceEqual(bytes));

    [Fact]
    public void Multibase_PrefixesZ_AndRefusesOtherBases()
    {
        Multibase.EncodeBase58Btc("Hello World!"u8).ShouldBe("z2NEpo7TZRRrLZSi2U");
        Multibase.DecodeBase58Btc("z2NEpo7TZRRrLZSi2U").ShouldBe("Hello World!"u8.ToArray());
        Multibase.TryDecodeBase58Btc("u2NEpo7TZRRrLZSi2U", out _).ShouldBeFalse();
        Multibase.TryDecodeBase58Btc("z", out _).ShouldBeFalse();
        Multibase.TryDecodeBase58Btc(null, out _).ShouldBeFalse();
    }
}
