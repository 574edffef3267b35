using System.Globalization;
using System.Net;
using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Verification;

/// <summary>
/// <c>GET /api/v1/public/certificates/{number}</c> on each database: a valid answer with its ETag, the reasons a certificate
/// does not verify (suspended, withdrawn, cancelled, expired, superseded, not yet issued, a revoked key, a body not designated
/// then, model not covered, another holder), look-alikes for a mistyped number, and clear problems for bad input.
/// </summary>
public abstract class VerificationApiTests(SignedInDemoFixture fixture)
{
    private HttpClient Anyone => fixture.App.Client;

    private HttpClient Decider => fixture.As(Role.DecisionMaker).Client;

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Body)> GetAsync(string url)
    {
        var response = await Anyone.GetAsync(url);
        return (response, await response.ReadJsonAsync());
    }

    [Fact]
    public async Task AValidCertificate_IsValid_WithWhatItCovers_AndAnETagThatAnswers304()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        var (response, body) = await GetAsync($"/api/v1/public/certificates/{certificate.Number}");
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
            body.GetProperty("valid").GetBoolean().ShouldBeTrue();
            body.Str("code").ShouldBe("valid");
            body.Str("state").ShouldBe("active");
            body.GetProperty("findings").GetArrayLength().ShouldBe(0);
            body.GetProperty("certificate").GetProperty("models").EnumerateArray().Select(m => m.GetString()).ShouldBe(["X14", "X14 Pro"]);
            body.GetProperty("certificate").GetProperty("statusHistory").GetArrayLength().ShouldBe(1);
            response.Headers.CacheControl!.Public.ShouldBeTrue();
            response.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromSeconds(60));
            var etag = response.Headers.ETag!.Tag;

            using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/certificates/{certificate.Number}");
            again.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
            using var notModified = await Anyone.SendAsync(again);
            notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }
    }

    [Fact]
    public async Task AModelTheCertificateDoesNotCover_OrAnotherHolder_IsNotValid_AndSaysWhy()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        var url = $"/api/v1/public/certificates/{certificate.Number}";

        var (covered, ok) = await GetAsync($"{url}?model=x14%20pro&holder=demo%20laptop%20maker");
        covered.Dispose();
        ok.GetProperty("valid").GetBoolean().ShouldBeTrue(ok.ToString());
        ok.GetProperty("model").GetProperty("covered").GetBoolean().ShouldBeTrue();
        ok.GetProperty("holder").Str("matchedAs").ShouldBe("holder");

        var (other, wrong) = await GetAsync($"{url}?model=X15&holder=Fake%20Electronics%20Ltd");
        other.Dispose();
        wrong.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var codes = wrong.GetProperty("findings").EnumerateArray().Select(f => f.Str("code")).ToList();
        codes.ShouldBe(["model-not-covered", "party-mismatch"]);
        wrong.GetProperty("findings")[0].Str("message").ShouldContain("X14, X14 Pro");
    }

    [Fact]
    public async Task ASuspendedCertificate_SaysSinceWhenWhyAndUntilWhen_AndBeforeItsIssueItDidNotExist()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        var deadline = Day(DateTime.UtcNow.AddDays(30));
        using (var suspend = await Decider.SendAsync(HttpMethod.Post, $"/api/v1/certificates/{certificate.Id}/suspend",
            new { reason = "Factory audit found a changed power supply", deadline }))
        {
            suspend.StatusCode.ShouldBe(HttpStatusCode.OK, await suspend.Content.ReadAsStringAsync());
        }

        var (response, body) = await GetAsync($"/api/v1/public/certificates/{certificate.Number}");
        response.Dispose();
        body.GetProperty("valid").GetBoolean().ShouldBeFalse();
        body.Str("code").ShouldBe("suspended");
        body.Str("reason").ShouldBe("Factory audit found a changed power supply");
        body.Str("deadline").ShouldBe(deadline);
        body.GetProperty("findings")[0].Str("message").ShouldContain("suspended since");

        var (before, earlier) = await GetAsync($"/api/v1/public/certificates/{certificate.Number}?at={Day(DateTime.UtcNow.AddDays(-1))}");
        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        before.Dispose();
        earlier.Str("code").ShouldBe("not-yet-issued");
    }

    [Fact]
    public async Task AMistypedNumber_Is404_WithTheLookalikeThatExists()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        var last = certificate.Number[^1];
        var typo = certificate.Number[..^1] + (last == '9' ? '8' : (char)(last + 1));
        var swapped = certificate.Number[..^2] + certificate.Number[^1] + certificate.Number[^2];

        foreach (var wrong in new[] { typo, swapped }.Where(w => w != certificate.Number).Distinct())
        {
            var (response, body) = await GetAsync($"/api/v1/public/certificates/{wrong}");
            using (response)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                body.Str("code").ShouldBe("unknown-number");
                body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()).ShouldContain(certificate.Number);
            }
        }
    }

    [Fact]
    public async Task AWithdrawnOrCancelledCertificate_SaysWhoEndedItWhenAndWhy()
    {
        var withdrawn = await CertificateSeed.IssueAsync(fixture.App.Services);
        var cancelled = await CertificateSeed.IssueAsync(fixture.App.Services);
        await PostOkAsync(Decider, $"/api/v1/certificates/{withdrawn.Id}/withdraw", new { reason = "Fraudulent test report" });
        await PostOkAsync(fixture.As(Role.ApplicantUser).Client, $"/api/v1/certificates/{cancelled.Id}/cancel", new { reason = "Product discontinued" });

        foreach (var (certificate, code, reason, sentence) in new[]
        {
            (withdrawn, "withdrawn", "Fraudulent test report", "was withdrawn by its body on"),
            (cancelled, "cancelled", "Product discontinued", "was cancelled at its holder's request on"),
        })
        {
            var (response, body) = await GetAsync($"/api/v1/public/certificates/{certificate.Number}");
            response.Dispose();
            body.GetProperty("valid").GetBoolean().ShouldBeFalse(body.ToString());
            body.Str("code").ShouldBe(code);
            body.Str("state").ShouldBe(code);
            body.Str("reason").ShouldBe(reason);
            body.GetProperty("findings")[0].Str("message").ShouldContain($"Certificate {certificate.Number} {sentence} {Day(DateTime.UtcNow)}");
        }
    }

    [Fact]
    public async Task ARenewedCertificate_IsSuperseded_AndNamesAndLinksTheNewOne_WhichIsValid()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        var renewal = await CertificateHistorySeed.RenewAsync(fixture.App.Services, certificate);

        var (response, body) = await GetAsync($"/api/v1/public/certificates/{certificate.Number}");
        response.Dispose();
        body.GetProperty("valid").GetBoolean().ShouldBeFalse(body.ToString());
        body.Str("code").ShouldBe("superseded");
        body.Str("supersededBy").ShouldBe(renewal.Number);
        body.GetProperty("links").Str("supersededBy").ShouldEndWith($"/api/v1/public/certificates/{renewal.Number}");
        body.GetProperty("findings")[0].Str("message").ShouldContain($"replaced by certificate {renewal.Number}");

        var (next, newer) = await GetAsync($"/api/v1/public/certificates/{renewal.Number}");
        next.Dispose();
        newer.Str("code").ShouldBe("valid", newer.ToString());
        newer.GetProperty("certificate").Str("predecessor").ShouldBe(certificate.Number);
    }

    /// <summary>
    /// Issued a year and a bit ago for one year. The body's key may be younger than that certificate when another test signed
    /// first, so only the first finding is certain.
    /// </summary>
    [Fact]
    public async Task AnExpiredCertificate_SaysItsLastValidDay()
    {
        var certificate = await CertificateSeed.IssueAsync(ClockedServices.At(fixture.App.Services, DateTimeOffset.UtcNow.AddDays(-400)), years: 1);
        await CertificateHistorySeed.ExpireDueAsync(fixture.App.Services);

        var (response, body) = await GetAsync($"/api/v1/public/certificates/{certificate.Number}");
        response.Dispose();
        body.GetProperty("valid").GetBoolean().ShouldBeFalse(body.ToString());
        body.Str("code").ShouldBe("expired");
        body.Str("state").ShouldBe("expired");
        body.GetProperty("findings")[0].Str("message").ShouldBe(
            $"Certificate {certificate.Number} expired: its last valid day was {certificate.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");

        var (then, earlier) = await GetAsync($"/api/v1/public/certificates/{certificate.Number}?at={Day(DateTime.UtcNow.AddDays(-390))}");
        then.Dispose();
        earlier.Str("state").ShouldBe("active", earlier.ToString());
    }

    [Fact]
    public async Task ACertificateSignedWithAKeyRevokedFromBeforeTheSignature_IsNotValid_AndSaysWhichKeyAndWhy()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        var key = await CertificateHistorySeed.RevokeSigningKeyAsync(fixture.App.Services, certificate, TimeSpan.FromMinutes(1), "Key copied from a stolen laptop");

        var (response, body) = await GetAsync($"/api/v1/public/certificates/{certificate.Number}");
        response.Dispose();
        body.GetProperty("valid").GetBoolean().ShouldBeFalse(body.ToString());
        body.Str("code").ShouldBe("key-not-valid");
        body.Str("state").ShouldBe("active");
        var message = body.GetProperty("findings")[0].Str("message");
        message.ShouldContain($"with key {key.KeyId}, which its body revoked from");
        message.ShouldContain("(Key copied from a stolen laptop): the signature cannot be trusted.");

        var next = await CertificateSeed.IssueAsync(fixture.App.Services);
        var (fresh, after) = await GetAsync($"/api/v1/public/certificates/{next.Number}");
        fresh.Dispose();
        after.Str("code").ShouldBe("valid", after.ToString());
    }

    /// <summary>
    /// CQC's CCC designation gets a one-day gap 200 days ago, and a certificate is issued on that day. The body's key may be
    /// younger than that certificate when another test signed first, so the finding is looked for among all.
    /// </summary>
    [Fact]
    public async Task ACertificateIssuedWhenItsBodyWasNotDesignated_IsNotValid_AndSaysWhenTheDesignationEnded()
    {
        var issuedAt = DateTimeOffset.UtcNow.AddDays(-200);
        var day = DateOnly.FromDateTime(issuedAt.UtcDateTime);
        await RegistrySeed.DesignateAsync(fixture.App.Services, "cqc",
            $"ccc@..{day.AddDays(-1):yyyy-MM-dd}", $"ccc@{day.AddDays(1):yyyy-MM-dd}..", "cqc-mark", "gcc-gmark");
        var certificate = await CertificateSeed.IssueAsync(ClockedServices.At(fixture.App.Services, issuedAt));

        var (response, body) = await GetAsync($"/api/v1/public/certificates/{certificate.Number}");
        response.Dispose();
        body.GetProperty("valid").GetBoolean().ShouldBeFalse(body.ToString());
        body.Str("state").ShouldBe("active");
        var finding = body.GetProperty("findings").EnumerateArray().Single(f => f.Str("code") == "body-not-designated");
        finding.Str("message").ShouldContain($"on {day:yyyy-MM-dd}, the day it issued this certificate: its designation for ccc ended on {day.AddDays(-1):yyyy-MM-dd}.");

        var today = await CertificateSeed.IssueAsync(fixture.App.Services);
        var (now, designated) = await GetAsync($"/api/v1/public/certificates/{today.Number}");
        now.Dispose();
        designated.Str("code").ShouldBe("valid", designated.ToString());
    }

    private static async Task PostOkAsync(HttpClient client, string url, object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?at=2025-13-40", "at-invalid")]
    [InlineData("?at=2999-01-01", "at-in-future")]
    public async Task BadDays_Are400Problems(string query, string code)
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        using var response = await Anyone.GetAsync($"/api/v1/public/certificates/{certificate.Number}{query}");
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task ANumberTooLongToBeOne_IsA400Problem()
    {
        using var response = await Anyone.GetAsync($"/api/v1/public/certificates/{new string('1', 65)}");
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "number-invalid");
    }
}

[Collection("sqlite")]
public sealed class SqliteVerificationApiTests(SqliteSignedInDemoFixture fixture)
    : VerificationApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresVerificationApiTests(PostgresSignedInDemoFixture fixture)
    : VerificationApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
