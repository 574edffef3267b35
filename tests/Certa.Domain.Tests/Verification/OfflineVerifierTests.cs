using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Verification.Offline;

namespace Certa.Domain.Tests.Verification;

public class OfflineVerifierTests
{
    private readonly TestIssuer issuer = new();

    [Fact]
    public void Verify_GenuineCurrentCertificate_IsVerified_WithEveryCheckPassed()
    {
        var result = Verify(issuer.Credential(), issuer.Bundle());

        result.Verified.ShouldBeTrue(Describe(result));
        Codes(result).ShouldBe(["proof-valid", "key-valid-at-signing", "within-validity", "not-revoked", "not-suspended", "current"]);
        result.Certificate!.Number.ShouldBe(TestIssuer.Number);
        result.Certificate.Holder.ShouldBe("Acme Electronics (Shenzhen) Co., Ltd. / 深圳艾克美电子有限公司");
        result.Certificate.Body.ShouldBe("China Quality Certification Centre / 中国质量认证中心");
        result.Checks[0].Message.ShouldContain("key-2026");
    }

    [Fact]
    public void Verify_TamperedField_IsProofInvalid_AndNothingElseIsClaimed()
    {
        var credential = issuer.Credential();
        credential["validUntil"] = "2040-12-31T23:59:59Z";

        var result = Verify(credential, issuer.Bundle());

        result.Verified.ShouldBeFalse();
        Codes(result).ShouldBe(["proof-invalid"]);
        result.Checks[0].Message.ShouldContain("altered or not signed by " + issuer.VerificationMethod);
    }

    [Fact]
    public void Verify_SuspendedBit_IsSuspended()
    {
        issuer.SetBit(StatusPurpose.Suspension);

        var result = Verify(issuer.Credential(), issuer.Bundle());

        result.Verified.ShouldBeFalse();
        var check = Single(result, "suspended");
        check.Message.ShouldContain("suspended this certificate");
        check.Message.ShouldContain($"index {TestIssuer.Index}");
        Single(result, "not-revoked").Outcome.ShouldBe(CheckOutcome.Passed);
    }

    [Fact]
    public void Verify_RevokedBit_IsRevoked()
    {
        issuer.SetBit(StatusPurpose.Revocation);

        var result = Verify(issuer.Credential(), issuer.Bundle());

        result.Verified.ShouldBeFalse();
        Single(result, "revoked").Message.ShouldContain("revoked this certificate");
    }

    [Fact]
    public void Verify_SupersededMessageBit_SaysSupersededFromTheEntrysStatusMessage()
    {
        issuer.SetBit(StatusPurpose.Message);

        var result = Verify(issuer.Credential(), issuer.Bundle());

        result.Verified.ShouldBeFalse();
        Single(result, "superseded").Message.ShouldStartWith("This version is superseded");
    }

    [Fact]
    public void Verify_NeighbouringBitSet_LeavesThisCertificateAlone()
    {
        issuer.SetBit(StatusPurpose.Revocation, TestIssuer.Index + 1);
        issuer.SetBit(StatusPurpose.Revocation, TestIssuer.Index - 1);

        Verify(issuer.Credential(), issuer.Bundle()).Verified.ShouldBeTrue();
    }

    [Fact]
    public void Verify_KeyRevokedBeforeSigning_IsKeyNotValidAtSigning()
    {
        var credential = issuer.Credential();
        issuer.KeyRevokedFrom = TestIssuer.SignedAt.AddDays(-1);

        var result = Verify(credential, issuer.Bundle());

        result.Verified.ShouldBeFalse();
        Codes(result).ShouldBe(["proof-valid", "key-not-valid-at-signing"]);
        result.Checks[1].Message.ShouldBe(
            $"The signature is genuine, but the credential was signed on 2026-03-01 08:00:00Z with key {issuer.VerificationMethod}, revoked from 2026-02-28 08:00:00Z: nothing the key signed from then on is trusted.");
    }

    [Fact]
    public void Verify_KeyRevokedAfterSigning_StillVerifies()
    {
        var credential = issuer.Credential();
        issuer.KeyRevokedFrom = TestIssuer.SignedAt.AddDays(1);

        var result = Verify(credential, issuer.Bundle(statusLists: Lists(p => SignedBeforeRevocation(p))));

        result.Verified.ShouldBeTrue(Describe(result));
        Single(result, "key-valid-at-signing").Message.ShouldContain("revoked only from 2026-03-02 08:00:00Z");
    }

    [Fact]
    public void Verify_ListSignedByAnotherKey_IsStatusListInvalid()
    {
        var stranger = Ed25519.Generate();
        var lists = Lists(p => issuer.StatusList(p, signer: p == StatusPurpose.Revocation ? stranger : null));

        var result = Verify(issuer.Credential(), issuer.Bundle(statusLists: lists));

        result.Verified.ShouldBeFalse();
        var check = Single(result, "status-list-invalid");
        check.Message.ShouldContain(TestIssuer.ListUrl(StatusPurpose.Revocation));
        check.Message.ShouldContain("signature does not match");
    }

    [Fact]
    public void Verify_ListWhoseBitsWereEditedInTheCache_IsStatusListInvalid()
    {
        issuer.SetBit(StatusPurpose.Revocation);
        var revoked = issuer.StatusList(StatusPurpose.Revocation);
        var cleared = new TestIssuer().StatusList(StatusPurpose.Revocation);
        revoked["credentialSubject"]!["encodedList"] = cleared["credentialSubject"]!["encodedList"]!.DeepClone();
        var lists = Lists(p => p == StatusPurpose.Revocation ? revoked : issuer.StatusList(p));

        var result = Verify(issuer.Credential(), issuer.Bundle(statusLists: lists));

        result.Verified.ShouldBeFalse();
        Single(result, "status-list-invalid").Outcome.ShouldBe(CheckOutcome.Failed);
    }

    [Fact]
    public void Verify_ListMissingFromTheBundle_SaysToUpdateTheCache()
    {
        var lists = Lists(p => issuer.StatusList(p));
        lists.Remove(TestIssuer.ListUrl(StatusPurpose.Suspension));

        var result = Verify(issuer.Credential(), issuer.Bundle(statusLists: lists));

        result.Verified.ShouldBeFalse();
        Single(result, "status-list-missing").Message.ShouldContain("--update-cache");
    }

    [Fact]
    public void Verify_IssuerWithoutDidDocument_IsIssuerUnknown()
    {
        var bundle = issuer.Bundle() with { DidDocuments = new Dictionary<string, JsonObject>() };

        var result = Verify(issuer.Credential(), bundle);

        Codes(result).ShouldBe(["issuer-unknown"]);
        result.Checks[0].Message.ShouldContain(TestIssuer.Did);
    }

    [Fact]
    public void Verify_SignedByAnotherKeyUnderTheSameKeyId_IsProofInvalid()
    {
        var impostor = new TestIssuer();

        var result = Verify(impostor.Credential(), issuer.Bundle());

        Codes(result).ShouldBe(["proof-invalid"]);
    }

    [Fact]
    public void Verify_SignedWithAKeyTheDocumentDoesNotList_IsKeyUnknown()
    {
        var credential = DataIntegrityProof.Sign(Unsigned(issuer.Credential()), issuer.Key.PrivateSeed, TestIssuer.Did + "#key-1999", TestIssuer.SignedAt);

        var result = Verify(credential, issuer.Bundle());

        Codes(result).ShouldBe(["key-unknown"]);
        result.Checks[0].Message.ShouldContain("key-1999");
    }

    [Fact]
    public void Verify_SignedWithAnotherBodysKey_IsKeyUnknown()
    {
        var credential = DataIntegrityProof.Sign(Unsigned(issuer.Credential()), issuer.Key.PrivateSeed, "did:web:certa.example:bodies:other#key-2026", TestIssuer.SignedAt);

        var result = Verify(credential, issuer.Bundle());

        Codes(result).ShouldBe(["key-unknown"]);
        result.Checks[0].Message.ShouldContain("does not belong to its issuer");
    }

    [Fact]
    public void Verify_AfterValidUntil_IsExpired_AndBeforeValidFrom_IsNotYetValid()
    {
        var credential = issuer.Credential(issuedOn: new DateOnly(2026, 3, 1), validUntil: new DateOnly(2026, 6, 30));

        var expired = Verify(credential, issuer.Bundle());
        var early = OfflineVerifier.Verify(credential.ToJsonString(), issuer.Bundle(), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Single(expired, "expired").Message.ShouldContain("2026-06-30 23:59:59Z");
        Single(early, "not-yet-valid").Outcome.ShouldBe(CheckOutcome.Failed);
    }

    [Fact]
    public void Verify_BundleOlderThanTheListsTtl_WarnsButVerifies()
    {
        var result = Verify(issuer.Credential(), issuer.Bundle(fetchedAt: TestIssuer.Now.AddDays(-2)));

        result.Verified.ShouldBeTrue(Describe(result));
        result.Checks.Count(c => c.Code == "status-list-stale").ShouldBe(3);
        result.Checks.Where(c => c.Code == "status-list-stale").ShouldAllBe(c => c.Outcome == CheckOutcome.Warning);
    }

    [Fact]
    public void Verify_NotJson_FailsWithTheParserMessage()
    {
        var result = OfflineVerifier.Verify("{ not json", issuer.Bundle(), TestIssuer.Now);

        result.Verified.ShouldBeFalse();
        Codes(result).ShouldBe(["not-json"]);
    }

    private static OfflineVerification Verify(JsonObject credential, VerificationBundle bundle) =>
        OfflineVerifier.Verify(credential.ToJsonString(), bundle, TestIssuer.Now);

    private static Dictionary<string, JsonObject> Lists(Func<StatusPurpose, JsonObject> list) =>
        Enum.GetValues<StatusPurpose>().ToDictionary(TestIssuer.ListUrl, list);

    private JsonObject SignedBeforeRevocation(StatusPurpose purpose)
    {
        var list = Unsigned(issuer.StatusList(purpose));
        return DataIntegrityProof.Sign(list, issuer.Key.PrivateSeed, issuer.VerificationMethod, TestIssuer.SignedAt);
    }

    private static JsonObject Unsigned(JsonObject signed)
    {
        var copy = (JsonObject)signed.DeepClone();
        copy.Remove("proof");
        return copy;
    }

    private static string[] Codes(OfflineVerification result) => [.. result.Checks.Select(c => c.Code)];

    private static VerificationCheck Single(OfflineVerification result, string code) => result.Checks.Single(c => c.Code == code);

    private static string Describe(OfflineVerification result) => string.Join("\n", result.Checks.Select(c => $"{c.Outcome} {c.Code}: {c.Message}"));
}
