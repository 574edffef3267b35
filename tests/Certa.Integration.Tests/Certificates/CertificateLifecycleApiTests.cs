using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;

namespace Certa.Integration.Tests.Certificates;

/// <summary>
/// A certificate's life through the API, on each database: suspension, restoration, withdrawal, the
/// holder's cancellation, renewal with an idempotency key, a change of holder as a new signed version;
/// and its credential, checked by Certa's verifier, refused once anything in it changes.
/// </summary>
public abstract class CertificateLifecycleApiTests(SignedInDemoFixture fixture)
{
    private HttpClient Decider => fixture.As(Role.DecisionMaker).Client;

    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    private HttpClient Anyone => fixture.App.Client;

    private Task<Certificate> IssueAsync() => CertificateSeed.IssueAsync(fixture.App.Services);

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string url, object? body = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.SendAsync(HttpMethod.Post, url, body ?? new { });
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private async Task<JsonElement> VerifyAsync(string credential)
    {
        using var response = await Anyone.PostAsync("/api/v1/public/credentials/verify", new StringContent(credential, Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private Task<int> AuditCountAsync(Guid certificateId) =>
        fixture.App.QueryAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "certificate" && e.EntityId == certificateId.ToString()));

    [Fact]
    public async Task TheCredential_Verifies_AndAnyChangeToIt_DoesNot()
    {
        var certificate = await IssueAsync();
        var json = await Anyone.GetStringAsync($"/api/v1/public/certificates/{certificate.Number}/credential");

        var verified = await VerifyAsync(json);
        verified.GetProperty("verified").GetBoolean().ShouldBeTrue(verified.ToString());
        verified.Str("number").ShouldBe(certificate.Number);

        var credential = JsonNode.Parse(json)!.AsObject();
        credential["credentialSubject"]!["certificateNumber"] = certificate.Number[..^1] + "9";
        var changed = await VerifyAsync(credential.ToJsonString());
        changed.GetProperty("verified").GetBoolean().ShouldBeFalse();
        changed.Str("code").ShouldBe("bad_signature");

        var later = JsonNode.Parse(json)!.AsObject();
        later["validUntil"] = "2099-12-31T23:59:59Z";
        (await VerifyAsync(later.ToJsonString())).Str("code").ShouldBe("bad_signature");
    }

    [Fact]
    public async Task NotJson_IsA400Problem()
    {
        using var response = await Anyone.PostAsync("/api/v1/public/credentials/verify", new StringContent("{not json", Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not-json");
    }

    [Fact]
    public async Task Suspend_Restore_Withdraw_AreRecorded_AndAStrayRestoreIs409()
    {
        var certificate = await IssueAsync();
        var url = $"/api/v1/certificates/{certificate.Id}";
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var suspended = await PostOkAsync(Decider, $"{url}/suspend", new { reason = "Follow-up audit failed", deadline });
        suspended.Str("state").ShouldBe("suspended");
        suspended.Str("suspendedUntil").ShouldBe(deadline);
        (await PostOkAsync(Decider, $"{url}/restore", new { reason = "Corrected" })).Str("state").ShouldBe("active");
        using (var stray = await Decider.SendAsync(HttpMethod.Post, $"{url}/restore", new { }))
        {
            await stray.ShouldBeProblemAsync(HttpStatusCode.Conflict, "certificate-active");
        }

        var withdrawn = await PostOkAsync(Decider, $"{url}/withdraw", new { reason = "False documents" });
        withdrawn.Str("state").ShouldBe("withdrawn");
        withdrawn.GetProperty("statusHistory").EnumerateArray().Select(s => s.Str("state")).ShouldBe(["active", "suspended", "active", "withdrawn"]);
        var actions = await fixture.App.QueryAsync(db => db.AuditEvents.Where(e => e.EntityType == "certificate" && e.EntityId == certificate.Id.ToString())
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        actions.ShouldBe(["certificate.issued", "certificate.suspended", "certificate.restored", "certificate.withdrawn"]);
    }

    [Fact]
    public async Task ASuspensionWithoutAReason_IsA400_AndChangesNothing()
    {
        var certificate = await IssueAsync();
        var before = await AuditCountAsync(certificate.Id);

        using var response = await Decider.SendAsync(HttpMethod.Post, $"/api/v1/certificates/{certificate.Id}/suspend", new { reason = "", deadline = "2099-01-01" });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason-required");
        (await AuditCountAsync(certificate.Id)).ShouldBe(before);
        (await Decider.GetJsonAsync($"/api/v1/certificates/{certificate.Id}")).Str("state").ShouldBe("active");
    }

    [Fact]
    public async Task TheHolderCancels_TheBodyMayNot_AndTheHolderMayNotSuspend()
    {
        var certificate = await IssueAsync();
        var url = $"/api/v1/certificates/{certificate.Id}";

        using (var bodyCancels = await Decider.SendAsync(HttpMethod.Post, $"{url}/cancel", new { reason = "x" }))
        {
            bodyCancels.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var holderSuspends = await Applicant.SendAsync(HttpMethod.Post, $"{url}/suspend", new { reason = "x", deadline = "2099-01-01" }))
        {
            holderSuspends.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await PostOkAsync(Applicant, $"{url}/cancel", new { reason = "Product discontinued" })).Str("state").ShouldBe("cancelled");
    }

    [Fact]
    public async Task Renew_WithTheSameIdempotencyKeyTwice_GivesOneRenewal_WhoseCredentialVerifies()
    {
        var certificate = await IssueAsync();
        var key = Guid.NewGuid().ToString();

        async Task<JsonElement> RenewAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/certificates/{certificate.Id}/renew") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            using var response = await Decider.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return await response.ReadJsonAsync();
        }

        var first = await RenewAsync();
        var second = await RenewAsync();

        second.Str("id").ShouldBe(first.Str("id"));
        first.Str("predecessor").ShouldBe(certificate.Number);
        first.Str("number").ShouldNotBe(certificate.Number);
        var old = await Decider.GetJsonAsync($"/api/v1/certificates/{certificate.Id}");
        old.Str("state").ShouldBe("superseded");
        old.Str("supersededBy").ShouldBe(first.Str("number"));
        (await fixture.App.QueryAsync(db => db.Certificates.CountAsync(c => c.PredecessorId == certificate.Id))).ShouldBe(1);
        var renewed = await Anyone.GetStringAsync($"/api/v1/public/certificates/{first.Str("number")}/credential");
        (await VerifyAsync(renewed)).GetProperty("verified").GetBoolean().ShouldBeTrue();
        JsonNode.Parse(renewed)!["credentialSubject"]!["predecessorNumber"]!.GetValue<string>().ShouldBe(certificate.Number);
    }

    [Fact]
    public async Task ChangingTheHolder_IsASecondVersion_WithItsOwnCredential_AndBothVersionsVerify()
    {
        var certificate = await IssueAsync();
        var url = $"/api/v1/certificates/{certificate.Id}";

        var changed = await PostOkAsync(Decider, $"{url}/holder", new
        {
            holderName = new { en = "Demo Laptop Group Ltd.", zh = "演示笔记本电脑集团有限公司" },
            holderAddress = new { en = "2 Science Park Road, Shenzhen" },
            reason = "Company renamed",
        });
        changed.Int("version").ShouldBe(2);
        var extended = await PostOkAsync(Decider, $"{url}/models", new { models = new[] { new { model = "X14 Air", differences = "Thinner chassis" } }, reason = "New variant" });
        extended.Int("version").ShouldBe(3);

        var versions = (await Decider.GetJsonAsync($"{url}/credentials")).EnumerateArray().ToList();
        versions.Select(v => v.Int("version")).ShouldBe([1, 2, 3]);
        foreach (var version in versions)
        {
            var json = await Decider.GetStringAsync(version.Str("url"));
            (await VerifyAsync(json)).GetProperty("verified").GetBoolean().ShouldBeTrue();
        }

        var current = JsonNode.Parse(await Anyone.GetStringAsync($"/api/v1/public/certificates/{certificate.Number}/credential"))!;
        current["credentialSubject"]!["certificateVersion"]!.GetValue<int>().ShouldBe(3);
        var text = current.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        text.ShouldContain("X14 Air");
        text.ShouldContain("演示笔记本电脑集团有限公司");
    }

    [Fact]
    public async Task ThePdfs_AreServed_InBothLanguages_TheSameBytesEachTime()
    {
        var certificate = await IssueAsync();

        var en = await Applicant.GetAsync($"/api/v1/certificates/{certificate.Id}/pdf?lang=en");
        en.StatusCode.ShouldBe(HttpStatusCode.OK);
        en.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var enBytes = await en.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(enBytes, 0, 5).ShouldBe("%PDF-");
        var zhBytes = await Anyone.GetByteArrayAsync($"/api/v1/public/certificates/{certificate.Number}/pdf?lang=zh");
        zhBytes.ShouldNotBe(enBytes);
        (await Anyone.GetByteArrayAsync($"/api/v1/public/certificates/{certificate.Number}/pdf?lang=en")).ShouldBe(enBytes);
        using var bad = await Anyone.GetAsync($"/api/v1/public/certificates/{certificate.Number}/pdf?lang=fr");
        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "language-invalid");
    }
}

[Collection("sqlite")]
public sealed class SqliteCertificateLifecycleApiTests(SqliteSignedInDemoFixture fixture)
    : CertificateLifecycleApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresCertificateLifecycleApiTests(PostgresSignedInDemoFixture fixture)
    : CertificateLifecycleApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
