using System.Net;
using System.Text;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Domain.Signing;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Signing;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Certificates;

/// <summary>
/// A body's signing keys: published as a did:web DID document and a JWKS; rotation makes new
/// certificates use the new key while old ones still verify; a key revoked from a moment makes what it
/// signed since then fail, with the reason; the private keys are stored only encrypted.
/// </summary>
public abstract class SigningKeyApiTests(SignedInDemoFixture fixture)
{
    private HttpClient BodyAdmin => fixture.As(Role.BodyAdmin).Client;

    private HttpClient Anyone => fixture.App.Client;

    private async Task<JsonElement> VerifyAsync(string number)
    {
        var json = await Anyone.GetStringAsync($"/api/v1/public/certificates/{number}/credential");
        using var response = await Anyone.PostAsync("/api/v1/public/credentials/verify", new StringContent(json, Encoding.UTF8, "application/json"));
        return await response.ReadJsonAsync();
    }

    private async Task<JsonElement> RotateAsync()
    {
        using var response = await BodyAdmin.SendAsync(HttpMethod.Post, "/api/v1/organisations/cqc/signing-keys", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Rotation_NewCertificatesUseTheNewKey_OldOnesStillVerify_AndBothArePublished()
    {
        var before = await CertificateSeed.IssueAsync(fixture.App.Services);
        var newKey = await RotateAsync();
        var after = await CertificateSeed.IssueAsync(fixture.App.Services);

        var old = await VerifyAsync(before.Number);
        var fresh = await VerifyAsync(after.Number);
        old.GetProperty("verified").GetBoolean().ShouldBeTrue(old.ToString());
        fresh.GetProperty("verified").GetBoolean().ShouldBeTrue(fresh.ToString());
        fresh.Str("verificationMethod").ShouldBe(newKey.Str("verificationMethod"));
        old.Str("verificationMethod").ShouldNotBe(newKey.Str("verificationMethod"));

        var keys = (await BodyAdmin.GetJsonAsync("/api/v1/organisations/cqc/signing-keys")).EnumerateArray().ToList();
        keys.Count(k => k.Str("state") == "active").ShouldBe(1);
        keys.ShouldContain(k => k.Str("verificationMethod") == old.Str("verificationMethod") && k.Str("state") == "retired");

        using var did = await Anyone.GetAsync("/bodies/cqc/did.json");
        did.Content.Headers.ContentType!.MediaType.ShouldBe("application/did+json");
        var document = await did.ReadJsonAsync();
        var identity = fixture.App.Services.GetRequiredService<IssuerIdentity>();
        document.Str("id").ShouldBe(identity.Did("cqc"));
        var methods = document.GetProperty("verificationMethod").EnumerateArray().Select(m => m.Str("id")).ToList();
        methods.ShouldContain(old.Str("verificationMethod"));
        methods.ShouldContain(fresh.Str("verificationMethod"));
        var jwks = await Anyone.GetJsonAsync("/bodies/cqc/jwks.json");
        jwks.GetProperty("keys").EnumerateArray().Select(k => k.Str("crv")).ShouldAllBe(c => c == "Ed25519");
        // A JWK cannot say "valid until", so the JWKS leaves revoked keys out; the DID document keeps them with their date.
        var kids = jwks.GetProperty("keys").EnumerateArray().Select(k => k.Str("kid").Split('#').Last()).ToList();
        kids.ShouldContain(old.Str("verificationMethod").Split('#').Last());
        kids.ShouldContain(fresh.Str("verificationMethod").Split('#').Last());
    }

    [Fact]
    public async Task AKeyRevokedFromBeforeItSigned_FailsThatCredential_WithTheReason_AndRotatesAtOnce()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        var method = (await VerifyAsync(certificate.Number)).Str("verificationMethod");
        var keyId = method[(method.IndexOf('#') + 1)..];

        using var revoked = await BodyAdmin.SendAsync(HttpMethod.Post, $"/api/v1/organisations/cqc/signing-keys/{keyId}/revoke",
            new { from = DateTimeOffset.UtcNow.AddHours(-1), reason = "Laptop with the key stolen" });
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK, await revoked.Content.ReadAsStringAsync());

        var result = await VerifyAsync(certificate.Number);
        result.GetProperty("verified").GetBoolean().ShouldBeFalse();
        result.Str("code").ShouldBe("key-not-valid-then");
        result.Str("message").ShouldContain("Laptop with the key stolen");
        var keys = (await BodyAdmin.GetJsonAsync("/api/v1/organisations/cqc/signing-keys")).EnumerateArray().ToList();
        keys.Count(k => k.Str("state") == "active").ShouldBe(1);
        var next = await CertificateSeed.IssueAsync(fixture.App.Services);
        (await VerifyAsync(next.Number)).GetProperty("verified").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task RevokingWithoutAReason_IsA400_AndOnlyTheBodyAdminManagesKeys()
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        var keyId = (await BodyAdmin.GetJsonAsync("/api/v1/organisations/cqc/signing-keys")).EnumerateArray().First(k => k.Str("state") == "active").Str("keyId");

        using (var noReason = await BodyAdmin.SendAsync(HttpMethod.Post, $"/api/v1/organisations/cqc/signing-keys/{keyId}/revoke", new { reason = " " }))
        {
            await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason-required");
        }

        using var decider = await fixture.As(Role.DecisionMaker).Client.SendAsync(HttpMethod.Post, "/api/v1/organisations/cqc/signing-keys", new { });
        decider.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var unknown = await Anyone.GetAsync("/bodies/no-such-body/did.json");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "keys-not-found");
    }

    [Fact]
    public async Task PrivateKeys_AreStoredEncrypted_AndDecryptOnlyWithTheirMasterKeyAndRow()
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        var keys = await fixture.App.QueryAsync(db => db.SigningKeys.AsNoTracking().Where(k => k.BodyId == "cqc").ToListAsync());
        var protector = fixture.App.Services.GetRequiredService<KeyProtector>();

        foreach (var key in keys)
        {
            var seed = protector.Unprotect(key.ProtectedPrivateKey, key.BodyId, key.KeyId);
            Ed25519.PublicKeyOf(seed).ShouldBe(key.PublicKey);
            Convert.ToHexString(key.ProtectedPrivateKey).ShouldNotContain(Convert.ToHexString(seed));
            Should.Throw<InvalidOperationException>(() => protector.Unprotect(key.ProtectedPrivateKey, key.BodyId, key.KeyId + "x"));
            var otherMaster = new KeyProtector(new MasterKey(new SigningOptions { MasterKey = Convert.ToBase64String(new byte[32]) }, new()));
            Should.Throw<InvalidOperationException>(() => otherMaster.Unprotect(key.ProtectedPrivateKey, key.BodyId, key.KeyId)).Message.ShouldContain("master key");
        }
    }
}

[Collection("sqlite")]
public sealed class SqliteSigningKeyApiTests(SqliteSignedInDemoFixture fixture)
    : SigningKeyApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresSigningKeyApiTests(PostgresSignedInDemoFixture fixture)
    : SigningKeyApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
