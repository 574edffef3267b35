using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Certa.Domain.Common;
using Certa.Infrastructure.Credentials;
using CsCheck;

namespace Certa.Domain.Tests.Credentials;

public class DataIntegrityProofTests
{
    [Fact]
    public void Sign_SpecVector_ReproducesThePublishedProofValue()
    {
        var signed = DataIntegrityProof.Sign(SpecVectors.Unsigned(), SpecVectors.Seed, SpecVectors.VerificationMethod, SpecVectors.Created);

        signed["proof"]!["proofValue"]!.GetValue<string>().ShouldBe(SpecVectors.ProofValue);
        JsonNode.DeepEquals(signed, SpecVectors.Signed()).ShouldBeTrue(signed.ToJsonString());
    }

    [Fact]
    public void HashData_EndsWithTheSpecDocumentHash()
    {
        var proofConfig = (JsonObject)SpecVectors.Signed()["proof"]!.DeepClone();
        proofConfig.Remove("proofValue");

        var hash = DataIntegrityProof.HashData(SpecVectors.Unsigned(), proofConfig);

        Convert.ToHexStringLower(hash[32..]).ShouldBe(SpecVectors.DocumentHashHex);
        hash[..32].ShouldBe(SHA256.HashData(CanonicalJson.Utf8(proofConfig)));
    }

    [Fact]
    public void Verify_SpecSignedDocument_IsVerified()
    {
        var result = DataIntegrityProof.Verify(SpecVectors.Signed(), SpecVectors.Resolve);

        result.Verified.ShouldBeTrue(result.ToString());
        result.VerificationMethod.ShouldBe(SpecVectors.VerificationMethod);
        result.Created.ShouldBe(SpecVectors.Created);
    }

    [Fact]
    public void Sign_LeavesTheUnsecuredDocumentAlone_AndIsDeterministic()
    {
        var unsigned = SpecVectors.Unsigned();
        var first = DataIntegrityProof.Sign(unsigned, SpecVectors.Seed, SpecVectors.VerificationMethod, SpecVectors.Created);
        var second = DataIntegrityProof.Sign(unsigned, SpecVectors.Seed, SpecVectors.VerificationMethod, SpecVectors.Created);

        unsigned.ContainsKey("proof").ShouldBeFalse();
        first.ToJsonString().ShouldBe(second.ToJsonString());
    }

    [Fact]
    public void Sign_CreatedIsWrittenInUtcToTheSecond()
    {
        var created = new DateTimeOffset(2026, 3, 1, 8, 30, 15, 999, TimeSpan.FromHours(8));

        var signed = DataIntegrityProof.Sign(SpecVectors.Unsigned(), SpecVectors.Seed, SpecVectors.VerificationMethod, created);

        signed["proof"]!["created"]!.GetValue<string>().ShouldBe("2026-03-01T00:30:15Z");
    }

    [Fact]
    public void Sign_AnAlreadySignedDocument_IsRefused() =>
        Should.Throw<ArgumentException>(() => DataIntegrityProof.Sign(SpecVectors.Signed(), SpecVectors.Seed, SpecVectors.VerificationMethod, SpecVectors.Created));

    [Fact]
    public void Verify_MembersReordered_StillVerifies()
    {
        var signed = SpecVectors.Signed();
        var reordered = new JsonObject();
        foreach (var (name, value) in signed.Reverse().ToList())
        {
            reordered[name] = value?.DeepClone();
        }

        DataIntegrityProof.Verify(reordered, SpecVectors.Resolve).Verified.ShouldBeTrue();
    }

    public static TheoryData<string, string, ProofFailure> Tampering => new()
    {
        { "a changed field", """{"name": "Alumni Credentia1"}""", ProofFailure.BadSignature },
        { "an added field", """{"validUntil": "2099-01-01T00:00:00Z"}""", ProofFailure.BadSignature },
        { "a changed proof date", """{"proof": {"created": "2024-02-24T23:36:38Z"}}""", ProofFailure.BadSignature },
        { "no proof", """{"proof": null}""", ProofFailure.NoProof },
        { "a proof set", """{"proof": []}""", ProofFailure.MalformedProof },
        { "another proof type", """{"proof": {"type": "Ed25519Signature2020"}}""", ProofFailure.WrongType },
        { "another cryptosuite", """{"proof": {"cryptosuite": "eddsa-rdfc-2022"}}""", ProofFailure.WrongCryptosuite },
        { "an unknown key", """{"proof": {"verificationMethod": "https://vc.example/issuers/5678#other"}}""", ProofFailure.UnknownVerificationMethod },
        { "another purpose", """{"proof": {"proofPurpose": "authentication"}}""", ProofFailure.ProofPurposeMismatch },
        { "a document context the proof did not sign", """{"@context": ["https://www.w3.org/ns/credentials/v2"]}""", ProofFailure.ContextMismatch },
        { "a proofValue in another base", """{"proof": {"proofValue": "u63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4"}}""", ProofFailure.MalformedProofValue },
        { "a short proofValue", """{"proof": {"proofValue": "z63t83Y53KfzJ5Zo"}}""", ProofFailure.MalformedProofValue },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public void Verify_TamperedDocument_SaysWhy(string what, string patch, ProofFailure expected)
    {
        var signed = SpecVectors.Signed();
        Merge(signed, (JsonObject)JsonNode.Parse(patch)!);

        var result = DataIntegrityProof.Verify(signed, SpecVectors.Resolve);

        result.Failure.ShouldBe(expected, what);
        result.Verified.ShouldBeFalse();
        result.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Verify_ContextAppendedAfterSigning_StillVerifies_AsTheSpecSays()
    {
        var signed = SpecVectors.Signed();
        signed["@context"]!.AsArray().Add("https://w3id.org/security/data-integrity/v2");

        DataIntegrityProof.Verify(signed, SpecVectors.Resolve).Verified.ShouldBeTrue();
    }

    [Fact]
    public void Verify_KeyOfAnotherBody_IsABadSignature()
    {
        var result = DataIntegrityProof.Verify(SpecVectors.Signed(), _ => Ed25519.Generate().PublicKey);

        result.Failure.ShouldBe(ProofFailure.BadSignature);
        result.Reason!.ShouldContain(SpecVectors.VerificationMethod);
    }

    [Fact]
    public void Verify_ExpectedPurposeIsTheCallers()
    {
        var signed = DataIntegrityProof.Sign(SpecVectors.Unsigned(), SpecVectors.Seed, SpecVectors.VerificationMethod, SpecVectors.Created, "authentication");

        DataIntegrityProof.Verify(signed, SpecVectors.Resolve, "authentication").Verified.ShouldBeTrue();
        DataIntegrityProof.Verify(signed, SpecVectors.Resolve).Failure.ShouldBe(ProofFailure.ProofPurposeMismatch);
    }

    [Fact]
    public void SignThenVerify_AnyText_VerifiesUntilOneCharacterChanges()
    {
        var pair = Ed25519.Generate();
        Gen.String.Sample(text =>
        {
            var unsigned = SpecVectors.Unsigned();
            unsigned["credentialSubject"]!["alumniOf"] = text;
            var signed = DataIntegrityProof.Sign(unsigned, pair.PrivateSeed, "did:web:body.example#k1", SpecVectors.Created);
            var tampered = (JsonObject)signed.DeepClone();
            tampered["credentialSubject"]!["alumniOf"] = text + "!";
            return DataIntegrityProof.Verify(signed, _ => pair.PublicKey).Verified
                && DataIntegrityProof.Verify(tampered, _ => pair.PublicKey).Failure == ProofFailure.BadSignature;
        }, iter: 200);
    }

    /// <summary>JSON merge patch (RFC 7396), enough for the cases above: null removes, objects merge.</summary>
    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject inner && target[name] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
