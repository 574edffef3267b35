using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;
using Certa.Testing;

namespace Certa.Integration.Tests.Credentials;

/// <summary>Certa's credentials against Digital Bazaar's implementation, both directions, through tools/vc-interop.</summary>
public sealed class InteropTests : IDisposable
{
    private readonly VcInterop _node = new();
    private readonly Ed25519KeyPair _key = Ed25519.Generate();

    public void Dispose() => _node.Dispose();

    [Fact]
    public async Task CertaSigned_VerifiesInDigitalBazaar()
    {
        var (exitCode, error) = await _node.VerifyAsync(SignedByCerta(), DidDocument(_key.PublicKey));

        exitCode.ShouldBe(0, error);
    }

    [Fact]
    public async Task DigitalBazaarSigned_VerifiesInCerta_WithTheSameProofValueCertaWouldMake()
    {
        var unsigned = Unsigned();

        var signed = await _node.SignAsync(unsigned, _key.PrivateSeed, SampleCertificate.VerificationMethod);

        var result = DataIntegrityProof.Verify(signed, Resolver(_key.PublicKey));
        result.Verified.ShouldBeTrue(result.ToString());
        // Ed25519 is deterministic: the same document, key and time must give Certa's very bytes.
        var created = DateTimeOffset.Parse(signed["proof"]!["created"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var ours = DataIntegrityProof.Sign(unsigned, _key.PrivateSeed, SampleCertificate.VerificationMethod, created);
        ours["proof"]!["proofValue"]!.GetValue<string>().ShouldBe(signed["proof"]!["proofValue"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("number")]
    [InlineData("validUntil")]
    public async Task ChangedField_FailsInBothVerifiers(string field)
    {
        var certaSigned = SignedByCerta();
        var nodeSigned = await _node.SignAsync(Unsigned(), _key.PrivateSeed, SampleCertificate.VerificationMethod);

        foreach (var signed in new[] { certaSigned, nodeSigned })
        {
            Tamper(signed, field);
            DataIntegrityProof.Verify(signed, Resolver(_key.PublicKey)).Failure.ShouldBe(ProofFailure.BadSignature);
            var (exitCode, error) = await _node.VerifyAsync(signed, DidDocument(_key.PublicKey));
            exitCode.ShouldBe(1, error);
            error.ShouldContain("Invalid signature");
        }
    }

    [Fact]
    public async Task WrongKey_FailsInBothVerifiers()
    {
        var other = Ed25519.Generate().PublicKey;
        var signed = SignedByCerta();

        DataIntegrityProof.Verify(signed, Resolver(other)).Failure.ShouldBe(ProofFailure.BadSignature);
        var (exitCode, error) = await _node.VerifyAsync(signed, DidDocument(other));
        exitCode.ShouldBe(1, error);
    }

    [Fact]
    public async Task UndefinedTerm_IsRefusedByDigitalBazaarsSafeMode()
    {
        var unsigned = Unsigned();
        unsigned["credentialSubject"]!["notInTheContext"] = "x";
        var signed = DataIntegrityProof.Sign(unsigned, _key.PrivateSeed, SampleCertificate.VerificationMethod, DateTimeOffset.UtcNow);

        var (exitCode, error) = await _node.VerifyAsync(signed, DidDocument(_key.PublicKey));

        exitCode.ShouldBe(1);
        error.ShouldContain("Safe mode");
    }

    private static JsonObject Unsigned() =>
        CertificateCredential.Build(SampleCertificate.Facts(), SampleCertificate.Issuer, SampleCertificate.Status);

    private JsonObject SignedByCerta() =>
        DataIntegrityProof.Sign(Unsigned(), _key.PrivateSeed, SampleCertificate.VerificationMethod, DateTimeOffset.UtcNow);

    private static JsonObject DidDocument(byte[] publicKey) =>
        DidDocuments.Build(SampleCertificate.BodyDid, [new PublishedKey("key-2026", publicKey, DateTimeOffset.UtcNow.AddYears(-1))]);

    private static Func<string, byte[]?> Resolver(byte[] publicKey) =>
        method => DidDocuments.PublicKeyOf(DidDocument(publicKey), method);

    private static void Tamper(JsonObject signed, string field)
    {
        switch (field)
        {
            case "number":
                signed["credentialSubject"]!["certificateNumber"] = "2026010901000002";
                break;
            case "validUntil":
                signed["validUntil"] = DateTime.UtcNow.AddYears(9).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, "No such tampering.");
        }
    }
}
