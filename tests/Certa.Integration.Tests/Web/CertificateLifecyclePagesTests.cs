using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Web;

/// <summary>
/// The certificate page's operations, the public <c>/verify/{number}</c> page and the body's signing keys, through
/// their real forms: each role is offered only what it may do; a refusal shows its reason and changes nothing.
/// </summary>
[Collection("sqlite")]
public sealed partial class CertificateLifecyclePagesTests(SqliteSignedInDemoFixture fixture) : IClassFixture<SqliteSignedInDemoFixture>
{
    private const string TokenField = "__RequestVerificationToken";
    private static readonly string InAMonth = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private HttpClient Holder => fixture.As(Role.ApplicantUser).Client;

    private HttpClient Decider => fixture.As(Role.DecisionMaker).Client;

    /// <summary>A signed certificate of CQC's, held by the demo applicant.</summary>
    private Task<Certificate> IssueAsync() => CertificateSeed.IssueAsync(fixture.App.Services);

    [Fact]
    public async Task TheDetailPage_OffersEachRole_OnlyItsOperations_AndItsDocumentsDownloadWithTheSession()
    {
        var id = (await IssueAsync()).Id;
        var page = $"/certificates/{id}";

        var body = await Decider.GetStringAsync(page);
        var holder = await Holder.GetStringAsync(page);
        var reviewer = await fixture.As(Role.Reviewer).Client.GetStringAsync(page);

        Forms(body).ShouldBe(["suspend-form", "renew-form", "withdraw-form", "holder-form", "extend-form"]);
        Forms(holder).ShouldBe(["cancel-form"]);
        Forms(reviewer).ShouldBeEmpty();
        reviewer.ShouldContain("id=\"status-history-table\"");
        reviewer.ShouldContain("id=\"version-1\"");
        foreach (var (url, type) in new[] { ($"/api/v1/certificates/{id}/pdf?lang=zh", "application/pdf"), ($"/api/v1/certificates/{id}/credential", "application/vc+ld+json") })
        {
            using var download = await Holder.GetAsync(url);
            download.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            download.Content.Headers.ContentType?.MediaType.ShouldBe(type);
        }
    }

    [Fact]
    public async Task SuspendingWithoutAReason_ShowsTheRefusalAtTheForm_AndTheCertificateStaysActive()
    {
        var id = (await IssueAsync()).Id;
        var page = $"/certificates/{id}";

        using var response = await PostFormAsync(Decider, page, "suspend", new() { ["Reason"] = " ", ["Deadline"] = InAMonth });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"certificate-error\">Say why the certificate is suspended");
        html.ShouldContain("id=\"certificate-state\" data-state=\"active\"");
        (await Decider.GetJsonAsync($"/api/v1/certificates/{id}")).Str("state").ShouldBe("active");
    }

    [Fact]
    public async Task SuspendingAndRestoring_OnThePage_ShowsEachStateHereAndOnThePublicRecord()
    {
        var certificate = await IssueAsync();
        var number = certificate.Number;
        var page = $"/certificates/{certificate.Id}";
        using var anonymous = fixture.App.NewBrowserlikeClient();

        await RedirectedAsync(await PostFormAsync(Decider, page, "suspend", new() { ["Reason"] = "Nameplate differs from the tested sample", ["Deadline"] = InAMonth }),
            $"{page}?done=suspended");
        var suspended = await Decider.GetStringAsync($"{page}?done=suspended");
        suspended.ShouldContain("id=\"certificate-notice\"");
        suspended.ShouldContain("data-state=\"suspended\"");
        Forms(suspended).ShouldBe(["restore-form", "withdraw-form"]);
        var verified = await anonymous.GetStringAsync($"/verify/{number}");
        verified.ShouldContain("id=\"verify-verdict\" data-state=\"suspended\"");
        verified.ShouldContain("Nameplate differs from the tested sample");
        verified.ShouldContain(InAMonth);

        await RedirectedAsync(await PostFormAsync(Decider, page, "restore", new() { ["Reason"] = "Corrected" }), $"{page}?done=restored");
        (await anonymous.GetStringAsync($"/verify/{number}")).ShouldContain("id=\"verify-verdict\" data-state=\"active\"");
    }

    [Fact]
    public async Task ExtendingAndRenewing_OnThePage_MakeANewVersion_ThenANewCertificateNamingItsPredecessor()
    {
        var certificate = await IssueAsync();
        var page = $"/certificates/{certificate.Id}";

        await RedirectedAsync(await PostFormAsync(Decider, page, "extend", new()
        {
            ["NewModels[0].Model"] = "X14 Max", ["NewModels[0].Differences"] = "Larger screen", ["NewModels[1].Model"] = "", ["Reason"] = "New model added",
        }), $"{page}?done=extended");
        var extended = await Decider.GetStringAsync(page);
        extended.ShouldContain("id=\"certificate-version\">2<");
        extended.ShouldContain($"href=\"/api/v1/certificates/{certificate.Id}/credential?version=2\"");
        extended.ShouldContain("X14 Max");

        using var renewed = await PostFormAsync(Decider, page, "renew", []);
        renewed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var renewal = await Decider.GetStringAsync(renewed.Headers.Location!.OriginalString);
        renewal.ShouldContain("id=\"certificate-notice\"");
        renewal.ShouldContain($"id=\"certificate-predecessor\">{certificate.Number}<");
        (await Decider.GetStringAsync(page)).ShouldContain("id=\"certificate-superseded-by\"");
    }

    [Fact]
    public async Task WithdrawingWithoutTickingTheConfirmation_IsRefused_AndChangesNothing()
    {
        var certificate = await IssueAsync();
        var page = $"/certificates/{certificate.Id}";

        using var response = await PostFormAsync(Decider, page, "withdraw", new() { ["Reason"] = "Fraud" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"certificate-error\">Tick the box to confirm");
        html.ShouldContain("id=\"certificate-state\" data-state=\"active\"");
    }

    [Fact]
    public async Task TheVerifyPage_ForAnUnknownNumber_Says_ThereIsNoSuchCertificate_With404()
    {
        using var anonymous = fixture.App.NewBrowserlikeClient();

        using var response = await anonymous.GetAsync("/verify/2026010902999999");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, html);
        html.ShouldContain("id=\"verify-not-found\">There is no certificate with the number 2026010902999999.");
    }

    [Fact]
    public async Task TheSigningKeysPage_ListsTheBodysKeys_AndRotationAddsOne()
    {
        await IssueAsync();
        var admin = fixture.As(Role.BodyAdmin).Client;
        const string page = "/org/signing-keys";

        var before = await admin.GetStringAsync(page);
        before.ShouldContain("href=\"/bodies/cqc/did.json\"");
        before.ShouldContain("id=\"rotate-form\"");
        var keys = KeyRow().Count(before);
        keys.ShouldBeGreaterThan(0);

        await RedirectedAsync(await PostFormAsync(admin, page, "rotate", []), $"{page}?done=rotated");
        var after = await admin.GetStringAsync(page);

        KeyRow().Count(after).ShouldBe(keys + 1);
        KeyRow().Matches(after).Count(m => m.Groups[1].Value == "active").ShouldBe(1);
        (await Decider.GetStringAsync(page)).ShouldNotContain("id=\"rotate-form\"");
        (await Holder.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>The ids of the operation forms on a certificate page, in page order.</summary>
    private static List<string> Forms(string html) => [.. OperationForm().Matches(html).Select(m => m.Groups[1].Value)];

    private static async Task RedirectedAsync(HttpResponseMessage response, string location)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location?.OriginalString.ShouldBe(location);
        }
    }

    /// <summary>Posts a form the way a browser does: the token from the page the form is on, then the fields.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields[TokenField] = await CertaTestApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<form method=\"post\" action=\"[^\"]*\\?handler=[a-z]+\" class=\"card stack\" id=\"([a-z]+-form)\"")]
    private static partial Regex OperationForm();

    [GeneratedRegex("<tr id=\"signing-key-[^\"]+\" data-state=\"([a-z]+)\"")]
    private static partial Regex KeyRow();
}
