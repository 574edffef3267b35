using Certa.Infrastructure.Credentials;
using CsCheck;

namespace Certa.Domain.Tests.Credentials;

public class MultikeyTests
{
    [Fact]
    public void Encode_SpecKey_IsTheSpecMultikey()
    {
        Multikey.Encode(SpecVectors.PublicKey).ShouldBe(SpecVectors.PublicKeyMultibase);
        Multikey.Decode(SpecVectors.PublicKeyMultibase).ShouldBe(SpecVectors.PublicKey);
        Ed25519.PublicKeyOf(SpecVectors.Seed).ShouldBe(SpecVectors.PublicKey);
    }

    [Fact]
    public void RoundTrip_AnyKey_StartsWithZ6Mk() =>
        Gen.Byte.Array[32].Sample(key =>
        {
            var encoded = Multikey.Encode(key);
            return encoded.StartsWith("z6Mk", StringComparison.Ordinal) && Multikey.Decode(encoded).SequenceEqual(key);
        });

    [Theory]
    [InlineData("zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169")] // a P-256 Multikey: other multicodec
    [InlineData("z6Mk")]
    [InlineData("6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")] // no multibase prefix
    [InlineData("")]
    public void TryDecode_NotAnEd25519Multikey_IsRefused(string text)
    {
        Multikey.TryDecode(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => Multikey.Decode(text));
    }

    [Fact]
    public void Encode_KeyOfWrongLength_IsRefused() =>
        Should.Throw<ArgumentException>(() => Multikey.Encode(new byte[33]));

    [Fact]
    public void Fingerprint_IsStableGroupedHex_AndDiffersBetweenKeys()
    {
        var fingerprint = KeyFingerprint.Of(SpecVectors.PublicKey);
        fingerprint.ShouldMatch("^[0-9A-F]{4}(:[0-9A-F]{4}){7}$");
        KeyFingerprint.Of(SpecVectors.PublicKey).ShouldBe(fingerprint);
        KeyFingerprint.Of(Ed25519.Generate().PublicKey).ShouldNotBe(fingerprint);
    }
}
