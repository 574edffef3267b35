using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using CsCheck;

namespace Certa.Domain.Tests.Organisations;

public sealed class ApiKeyTests
{
    private static readonly Organisation Customs = People.Of(OrganisationKind.Verifier, "demo-customs");

    private static (ApiKey Key, string Plaintext) Issue(DateTimeOffset? expiresAt = null, params Permission[] scopes) =>
        ApiKey.Issue(Customs, "customs gateway", scopes.Length == 0 ? [Permission.OrganisationsRead] : scopes, Guid.NewGuid(), People.T0, expiresAt);

    private static string SecretOf(string plaintext) =>
        ApiKey.TryParse(plaintext, out _, out var secret) ? secret : throw new InvalidOperationException($"{plaintext} does not parse");

    [Fact]
    public void Issue_ReturnsAKeyThatParsesBackToItsIdAndSecret()
    {
        var (key, plaintext) = Issue();

        plaintext.ShouldStartWith($"ck_{key.Id}_");
        ApiKey.TryParse(plaintext, out var id, out var secret).ShouldBeTrue();
        id.ShouldBe(key.Id);
        key.SecretHash.ShouldBe(Secrets.Hash(secret));
        key.Accepts(secret, People.T0).ShouldBeTrue();
        key.Actions().ShouldBe(["api_key.issued"]);
        CanonicalJson.Serialize(key.AuditState()).ShouldNotContain(secret);
    }

    [Theory]
    [InlineData("ck_0123456789abcdef_s", "0123456789abcdef", "s")]
    [InlineData("ck_0123456789abcdef_with_underscores", "0123456789abcdef", "with_underscores")]
    public void TryParse_WellShapedKeys_SplitIntoIdAndSecret(string presented, string id, string secret)
    {
        ApiKey.TryParse(presented, out var parsedId, out var parsedSecret).ShouldBeTrue();

        parsedId.ShouldBe(id);
        parsedSecret.ShouldBe(secret);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ck_")]
    [InlineData("ck_0123456789abcdef")]
    [InlineData("ck_0123456789abcdef_")]
    [InlineData("ck_0123456789ABCDEF_secret")]
    [InlineData("ck_0123456789abcdeg_secret")]
    [InlineData("ck-0123456789abcdef_secret")]
    [InlineData("CK_0123456789abcdef_secret")]
    [InlineData("ck_0123456789abcde_secret")]
    [InlineData("ck_0123456789abcdef0_secret")]
    [InlineData(" ck_0123456789abcdef_secret")]
    [InlineData("Bearer ck_0123456789abcdef_secret")]
    public void TryParse_MisshapenKeys_AreRefused(string presented) =>
        ApiKey.TryParse(presented, out _, out _).ShouldBeFalse();

    [Fact]
    public void TryParse_NeverThrows_OnAnyString() =>
        Gen.OneOf(Gen.String, Gen.String.Select(s => "ck_" + s), Gen.String.Select(s => "ck_0123456789abcdef" + s))
            .Sample(s =>
            {
                if (ApiKey.TryParse(s, out var id, out var secret))
                {
                    id.Length.ShouldBe(16);
                    secret.ShouldNotBeEmpty();
                    s.ShouldBe($"ck_{id}_{secret}");
                }
            }, iter: 5000);

    [Fact]
    public void Accepts_AWrongSecret_IsFalse()
    {
        var (key, plaintext) = Issue();
        var secret = SecretOf(plaintext);

        key.Accepts(Secrets.New(), People.T0).ShouldBeFalse();
        key.Accepts(secret[..^1], People.T0).ShouldBeFalse();
        key.Accepts(secret + "x", People.T0).ShouldBeFalse();
        key.Accepts(secret.ToUpperInvariant(), People.T0).ShouldBeFalse();
    }

    [Fact]
    public void Accepts_FromTheMomentOfExpiry_IsFalse()
    {
        var expiry = People.T0.AddDays(30);
        var (key, plaintext) = Issue(expiry);
        var secret = SecretOf(plaintext);

        key.Accepts(secret, expiry.AddTicks(-1)).ShouldBeTrue();
        key.Accepts(secret, expiry).ShouldBeFalse();
    }

    [Fact]
    public void Accepts_AfterRevoke_IsFalse_AndRevokingAgainIsAConflict()
    {
        var (key, plaintext) = Issue();
        key.ClearEvents();

        key.Revoke(People.T0.AddHours(1));

        key.Accepts(SecretOf(plaintext), People.T0.AddHours(2)).ShouldBeFalse();
        key.Actions().ShouldBe(["api_key.revoked"]);
        Should.Throw<DomainException>(() => key.Revoke(People.T0.AddHours(3))).Code.ShouldBe("already-revoked");
    }

    [Fact]
    public void Issue_WithAnExpiryNotInTheFuture_IsRefused() =>
        Should.Throw<DomainException>(() => Issue(People.T0)).Code.ShouldBe("expiry-in-past");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Issue_WithoutAName_IsRefused(string name) =>
        Should.Throw<DomainException>(() => ApiKey.Issue(Customs, name, [Permission.OrganisationsRead], null, People.T0, null)).Code.ShouldBe("name-required");

    [Fact]
    public void Issue_WithoutAScope_IsRefused() =>
        Should.Throw<DomainException>(() => ApiKey.Issue(Customs, "gateway", [], null, People.T0, null)).Code.ShouldBe("scope-required");

    [Theory]
    [InlineData(Permission.PeopleManage)]
    [InlineData(Permission.ApiKeysManage)]
    [InlineData(Permission.OrganisationsCreate)]
    [InlineData(Permission.AuditVerify)]
    public void Issue_WithAScopeTheKindMayNotGive_IsRefusedNamingItAndTheAllowedOnes(Permission scope)
    {
        var refused = Should.Throw<DomainException>(() => Issue(null, Permission.OrganisationsRead, scope));

        refused.Code.ShouldBe("scope-not-allowed");
        refused.Field.ShouldBe("scopes");
        refused.Message.ShouldContain(ApiKey.ScopeName(scope));
        refused.Message.ShouldContain("allowed: profile_read, organisations_read");
    }

    [Theory]
    [MemberData(nameof(EveryKindAndPermission))]
    public void Issue_AcceptsExactlyTheScopesOfTheKind(OrganisationKind kind, Permission scope)
    {
        var organisation = People.Of(kind);
        var allowed = AccessRules.ScopesFor(kind).Contains(scope);

        if (allowed)
        {
            ApiKey.Issue(organisation, "k", [scope], null, People.T0, null).Key.Scopes.ShouldBe([scope]);
        }
        else
        {
            Should.Throw<DomainException>(() => ApiKey.Issue(organisation, "k", [scope], null, People.T0, null)).Code.ShouldBe("scope-not-allowed");
        }
    }

    public static TheoryData<OrganisationKind, Permission> EveryKindAndPermission() => People.EveryPair<OrganisationKind, Permission>();
}
