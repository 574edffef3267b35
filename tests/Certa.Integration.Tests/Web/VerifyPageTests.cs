using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Certa.Domain.Certificates;
using Certa.Infrastructure.Persistence;
using Certa.Testing;

namespace Certa.Integration.Tests.Web;

/// <summary>
/// The public <c>/verify</c> page as a customs officer or a shopper reads it, without signing in: the verdict on a day
/// with every reason in plain words, the model and company on the product checked against the certificate, the facts to
/// compare with the paper, and bad questions answered with the form and a 400.
/// </summary>
[Collection("sqlite")]
public sealed class VerifyPageTests(VerifyPageFixture fixture) : IClassFixture<VerifyPageFixture>
{
    private static string Today => Day(DateTime.UtcNow);

    [Fact]
    public async Task AValidCertificate_ShowsItsHolderModelsStandardsAndHistory()
    {
        var number = fixture.Active.Number;

        var (status, html) = await fixture.GetAsync($"/verify/{number}");

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("id=\"verify-verdict\" data-state=\"active\" data-valid=\"true\"");
        html.ShouldContain($"id=\"verify-headline\">Valid on {Today}<");
        html.ShouldContain("id=\"verify-holder\">Demo Laptop Maker Ltd.");
        Words(html).ShouldContain("Models covered X14, X14 Pro Certification body");
        html.ShouldContain("Larger battery");
        html.ShouldContain("<li class=\"code\">GB 4943.1-2022</li>");
        html.ShouldContain("Demo Laptop Factory No. 2");
        html.ShouldContain("<tr data-state=\"active\">");
        html.ShouldContain("id=\"verify-log-sth\"");
        html.ShouldContain($"href=\"/api/v1/public/certificates/{number}/pdf?lang=zh\"");
        html.ShouldNotContain("id=\"verify-findings\"");
    }

    [Fact]
    public async Task AnUnknownNumber_Is404_WithTheRealNumberOneDigitAwayAsALink()
    {
        var number = fixture.Active.Number;
        var mistyped = string.Concat(number.AsSpan(0, 2), number[2] == '9' ? "8" : "9", number.AsSpan(3));

        var (status, html) = await fixture.GetAsync($"/verify/{mistyped}?model=X14");

        status.ShouldBe(HttpStatusCode.NotFound, html);
        html.ShouldContain("id=\"verify-verdict\" data-state=\"unknown\" data-valid=\"false\" data-code=\"unknown-number\"");
        html.ShouldContain($"id=\"verify-not-found\">There is no certificate with the number {mistyped}.");
        html.ShouldContain($"<a class=\"code\" href=\"/verify/{number}?model=X14\">{number}</a>");
    }

    [Fact]
    public async Task ASuspendedCertificate_SaysSinceWhenWhyAndTheDeadline()
    {
        var (status, html) = await fixture.GetAsync($"/verify/{fixture.Suspended.Number}");

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("id=\"verify-verdict\" data-state=\"suspended\" data-valid=\"false\" data-code=\"suspended\"");
        html.ShouldContain($"Not valid on {Today}");
        html.ShouldContain($"Suspended since {Today}: products may not be delivered or marked under it until the body restores it. The holder must correct by {Day(fixture.Deadline)}.");
        html.ShouldContain(VerifyPageFixture.Reason);
        html.ShouldContain("<tr data-state=\"suspended\">");
    }

    /// <summary>The suspended certificate asked about a day after its issue (before the suspension), and a day before its issue.</summary>
    [Theory]
    [InlineData(10, "id=\"verify-verdict\" data-state=\"active\" data-valid=\"true\"", "id=\"verify-headline\">Valid on {0}<")]
    [InlineData(-3, "data-code=\"not-yet-issued\"", "It was issued on {1}; on {0} it did not exist yet.")]
    public async Task AsOfAPastDay_TheStateIsTheOneOfThatDay(int daysAfterIssue, string verdict, string sentence)
    {
        var day = Day(fixture.IssuedAt.AddDays(daysAfterIssue).UtcDateTime);

        var (status, html) = await fixture.GetAsync($"/verify/{fixture.Suspended.Number}?at={day}");

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain(verdict);
        html.ShouldContain(string.Format(CultureInfo.InvariantCulture, sentence, day, Day(fixture.IssuedAt.UtcDateTime)));
    }

    [Fact]
    public async Task ABadQuestion_IsTheFormAgain_WithAReadableMessage_And400()
    {
        var number = fixture.Suspended.Number;
        var tomorrow = Day(DateTime.UtcNow.AddDays(1));
        var cases = new[]
        {
            ($"/verify/{number}?at={tomorrow}", $"The date {tomorrow} is in the future"),
            ($"/verify/{number}?at=2025-13-01", "“2025-13-01” is not a date: write it as YYYY-MM-DD"),
            ($"/verify/{new string('1', 65)}", "A certificate number has at most 64 characters."),
            ("/verify?number=+&model=X14", "Give the certificate number to check"),
            ($"/verify?number={number}&at={tomorrow}", $"The date {tomorrow} is in the future"),
        };

        foreach (var (url, message) in cases)
        {
            var (status, html) = await fixture.GetAsync(url);

            status.ShouldBe(HttpStatusCode.BadRequest, url);
            html.ShouldContain($"id=\"verify-problem\">{message}", customMessage: url);
            html.ShouldContain("id=\"verify-form\"", customMessage: url);
            html.ShouldNotContain("id=\"verify-verdict\"", customMessage: url);
        }
    }

    [Fact]
    public async Task TheForm_SendsTheQuestionToTheNumbersOwnAddress()
    {
        using var client = fixture.App.NewBrowserlikeClient();

        using var response = await client.GetAsync($"/verify?number=+{fixture.Suspended.Number}+&at=&model=X14+Pro&holder=");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location?.OriginalString.ShouldBe($"/verify/{fixture.Suspended.Number}?model=X14%20Pro");
        (await fixture.GetAsync("/verify")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("model=x14%20pro", "verify-model\" data-covered=\"true", "Covers model x14 pro.")]
    [InlineData("model=X15", "verify-model\" data-covered=\"false", "Model X15 is not covered by this certificate, which covers X14, X14 Pro.")]
    [InlineData("holder=demo%20laptop%20maker", "verify-party\" data-matches=\"true", "Names “demo laptop maker” as its holder.")]
    [InlineData("holder=Acme%20Trading", "verify-party\" data-matches=\"false",
        "“Acme Trading” is neither the holder (Demo Laptop Maker Ltd.) nor the manufacturer (Demo Laptop Maker Ltd.) named on this certificate.")]
    public async Task TheModelAndTheCompanyOnTheProduct_AreAnsweredProminently(string query, string answer, string sentence)
    {
        var (status, html) = await fixture.GetAsync($"/verify/{fixture.Active.Number}?{query}");

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain($"id=\"{answer}\">");
        html.ShouldContain(sentence);
        var valid = answer.EndsWith("true", StringComparison.Ordinal);
        html.ShouldContain($"id=\"verify-verdict\" data-state=\"active\" data-valid=\"{(valid ? "true" : "false")}\"");
    }

    [Fact]
    public async Task InChinese_TheFindingsReadInChinese()
    {
        var number = fixture.Suspended.Number;

        var (_, html) = await fixture.GetAsync($"/verify/{number}?model=X15", "zh-CN");

        html.ShouldContain($"无效（查询日期 {Today}）");
        html.ShouldContain($"自 {Today} 起暂停");
        html.ShouldContain("本证书不覆盖型号 X15，其覆盖的型号为：X14, X14 Pro。");
        html.ShouldContain("<h2 id=\"verify-log\">透明日志</h2>");
    }

    /// <summary>The page's text without its markup, spaces collapsed.</summary>
    private static string Words(string html) => Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ");

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// A demo Certa with one certificate issued <see cref="DaysAgo"/> days ago and suspended today, so the page can be asked
/// about a day before the suspension and a day before the issue, and one issued today. It is the first certificate its body signs, so the body's
/// key dates from then too and every later certificate verifies with it.
/// </summary>
public sealed class VerifyPageFixture : IAsyncLifetime
{
    public const string Reason = "Nameplate of X14 Pro differs from the tested sample";
    private const int DaysAgo = 40;

    public CertaTestApp App { get; private set; } = null!;

    public Certificate Suspended { get; private set; } = null!;

    /// <summary>A certificate issued today and left alone.</summary>
    public Certificate Active { get; private set; } = null!;

    public DateTimeOffset IssuedAt { get; } = DateTimeOffset.UtcNow.AddDays(-DaysAgo);

    public DateOnly Deadline { get; } = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));

    public async Task InitializeAsync()
    {
        App = await CertaTestApp.StartAsync(DatabaseProvider.Sqlite, demo: true);
        var issued = await CertificateSeed.IssueAsync(ClockedServices.At(App.Services, IssuedAt));
        Suspended = await CertificateHistorySeed.SuspendAsync(App.Services, issued, Reason, Deadline);
        Active = await CertificateSeed.IssueAsync(App.Services);
    }

    /// <summary>The page as an anonymous reader gets it, decoded, in <paramref name="language"/> when given.</summary>
    public Task<(HttpStatusCode Status, string Html)> GetAsync(string url, string? language = null) => App.GetPageAsync(url, language);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
