using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Certa.Domain.Access;
using Certa.Infrastructure.StatusLists;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Verification;

/// <summary>
/// A body's status lists on each database: a suspension sets the certificate's bit in the suspension list (read by an
/// independent decoder), a withdrawal its bit in the revocation list, a new version the old version's bit in the message list;
/// each list is a signed credential Certa's own verifier accepts, and an unchanged list keeps its ETag.
/// </summary>
public abstract class StatusListApiTests(SignedInDemoFixture fixture)
{
    private HttpClient Anyone => fixture.App.Client;

    private HttpClient Decider => fixture.As(Role.DecisionMaker).Client;

    private async Task PublishAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StatusListPublisher>().PublishAsync("cqc", default);
    }

    private async Task<string> ListAsync(string purpose)
    {
        using var response = await Anyone.GetAsync($"/status/cqc/{purpose}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return body;
    }

    private static long IndexIn(string credentialJson, string purpose) =>
        long.Parse(JsonNode.Parse(credentialJson)!["credentialStatus"]!.AsArray().First(s => (string?)s!["statusPurpose"] == purpose)!["statusListIndex"]!.GetValue<string>(),
            CultureInfo.InvariantCulture);

    private async Task<bool> VerifiesAsync(string json)
    {
        using var response = await Anyone.PostAsync("/api/v1/public/credentials/verify", new StringContent(json, Encoding.UTF8, "application/json"));
        var result = await response.ReadJsonAsync();
        return result.GetProperty("verified").GetBoolean();
    }

    [Fact]
    public async Task ASuspension_SetsTheCertificatesBit_InASignedList_ThatAnIndependentDecoderReads()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        var credential = await Anyone.GetStringAsync($"/api/v1/public/certificates/{certificate.Number}/credential");
        var index = IndexIn(credential, "suspension");
        await PublishAsync();
        (await IndependentStatusListDecoder.SetIndexesAsync(await ListAsync("suspension"))).ShouldNotContain(index);

        using (var suspend = await Decider.SendAsync(HttpMethod.Post, $"/api/v1/certificates/{certificate.Id}/suspend",
            new { reason = "Audit finding", deadline = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))
        {
            suspend.StatusCode.ShouldBe(HttpStatusCode.OK, await suspend.Content.ReadAsStringAsync());
        }

        await PublishAsync();
        var list = await ListAsync("suspension");
        (await IndependentStatusListDecoder.SetIndexesAsync(list)).ShouldContain(index);
        (await VerifiesAsync(list)).ShouldBeTrue("the list is a credential signed by the body");
        var subject = JsonNode.Parse(list)!["credentialSubject"]!;
        ((string?)subject["statusPurpose"]).ShouldBe("suspension");
        Bitstring.Decode((string)subject["encodedList"]!).Get(index).ShouldBeTrue();
        (await IndependentStatusListDecoder.SetIndexesAsync(await ListAsync("revocation"))).ShouldNotContain(index);
    }

    [Fact]
    public async Task ANewVersion_MarksTheOldVersionSuperseded_InTheMessageList_AndAWithdrawalRevokes()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        var first = await Anyone.GetStringAsync($"/api/v1/public/certificates/{certificate.Number}/credential");
        using (var change = await Decider.SendAsync(HttpMethod.Post, $"/api/v1/certificates/{certificate.Id}/holder",
            new { holderName = new { en = "Demo Laptop Maker Group Ltd." }, holderAddress = new { en = "1 Science Park Road, Shenzhen" }, reason = "Renamed" }))
        {
            change.StatusCode.ShouldBe(HttpStatusCode.OK, await change.Content.ReadAsStringAsync());
        }

        var second = await Anyone.GetStringAsync($"/api/v1/public/certificates/{certificate.Number}/credential");
        await PublishAsync();
        var messages = await IndependentStatusListDecoder.SetIndexesAsync(await ListAsync("message"));
        messages.ShouldContain(IndexIn(first, "message"));
        messages.ShouldNotContain(IndexIn(second, "message"));

        using (var withdraw = await Decider.SendAsync(HttpMethod.Post, $"/api/v1/certificates/{certificate.Id}/withdraw", new { reason = "Fraud" }))
        {
            withdraw.StatusCode.ShouldBe(HttpStatusCode.OK, await withdraw.Content.ReadAsStringAsync());
        }

        await PublishAsync();
        (await IndependentStatusListDecoder.SetIndexesAsync(await ListAsync("revocation"))).ShouldContain(IndexIn(second, "revocation"));
    }

    [Fact]
    public async Task AnUnchangedList_KeepsItsETag_AndAnswers304()
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        await PublishAsync();
        using var first = await Anyone.GetAsync("/status/cqc/revocation");
        var etag = first.Headers.ETag!.Tag;
        first.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromMinutes(1));
        await PublishAsync();
        var stored = await fixture.App.QueryAsync(db => db.StatusLists.SingleAsync(l => l.BodyId == "cqc" && l.Purpose == "revocation"));
        stored.ETag.ShouldBe(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/status/cqc/revocation");
        again.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        using var notModified = await Anyone.SendAsync(again);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("/status/cqc/refresh")]
    [InlineData("/status/no-such-body/revocation")]
    public async Task AnUnknownList_IsA404Problem(string url)
    {
        using var response = await Anyone.GetAsync(url);
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "status-list-not-found");
    }
}

[Collection("sqlite")]
public sealed class SqliteStatusListApiTests(SqliteSignedInDemoFixture fixture)
    : StatusListApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresStatusListApiTests(PostgresSignedInDemoFixture fixture)
    : StatusListApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
