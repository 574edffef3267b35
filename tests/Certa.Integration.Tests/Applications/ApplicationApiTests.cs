using System.Net;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Applications;

/// <summary>The application API as the applicant and the body use it, with every refusal changing nothing.</summary>
public abstract class ApplicationApiTests(SignedInDemoFixture fixture)
{
    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    private HttpClient Handler => fixture.As(Role.ApplicationHandler).Client;

    private HttpClient Officer => fixture.As(Role.AuthorityOfficer).Client;

    private Task<JsonElement> DraftAsync() => ApplicationJourney.DraftAsync(Applicant);

    private Task<string> SubmittedAsync() => ApplicationJourney.SubmittedAsync(Applicant);

    private static async Task<JsonElement> GetAsync(HttpClient client, string id) => await client.GetJsonAsync($"/api/v1/applications/{id}");

    [Fact]
    public async Task Draft_TakesTheDocumentListFromTheSchemeData()
    {
        var draft = await DraftAsync();

        draft.Str("state").ShouldBe("draft");
        draft.Str("applicant").ShouldBe("demo-laptop-maker");
        var required = draft.GetProperty("requiredDocuments").EnumerateArray().Select(d => d.GetString()).ToList();
        required.ShouldContain("application_form");
        required.ShouldContain("factory_questionnaire");
        required.ShouldContain("cop_control_plan");
        draft.GetProperty("possibleNext").EnumerateArray().Select(p => p.GetString()).ShouldBe(["submit", "withdraw"]);
    }

    [Fact]
    public async Task SubmitThenAccept_ByTheRightPeople_IsAuditedUnderTheBody()
    {
        var id = await SubmittedAsync();

        using var accepted = await Handler.PostAsync($"/api/v1/applications/{id}/accept", null);

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.ReadJsonAsync()).Str("state").ShouldBe("accepted");
        var events = (await Officer.GetJsonAsync($"/api/v1/audit/events?entityType=application&entityId={id}&pageSize=100")).Items().ToList();
        events.Select(e => e.Str("action")).ShouldContain("application.submit");
        events.Single(e => e.Str("action") == "application.accept").Str("actor").ShouldBe(fixture.As(Role.ApplicationHandler).AuditName);
        events.Single(e => e.Str("action") == "application.submit").Str("actor").ShouldBe(fixture.As(Role.ApplicantUser).AuditName);
        events.ShouldAllBe(e => e.Str("organisation") == "cqc");
    }

    [Fact]
    public async Task ASubmittedApplication_RunsOnTheSchemesClock()
    {
        var id = await SubmittedAsync();

        var timeline = (await GetAsync(Applicant, id)).GetProperty("timeline");

        var steps = timeline.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.Str("stepId")).ShouldBe(["application", "sample_shipping", "type_testing", "factory_audit", "review_and_issue"]);
        steps[0].GetProperty("current").GetBoolean().ShouldBeTrue();
        timeline.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        var completion = timeline.GetProperty("estimatedCompletion").GetDateTimeOffset();
        // CCC from procedures.yaml at the longest durations: 7 + 30 + 28 + 3 + 21 days after submission.
        (completion - DateTimeOffset.UtcNow).TotalDays.ShouldBeInRange(88, 89.01);
    }

    [Fact]
    public async Task Returned_ThenResubmitted_CarriesTheReasonInBetween()
    {
        var id = await SubmittedAsync();

        using var returned = await Handler.PostAsync($"/api/v1/applications/{id}/return", Json.Body(new { reason = "The circuit diagram is illegible." }));
        (await GetAsync(Applicant, id)).Str("reason").ShouldBe("The circuit diagram is illegible.");
        using var replaced = await ApplicationJourney.UploadAsync(Applicant, id, "circuit_diagrams_pcb", [.. ApplicationJourney.Pdf, .. "v2"u8.ToArray()]);
        using var resubmitted = await Applicant.PostAsync($"/api/v1/applications/{id}/submit", null);

        returned.StatusCode.ShouldBe(HttpStatusCode.OK);
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resubmitted.ReadJsonAsync()).Str("state").ShouldBe("submitted");
    }

    [Fact]
    public async Task ADraft_IsTheApplicantsAlone_UntilSubmitted()
    {
        var id = (await DraftAsync()).Str("id");

        using var handlerReads = await Handler.GetAsync($"/api/v1/applications/{id}");
        var handlerList = await Handler.GetJsonAsync("/api/v1/applications");
        var officerList = await Officer.GetJsonAsync("/api/v1/applications");

        await handlerReads.ShouldBeProblemAsync(HttpStatusCode.NotFound, "application-not-found");
        handlerList.EnumerateArray().ShouldNotContain(a => a.Str("id") == id);
        officerList.EnumerateArray().ShouldNotContain(a => a.Str("id") == id);
    }

    [Fact]
    public async Task Submit_WithDocumentsMissing_Is409_NamingThem()
    {
        var id = (await DraftAsync()).Str("id");

        using var response = await Applicant.PostAsync($"/api/v1/applications/{id}/submit", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "documents-missing");
        (await response.Content.ReadAsStringAsync()).ShouldContain("cop_control_plan");
    }

    [Fact]
    public async Task AnIllegalMove_Is409_SayingWhatIsPossible()
    {
        var id = (await DraftAsync()).Str("id");

        using var response = await Handler.PostAsync($"/api/v1/applications/{id}/accept", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "illegal-transition");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Possible now: submit, withdraw");
    }

    [Theory]
    [InlineData("empty", "file-empty")]
    [InlineData("text", "file-type-not-allowed")]
    [InlineData("large", "file-too-large")]
    public async Task ABadUpload_IsRefused_AndNothingIsStored(string kind, string code)
    {
        var id = (await DraftAsync()).Str("id");
        var before = await GetAsync(Applicant, id);
        var files = FilesOnDisk();
        var content = kind switch
        {
            "empty" => [],
            "text" => "just text, not a PDF"u8.ToArray(),
            _ => new byte[(20 * 1024 * 1024) + 1],
        };

        using var response = await ApplicationJourney.UploadAsync(Applicant, id, "application_form", content, "application/octet-stream");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        var after = await GetAsync(Applicant, id);
        after.GetProperty("documents").GetArrayLength().ShouldBe(0);
        after.Int("version").ShouldBe(before.Int("version"));
        FilesOnDisk().ShouldBe(files);
    }

    [Fact]
    public async Task AnUpload_ForADocumentTheSchemeDoesNotAsk_IsRefused() =>
        await (await ApplicationJourney.UploadAsync(Applicant, (await DraftAsync()).Str("id"), "cb_report", ApplicationJourney.Pdf)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "document-not-required");

    [Fact]
    public async Task Download_ReturnsTheSameBytes_ToTheBody_AndRefusesALab()
    {
        var id = await SubmittedAsync();

        using var download = await Handler.GetAsync($"/api/v1/applications/{id}/documents/application_form");
        using var lab = await fixture.As(Role.OrganisationAdmin).Client.GetAsync($"/api/v1/applications/{id}/documents/application_form");

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(ApplicationJourney.Pdf);
        await lab.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "other-organisation");
    }

    [Fact]
    public async Task OtherOrganisations_AndTheWrongSide_AreRefused()
    {
        var id = await SubmittedAsync();

        using var labReads = await fixture.As(Role.OrganisationAdmin).Client.GetAsync($"/api/v1/applications/{id}");
        using var verifierReads = await fixture.As(Role.Verifier).Client.GetAsync($"/api/v1/applications/{id}");
        using var applicantAccepts = await Applicant.PostAsync($"/api/v1/applications/{id}/accept", null);
        using var handlerWithdraws = await Handler.PostAsync($"/api/v1/applications/{id}/withdraw", Json.Body(new { reason = "x" }));
        var officerReads = await GetAsync(Officer, id);

        await labReads.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "other-organisation");
        verifierReads.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        applicantAccepts.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        handlerWithdraws.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        officerReads.Str("state").ShouldBe("submitted");
        (await GetAsync(Applicant, id)).Str("state").ShouldBe("submitted");
    }

    [Theory]
    [InlineData("lab-cttl", "ccc.0902", "X14", "unknown-body")]
    [InlineData("cqc", "ccc.nope", "X14", "unknown-product-type")]
    [InlineData("cqc", "gcc-gmark.toys", "X14", "unknown-product-type")]
    [InlineData("cqc", "ccc.0902", " ", "main-model-required")]
    public async Task ADraftWithBadInput_Is400_AndCreatesNothing(string body, string productType, string mainModel, string code)
    {
        var before = (await Applicant.GetJsonAsync("/api/v1/applications")).GetArrayLength();

        using var response = await Applicant.PostAsync("/api/v1/applications", Json.Body(ApplicationJourney.LaptopRequest(body, productType, mainModel)));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        (await Applicant.GetJsonAsync("/api/v1/applications")).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task ADraftByABody_IsRefused() =>
        (await fixture.As(Role.BodyAdmin).Client.PostAsync("/api/v1/applications", Json.Body(ApplicationJourney.LaptopRequest()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    private string[] FilesOnDisk()
    {
        var root = Path.Combine(fixture.App.Database.DataDirectory, "files");
        return Directory.Exists(root) ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }
}

[Collection("sqlite")]
public sealed class SqliteApplicationApiTests(SqliteSignedInDemoFixture fixture) : ApplicationApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresApplicationApiTests(PostgresSignedInDemoFixture fixture) : ApplicationApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
