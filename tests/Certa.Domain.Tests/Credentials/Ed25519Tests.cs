using System.Text;
using Certa.Infrastructure.Credentials;
using CsCheck;

namespace Certa.Domain.Tests.Credentials;

public class Ed25519Tests
{
    // RFC 8032 §7.1, TEST 1 (empty message) and TEST 2 (one byte).
    [Theory]
    [InlineData(
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData(
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    public void Sign_Rfc8032Vectors_GiveTheRfcSignature(string seed, string publicKey, string message, string signature)
    {
        var seedBytes = Convert.FromHexString(seed);
        Ed25519.PublicKeyOf(seedBytes).ShouldBe(Convert.FromHexString(publicKey));
        Convert.ToHexStringLower(Ed25519.Sign(seedBytes, Convert.FromHexString(message))).ShouldBe(signature);
        Ed25519.Verify(Convert.FromHexString(publicKey), Convert.FromHexString(message), Convert.FromHexString(signature)).ShouldBeTrue();
    }

    [Fact]
    public void Generate_GivesRawSeedAndPublicKey_ThatSignAndVerify()
    {
        var pair = Ed25519.Generate();
        pair.PrivateSeed.Length.ShouldBe(32);
        pair.PublicKey.Length.ShouldBe(32);
        Ed25519.PublicKeyOf(pair.PrivateSeed).ShouldBe(pair.PublicKey);
        var data = Encoding.UTF8.GetBytes("证书 2026010901000001");
        Ed25519.Verify(pair.PublicKey, data, Ed25519.Sign(pair.PrivateSeed, data)).ShouldBeTrue();
    }

    [Fact]
    public void Verify_AnyChangedByte_IsFalse() =>
        Gen.Select(Gen.Byte.Array[1, 64], Gen.Int.Positive).Sample((data, position) =>
        {
            var pair = Ed25519.Generate();
            var signature = Ed25519.Sign(pair.PrivateSeed, data);
            var changed = (byte[])data.Clone();
            changed[position % changed.Length] ^= 0x01;
            return Ed25519.Verify(pair.PublicKey, data, signature) && !Ed25519.Verify(pair.PublicKey, changed, signature);
        }, iter: 50);

    [Fact]
    public void Verify_WrongKeyOrBadLengths_IsFalseNotAnException()
    {
        var pair = Ed25519.Generate();
        var other = Ed25519.Generate();
        var signature = Ed25519.Sign(pair.PrivateSeed, "x"u8);
        Ed25519.Verify(other.PublicKey, "x"u8, signature).ShouldBeFalse();
        Ed25519.Verify(pair.PublicKey.AsSpan(0, 31), "x"u8, signature).ShouldBeFalse();
        Ed25519.Verify(pair.PublicKey, "x"u8, signature.AsSpan(0, 63)).ShouldBeFalse();
    }

    [Fact]
    public void Sign_SeedOfWrongLength_SaysHowLong() =>
        Should.Throw<ArgumentException>(() => Ed25519.Sign(new byte[31], "x"u8)).Message.ShouldContain("not 31");
}
