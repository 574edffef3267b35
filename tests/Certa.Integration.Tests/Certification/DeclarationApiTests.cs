using System.Globalization;
using System.Net;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Certification;

/// <summary>Self-declarations A and B through the API: filing with the type-test report, the public filing record, refusals.</summary>
public abstract class DeclarationApiTests(SignedInDemoFixture fixture)
{
    private const string FuseLinks = "ccc.0205+0207";
    private const string Drills = "ccc.0501";

    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    private static object Request(string productType, string? lab, string? labName, byte[] report, string mainModel = "RT18-32") => new
    {
        productType,
        product = new { nameEn = "Cylindrical fuse-link", nameZh = "圆筒形熔断体", mainModel },
        manufacturer = new { nameEn = "Shenzhen Example Computer Co., Ltd.", addressEn = "1 Example Road, Shenzhen" },
        factory = new { nameEn = "Example Factory", addressEn = "2 Factory Road, Dongguan" },
        report = new
        {
            lab,
            labName,
            number = "TR-2026-0042",
            issuedOn = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            fileName = "type-test.pdf",
            contentBase64 = Convert.ToBase64String(report),
        },
    };

    private async Task<HttpResponseMessage> FileAsync(object request) => await Applicant.SendAsync(HttpMethod.Post, "/api/v1/declarations", request);

    private async Task<int> CountAsync() => (await Applicant.GetJsonAsync("/api/v1/declarations")).GetArrayLength();

    [Fact]
    public async Task SelfDeclarationB_WithADesignatedLab_IsFiled_AndItsRecordIsPublic_UntilWithdrawn()
    {
        using var filed = await FileAsync(Request(FuseLinks, "lab-tilva", null, ApplicationJourney.Pdf));
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var declaration = await filed.ReadJsonAsync();
        var number = declaration.Str("filingNumber");
        number.ShouldMatch($@"^SD{DateTime.UtcNow.Year}0205\d{{6}}$");
        declaration.Str("mode").ShouldBe("sdoc_b");

        using var anonymous = fixture.App.NewBrowserlikeClient();
        var record = await anonymous.GetJsonAsync($"/api/v1/public/declarations/{number}");
        record.Str("state").ShouldBe("filed");
        record.Str("lab").ShouldBe("Shanghai Testing & Inspection Institute for Electrical Equipment");
        record.TryGetProperty("report", out _).ShouldBeFalse();
        (await Applicant.GetByteArrayAsync($"/api/v1/declarations/{declaration.Str("id")}/report")).ShouldBe(ApplicationJourney.Pdf);

        using (var withdrawn = await Applicant.SendAsync(HttpMethod.Post, $"/api/v1/declarations/{declaration.Str("id")}/withdraw", new { reason = "Model discontinued" }))
        {
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var after = await anonymous.GetJsonAsync($"/api/v1/public/declarations/{number}");
        (after.Str("state"), after.Str("withdrawnBecause")).ShouldBe(("withdrawn", "Model discontinued"));
    }

    [Fact]
    public async Task SelfDeclarationA_AcceptsALabOfChoice_ByName()
    {
        using var filed = await FileAsync(Request(Drills, null, "Example Test House (ISO/IEC 17025)", ApplicationJourney.Pdf, "ED-710"));

        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        (await filed.ReadJsonAsync()).Str("mode").ShouldBe("sdoc_a");
    }

    [Theory]
    [InlineData("ccc.0902", "lab-tilva", "not-self-declared")]
    [InlineData(FuseLinks, "lab-cttl", "lab-not-designated")]
    [InlineData(FuseLinks, null, "lab-not-designated")]
    [InlineData(FuseLinks, "no-such-lab", "unknown-lab")]
    public async Task AFilingTheRulesRefuse_IsA400_AndFilesNothing(string productType, string? lab, string code)
    {
        var before = await CountAsync();

        using var refused = await FileAsync(Request(productType, lab, lab is null ? "Some lab" : null, ApplicationJourney.Pdf));

        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        (await CountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(new byte[0], "file-empty")]
    [InlineData(new byte[] { 0x4d, 0x5a, 0x90, 0x00 }, "file-type-not-allowed")]
    public async Task ABadReportFile_IsRefused_AndFilesNothing(byte[] content, string code)
    {
        var before = await CountAsync();

        using var refused = await FileAsync(Request(FuseLinks, "lab-tilva", null, content));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
        (await refused.ProblemCodeAsync()).ShouldBe(code);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AnUnknownFilingNumber_Is404_ForAnyone()
    {
        using var anonymous = fixture.App.NewBrowserlikeClient();
        using var response = await anonymous.GetAsync("/api/v1/public/declarations/SD2026020599999");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "declaration-not-found");
    }

    [Fact]
    public async Task OnlyApplicantsFile_AndAnotherOrganisationCannotReadTheDeclaration()
    {
        using var filed = await FileAsync(Request(FuseLinks, "lab-tilva", null, ApplicationJourney.Pdf));
        var id = (await filed.ReadJsonAsync()).Str("id");

        using var byLab = await fixture.As(Role.LabEngineer).Client.SendAsync(HttpMethod.Post, "/api/v1/declarations", Request(FuseLinks, "lab-tilva", null, ApplicationJourney.Pdf));
        byLab.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var read = await fixture.As(Role.ApplicationHandler).Client.GetAsync($"/api/v1/declarations/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.As(Role.AuthorityOfficer).Client.GetJsonAsync($"/api/v1/declarations/{id}")).Str("id").ShouldBe(id);
    }
}

[Collection("sqlite")]
public sealed class SqliteDeclarationApiTests(SqliteSignedInDemoFixture fixture) : DeclarationApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresDeclarationApiTests(PostgresSignedInDemoFixture fixture) : DeclarationApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
