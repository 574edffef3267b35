using System.Net;
using System.Text;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Gmark;

/// <summary>
/// The G-mark e-certificate flow through the API: CQC (a notified body, with its demo GSO number) registers, submits,
/// GSO rejects and then approves, CQC activates and the e-certificate is issued and signed; a CNCA officer is not GSO;
/// a CSV upload imports all of its lines or none.
/// </summary>
public abstract class GmarkApiTests(SignedInDemoFixture fixture)
{
    private const string Toys = "gcc-gmark.TOY-01";
    private const string Fans = "gcc-gmark.LV-01";

    private HttpClient Body => fixture.As(Role.BodyAdmin).Client;

    private static object Request(string productType, string model, int validityYears = 3, string? ageGrading = "3+") => new
    {
        holder = "demo-laptop-maker",
        productType,
        product = new { nameEn = "Plush bear", mainModel = model, tradeMark = "Bearly" },
        hsCode = "95030090",
        manufacturer = new { nameEn = "Example Toys Ltd", addressEn = "1 Toy Road, Shantou" },
        factory = new { nameEn = "Example Toy Factory", addressEn = "2 Toy Road, Shantou" },
        targetCountries = new[] { "SA", "AE" },
        ageGrading,
        validityYears,
    };

    private async Task<JsonElement> RegisterAsync(object request)
    {
        using var response = await Body.SendAsync(HttpMethod.Post, "/api/v1/gmark", request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string url, object? body = null)
    {
        using var response = await client.SendAsync(HttpMethod.Post, url, body ?? new { });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private async Task<int> CountAsync() => (await Body.GetJsonAsync("/api/v1/gmark")).GetArrayLength();

    private Task<HttpResponseMessage> UploadAsync(string csv) =>
        Body.SendAsync(HttpMethod.Post, "/api/v1/gmark/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static string Line(string model, string holder = "demo-laptop-maker", string productType = Toys, int years = 3) =>
        $"{holder},{productType},\"Plush bear, large\",{model},95030090,Example Toys Ltd,\"1 Toy Road, Shantou\",Example Toy Factory,2 Toy Road,SA AE,{years},3+";

    private const string Header = "holder,product_type,product_name_en,main_model,hs_code,manufacturer_name_en,manufacturer_address_en,factory_name_en,factory_address_en,target_countries,validity_years,age_grading";

    [Fact]
    public async Task RegisterSubmitRejectCorrectResubmitApproveActivate_IssuesASignedCertificateNumberedWithTheGcts()
    {
        using var gso = await fixture.App.SignInAsync("officer@gso.example");
        var registered = await RegisterAsync(Request(Toys, "PB-FLOW"));
        var id = registered.Str("id");
        var gcts = registered.Str("gcts");
        gcts.ShouldMatch($@"^9901-{DateTime.UtcNow.Year}-\d{{6}}-\d{{2}}$");
        registered.Str("state").ShouldBe("registered");

        (await PostOkAsync(Body, $"/api/v1/gmark/{id}/submit")).Str("state").ShouldBe("submitted");
        (await gso.GetJsonAsync("/api/v1/gmark?state=submitted")).EnumerateArray().ShouldContain(r => r.Str("id") == id);
        var rejected = await PostOkAsync(gso, $"/api/v1/gmark/{id}/reject", new { reason = "Age grading is not on the label" });
        (rejected.Str("state"), rejected.Str("rejectedBecause")).ShouldBe(("rejected", "Age grading is not on the label"));

        using (var corrected = await Body.SendAsync(HttpMethod.Put, $"/api/v1/gmark/{id}", Request(Toys, "PB-FLOW", validityYears: 4, ageGrading: "36 months+")))
        {
            corrected.StatusCode.ShouldBe(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        }

        await PostOkAsync(Body, $"/api/v1/gmark/{id}/submit");
        (await PostOkAsync(gso, $"/api/v1/gmark/{id}/approve")).Str("approvedBy").ShouldBe("GSO");
        var active = await PostOkAsync(Body, $"/api/v1/gmark/{id}/activate");

        active.Str("state").ShouldBe("active");
        active.Str("gcts").ShouldBe(gcts);
        var certificateId = active.Str("certificateId");
        var certificate = await Body.GetJsonAsync($"/api/v1/certificates/{certificateId}");
        (certificate.Str("number"), certificate.Str("scheme")).ShouldBe((gcts, "gcc-gmark"));
        certificate.Str("validUntil").ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(4).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        using (var credential = await Body.GetAsync($"/api/v1/certificates/{certificateId}/credential"))
        {
            credential.StatusCode.ShouldBe(HttpStatusCode.OK, await credential.Content.ReadAsStringAsync());
            (await credential.Content.ReadAsStringAsync()).ShouldContain(gcts);
        }

        using var pdf = await Body.GetAsync($"/api/v1/certificates/{certificateId}/pdf?lang=en");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pdf.Content.ReadAsByteArrayAsync())[..4].ShouldBe("%PDF"u8.ToArray());
        (await Body.GetJsonAsync($"/api/v1/gmark/{id}")).GetProperty("history").GetArrayLength().ShouldBe(6);
    }

    [Fact]
    public async Task ACncaOfficer_IsNotGso_AndCannotApproveOrReject()
    {
        var id = (await RegisterAsync(Request(Toys, "PB-CNCA"))).Str("id");
        await PostOkAsync(Body, $"/api/v1/gmark/{id}/submit");
        var cnca = fixture.As(Role.AuthorityOfficer).Client;

        using var approve = await cnca.SendAsync(HttpMethod.Post, $"/api/v1/gmark/{id}/approve", new { });
        using var reject = await cnca.SendAsync(HttpMethod.Post, $"/api/v1/gmark/{id}/reject", new { reason = "no" });

        await approve.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not-the-scheme-authority");
        await reject.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not-the-scheme-authority");
        (await Body.GetJsonAsync($"/api/v1/gmark/{id}")).Str("state").ShouldBe("submitted");
    }

    [Theory]
    [InlineData(Toys, 2, "validity-too-short")]
    [InlineData("ccc.0902", 3, "not-a-gmark-product-type")]
    public async Task ARegistrationTheRulesRefuse_IsA400_AndRegistersNothing(string productType, int years, string code)
    {
        var before = await CountAsync();

        using var refused = await Body.SendAsync(HttpMethod.Post, "/api/v1/gmark", Request(productType, "PB-REFUSED", years));

        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ALowVoltageProduct_MayBeActivatedForOneYear_AndNeedsNoAgeGrading() =>
        (await RegisterAsync(Request(Fans, "FAN-1", validityYears: 1, ageGrading: null))).GetProperty("details").GetProperty("validityYears").GetInt32().ShouldBe(1);

    [Fact]
    public async Task ACsvWithTwoBadLines_Is422ListingLines3And5_AndStoresNothing()
    {
        var before = await CountAsync();
        var csv = string.Join("\r\n", Header, Line("CSV-A1"), Line("CSV-A2", years: 2), Line("CSV-A3"), Line("CSV-A4", holder: "nobody"), Line("CSV-A5")) + "\r\n";

        using var response = await UploadAsync(csv);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "csv-invalid");
        var errors = (await response.ReadJsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => e.GetProperty("line").GetInt32()).ShouldBe([3, 5]);
        errors[0].Str("message").ShouldContain("at least 3 years");
        errors[1].Str("message").ShouldContain("'nobody'");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AnAllGoodCsv_ImportsEveryLine_WithConsecutiveCodes()
    {
        var before = await CountAsync();
        var csv = string.Join("\n", Header, Line("CSV-B1"), Line("CSV-B2"), Line("CSV-B3", productType: Fans, years: 1));

        using var response = await UploadAsync(csv);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var imported = await response.ReadJsonAsync();
        imported.GetProperty("imported").GetInt32().ShouldBe(3);
        var sequences = imported.GetProperty("registrations").EnumerateArray().Select(r => int.Parse(r.Str("gcts").Split('-')[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        sequences.ShouldBe([sequences[0], sequences[0] + 1, sequences[0] + 2]);
        (await CountAsync()).ShouldBe(before + 3);
    }

    [Fact]
    public async Task ACsvWithABadHeader_OrAnOverlongLine_IsRefusedAsAWhole()
    {
        using var header = await UploadAsync("holder,colour\nx,y\n");
        using var overlong = await UploadAsync(Header + "\n" + new string('x', 9000) + "\n");

        await header.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "csv-invalid");
        (await header.Content.ReadAsStringAsync()).ShouldContain("Unknown column 'colour'");
        await overlong.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "csv-invalid");
        (await overlong.Content.ReadAsStringAsync()).ShouldContain("Line 2 is longer than");
    }

    [Fact]
    public async Task OnlyTheBodyRegisters_AndTheHolderSeesItsRegistration()
    {
        var id = (await RegisterAsync(Request(Toys, "PB-READ"))).Str("id");

        using var byApplicant = await fixture.As(Role.ApplicantUser).Client.SendAsync(HttpMethod.Post, "/api/v1/gmark", Request(Toys, "PB-X"));
        byApplicant.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.As(Role.ApplicantUser).Client.GetJsonAsync($"/api/v1/gmark/{id}")).Str("id").ShouldBe(id);
        using var byLab = await fixture.As(Role.LabEngineer).Client.GetAsync($"/api/v1/gmark/{id}");
        byLab.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OnlyTheSchemesAuthority_IsOfferedTheApproveButton_AndTheQueue()
    {
        var registration = await RegisterAsync(Request(Toys, "PB-BUTTONS"));
        var id = registration.Str("id");
        await PostOkAsync(Body, $"/api/v1/gmark/{id}/submit");
        using var gso = await fixture.App.SignInAsync("officer@gso.example");
        var cnca = fixture.As(Role.AuthorityOfficer).Client;

        (await gso.GetStringAsync($"/gmark/{id}")).ShouldContain("id=\"approve-gmark\"");
        (await gso.GetStringAsync("/gmark")).ShouldContain("gmark-queue");
        (await cnca.GetStringAsync("/gmark")).ShouldNotContain("gmark-queue");
        var page = await cnca.GetStringAsync($"/gmark/{id}");
        page.ShouldContain("PB-BUTTONS");
        page.ShouldNotContain("id=\"approve-gmark\"");
        page.ShouldNotContain("id=\"reject-gmark\"");
    }
}

[Collection("sqlite")]
public sealed class SqliteGmarkApiTests(SqliteSignedInDemoFixture fixture) : GmarkApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresGmarkApiTests(PostgresSignedInDemoFixture fixture) : GmarkApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
