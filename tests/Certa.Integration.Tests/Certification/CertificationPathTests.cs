using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Certification;

/// <summary>
/// From testing to the certificate through the API, as the right person at each step, on each
/// database: the factory audit with registered auditors and a finding closed on evidence, review by
/// someone who did not evaluate, and a decision that issues the certificate.
/// </summary>
public abstract class CertificationPathTests(SignedInDemoFixture fixture)
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string InAMonth = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    private HttpClient Handler => fixture.As(Role.ApplicationHandler).Client;

    private HttpClient Engineer => fixture.As(Role.LabEngineer).Client;

    /// <summary>auditor@cqc.example, a senior auditor for categories 08 and 09.</summary>
    private Session Auditor => fixture.As(Role.Auditor);

    private Session Reviewer => fixture.As(Role.Reviewer);

    private Session Decider => fixture.As(Role.DecisionMaker);

    private HttpClient Officer => fixture.As(Role.AuthorityOfficer).Client;

    private async Task<(Guid Id, HttpClient Client)> SecondAuditorAsync()
    {
        var client = await fixture.App.SignInAsync("auditor2@cqc.example");
        return (await client.PersonIdAsync(), client);
    }

    private static async Task<JsonElement> OkAsync(HttpClient client, string url, object? body = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.SendAsync(HttpMethod.Post, url, body ?? ApiCalls.EmptyObject());
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static async Task RefusedAsync(HttpClient client, string url, object body, HttpStatusCode status, string code)
    {
        using var response = await client.SendAsync(HttpMethod.Post, url, body);
        await response.ShouldBeProblemAsync(status, code);
    }

    /// <summary>Refused by the endpoint's permission, before any handler runs.</summary>
    private static async Task NotPermittedAsync(HttpClient client, string url, object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    /// <summary>Submitted, accepted, tested and passed: the application waits in factory_audit.</summary>
    private async Task<string> TestedAsync()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);
        await OkAsync(Handler, $"/api/v1/applications/{id}/accept");
        var order = await OkAsync(Handler, $"/api/v1/applications/{id}/test-orders", new { lab = "lab-cttl" }, HttpStatusCode.Created);
        await TestingSteps.PassAsync(Applicant, Engineer, order);
        (await OkAsync(Handler, $"/api/v1/applications/{id}/complete-testing")).Str("state").ShouldBe("factory_audit");
        return id;
    }

    private async Task<JsonElement> PlanAsync(string applicationId, Guid second) =>
        await OkAsync(Handler, $"/api/v1/applications/{applicationId}/factory-audits",
            new { auditors = new[] { Auditor.PersonId, second }, startsOn = Today, days = 2 }, HttpStatusCode.Created);

    private static object Conforming(JsonElement audit) => new
    {
        checklist = audit.GetProperty("checklist").EnumerateArray().Select(i => new { item = i.Str("id"), conforms = true, notes = "Seen on site" }),
    };

    /// <summary>Audited without findings and moved to review.</summary>
    private async Task<string> InReviewAsync()
    {
        var id = await TestedAsync();
        var (second, _) = await SecondAuditorAsync();
        var audit = await PlanAsync(id, second);
        (await OkAsync(Auditor.Client, $"/api/v1/factory-audits/{audit.Str("id")}/report", Conforming(audit))).Str("state").ShouldBe("passed");
        (await OkAsync(Handler, $"/api/v1/applications/{id}/complete-factory-audit")).Str("state").ShouldBe("review");
        return id;
    }

    [Fact]
    public async Task TheWholePath_AuditWithAFinding_ReviewAndGrant_IssuesTheCertificate()
    {
        var id = await TestedAsync();
        var (secondId, second) = await SecondAuditorAsync();
        var audit = await PlanAsync(id, secondId);
        var auditId = audit.Str("id");
        audit.Str("state").ShouldBe("planned");
        audit.GetProperty("checklist").EnumerateArray().Select(i => i.Str("id")).ShouldBe(["quality_system", "product_consistency", "equipment", "routine_tests"]);
        audit.GetProperty("auditors").EnumerateArray().Select(a => a.Str("registrationNumber")).ShouldContain("CCAA-2021-P-0001 (demo)");

        var report = new
        {
            checklist = audit.GetProperty("checklist").EnumerateArray().Select(i => new { item = i.Str("id"), conforms = i.Str("id") != "product_consistency", notes = (string?)null }),
            findings = new[] { new { item = "product_consistency", grade = "minor", description = "Nameplate of X14 Pro differs from the tested sample", deadline = InAMonth } },
        };
        var reported = await OkAsync(second, $"/api/v1/factory-audits/{auditId}/report", report);
        reported.Str("state").ShouldBe("findings_open");
        await RefusedAsync(Handler, $"/api/v1/applications/{id}/complete-factory-audit", new { }, HttpStatusCode.Conflict, "factory-audit-not-passed");

        using (var evidence = new ByteArrayContent(ApplicationJourney.Pdf))
        {
            evidence.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            using var answered = await Applicant.PutAsync($"/api/v1/factory-audits/{auditId}/findings/1/evidence?correctiveAction=New%20nameplate&fileName=nameplate.pdf", evidence);
            answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        }

        (await Applicant.GetByteArrayAsync($"/api/v1/factory-audits/{auditId}/findings/1/evidence")).ShouldBe(ApplicationJourney.Pdf);
        (await OkAsync(Auditor.Client, $"/api/v1/factory-audits/{auditId}/findings/1/close")).Str("state").ShouldBe("passed");
        (await OkAsync(Handler, $"/api/v1/applications/{id}/complete-factory-audit")).Str("state").ShouldBe("review");

        await RefusedAsync(Handler, $"/api/v1/applications/{id}/reviewer", new { reviewer = Auditor.PersonId }, HttpStatusCode.BadRequest, "not-a-reviewer");
        (await OkAsync(Handler, $"/api/v1/applications/{id}/reviewer", new { reviewer = Reviewer.PersonId })).GetProperty("reviewer").GetGuid().ShouldBe(Reviewer.PersonId);
        await RefusedAsync(Decider.Client, $"/api/v1/applications/{id}/decision", new { decision = "grant" }, HttpStatusCode.Conflict, "review-missing");
        await OkAsync(Reviewer.Client, $"/api/v1/applications/{id}/review", new { recommendation = "grant", notes = "Tests passed; the audit finding is closed." });
        var decision = await OkAsync(Decider.Client, $"/api/v1/applications/{id}/decision", new { decision = "grant" });

        decision.GetProperty("application").Str("state").ShouldBe("granted");
        var certificate = decision.GetProperty("certificate");
        certificate.Str("number").ShouldMatch($@"^{DateTime.UtcNow.Year}010902\d{{6}}$");
        certificate.Str("state").ShouldBe("active");
        certificate.Str("holder").ShouldBe("demo-laptop-maker");
        certificate.GetProperty("standards").EnumerateArray().Select(s => s.GetString()).ShouldContain("GB 4943.1-2022");
        var issued = DateOnly.Parse(certificate.Str("issuedOn"), CultureInfo.InvariantCulture);
        DateOnly.Parse(certificate.Str("validUntil"), CultureInfo.InvariantCulture).ShouldBe(issued.AddYears(5).AddDays(-1));
        (await Applicant.GetJsonAsync($"/api/v1/certificates?application={id}")).EnumerateArray().Single().Str("number").ShouldBe(certificate.Str("number"));
        var actions = (await Officer.GetJsonAsync($"/api/v1/audit/events?entityType=factory_audit&entityId={auditId}&pageSize=100")).Items().Select(e => e.Str("action"));
        actions.ShouldBe(["factory_audit.planned", "factory_audit.reported", "factory_audit.finding_answered", "factory_audit.finding_closed", "factory_audit.passed"], ignoreOrder: true);
        (await Officer.GetJsonAsync($"/api/v1/audit/events?entityType=certificate&pageSize=100")).Items().Select(e => e.Str("action")).ShouldContain("certificate.issued");
    }

    [Fact]
    public async Task PlanningWithOneAuditor_OrAnUnregisteredOne_OrBeforeAcceptance_IsRefused_AndNothingIsPlanned()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);
        var (second, _) = await SecondAuditorAsync();
        var url = $"/api/v1/applications/{id}/factory-audits";
        await RefusedAsync(Handler, url, new { auditors = new[] { Auditor.PersonId, second }, startsOn = Today, days = 2 }, HttpStatusCode.Conflict, "application-not-auditable");
        await OkAsync(Handler, $"/api/v1/applications/{id}/accept");

        await RefusedAsync(Handler, url, new { auditors = new[] { Auditor.PersonId }, startsOn = Today, days = 2 }, HttpStatusCode.BadRequest, "too-few-auditors");
        await RefusedAsync(Handler, url, new { auditors = new[] { Auditor.PersonId, Reviewer.PersonId }, startsOn = Today, days = 2 }, HttpStatusCode.BadRequest, "not-an-auditor-of-the-body");
        await RefusedAsync(Handler, url, new { auditors = new[] { Auditor.PersonId, second }, startsOn = Today, days = 9 }, HttpStatusCode.BadRequest, "audit-days-invalid");
        await NotPermittedAsync(Auditor.Client, url, new { auditors = new[] { Auditor.PersonId, second }, startsOn = Today, days = 2 });

        (await Handler.GetJsonAsync($"/api/v1/factory-audits?application={id}")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task WithdrawingTheApplication_CancelsItsPlannedAudit_InTheSameStep()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);
        await OkAsync(Handler, $"/api/v1/applications/{id}/accept");
        var (second, _) = await SecondAuditorAsync();
        var audit = await PlanAsync(id, second);

        await OkAsync(Applicant, $"/api/v1/applications/{id}/withdraw", new { reason = "Model cancelled" });

        var cancelled = await Handler.GetJsonAsync($"/api/v1/factory-audits/{audit.Str("id")}");
        cancelled.Str("state").ShouldBe("cancelled");
        cancelled.Str("cancelReason").ShouldBe("application withdrawn: Model cancelled");
    }

    [Fact]
    public async Task AnAuditorNotCompetentForTheProductType_IsRefused()
    {
        // The body admin narrows auditor2's scope to category 08 for this test: the laptop (ccc.0902) is then outside it.
        var (second, _) = await SecondAuditorAsync();
        var registered = await fixture.App.SignInAsync("admin@cqc.example");
        using var narrowed = await registered.SendAsync(HttpMethod.Put, $"/api/v1/organisations/cqc/auditors/{second}",
            new { registrationNumber = "CCAA-2023-P-0002 (demo)", qualification = "auditor", scope = new[] { "ccc.08" }, validUntil = "2028-06-30" });
        narrowed.StatusCode.ShouldBe(HttpStatusCode.OK, await narrowed.Content.ReadAsStringAsync());
        try
        {
            var id = await ApplicationJourney.SubmittedAsync(Applicant);
            await OkAsync(Handler, $"/api/v1/applications/{id}/accept");
            await RefusedAsync(Handler, $"/api/v1/applications/{id}/factory-audits",
                new { auditors = new[] { Auditor.PersonId, second }, startsOn = Today, days = 2 }, HttpStatusCode.BadRequest, "auditor-not-competent");
        }
        finally
        {
            using var restored = await registered.SendAsync(HttpMethod.Put, $"/api/v1/organisations/cqc/auditors/{second}",
                new { registrationNumber = "CCAA-2023-P-0002 (demo)", qualification = "auditor", scope = new[] { "ccc.09" }, validUntil = "2028-06-30" });
            restored.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task TheAuditorsList_ShowsRegistrations_ToTheBody_AndIsRefusedToAnotherOrganisation()
    {
        var auditors = await Handler.GetJsonAsync("/api/v1/organisations/cqc/auditors");
        auditors.EnumerateArray().Select(a => a.Str("registrationNumber")).ShouldBe(["CCAA-2021-P-0001 (demo)", "CCAA-2023-P-0002 (demo)"], ignoreOrder: true);
        using var refused = await Engineer.GetAsync("/api/v1/organisations/cqc/auditors");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ABadEvidenceUpload_IsRefused_AndTheFindingStaysOpen()
    {
        var id = await TestedAsync();
        var (secondId, _) = await SecondAuditorAsync();
        var audit = await PlanAsync(id, secondId);
        var auditId = audit.Str("id");
        await OkAsync(Auditor.Client, $"/api/v1/factory-audits/{auditId}/report", new
        {
            checklist = audit.GetProperty("checklist").EnumerateArray().Select(i => new { item = i.Str("id"), conforms = i.Str("id") != "equipment" }),
            findings = new[] { new { item = "equipment", grade = "major", description = "Hi-pot tester not calibrated", deadline = InAMonth } },
        });

        foreach (var (content, why) in new[] { (Array.Empty<byte>(), "empty"), ("MZ not a document"u8.ToArray(), "wrong type") })
        {
            using var body = new ByteArrayContent(content);
            using var refused = await Applicant.PutAsync($"/api/v1/factory-audits/{auditId}/findings/1/evidence?correctiveAction=Calibrated", body);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, why);
        }

        using var foreign = new ByteArrayContent(ApplicationJourney.Pdf);
        using (var byLab = await Engineer.PutAsync($"/api/v1/factory-audits/{auditId}/findings/1/evidence?correctiveAction=x", foreign))
        {
            byLab.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var after = await Handler.GetJsonAsync($"/api/v1/factory-audits/{auditId}");
        after.GetProperty("findings")[0].Str("state").ShouldBe("open");
        after.GetProperty("findings")[0].Str("grade").ShouldBe("major");
    }

    [Fact]
    public async Task AnAuditorOrTheReviewer_CannotDecide_AndAnEvaluatorCannotReview()
    {
        var id = await InReviewAsync();

        await RefusedAsync(Handler, $"/api/v1/applications/{id}/reviewer", new { reviewer = Auditor.PersonId }, HttpStatusCode.BadRequest, "not-a-reviewer");
        await OkAsync(Handler, $"/api/v1/applications/{id}/reviewer", new { reviewer = Reviewer.PersonId });
        await NotPermittedAsync(Decider.Client, $"/api/v1/applications/{id}/review", new { recommendation = "grant", notes = "x" });
        await OkAsync(Reviewer.Client, $"/api/v1/applications/{id}/review", new { recommendation = "refuse", notes = "The CB report is for another model." });
        await NotPermittedAsync(Reviewer.Client, $"/api/v1/applications/{id}/decision", new { decision = "grant" });
        await RefusedAsync(Decider.Client, $"/api/v1/applications/{id}/decision", new { decision = "refuse" }, HttpStatusCode.BadRequest, "reason-required");

        var refused = await OkAsync(Decider.Client, $"/api/v1/applications/{id}/decision", new { decision = "refuse", reason = "The CB report does not cover X14 Pro." });

        refused.GetProperty("application").Str("state").ShouldBe("refused");
        refused.GetProperty("certificate").ValueKind.ShouldBe(JsonValueKind.Null);
        (await Applicant.GetJsonAsync($"/api/v1/certificates?application={id}")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task TwoSimultaneousDecisions_OneWins_TheOtherGets409_AndOneCertificateIsIssued()
    {
        var id = await InReviewAsync();
        await OkAsync(Handler, $"/api/v1/applications/{id}/reviewer", new { reviewer = Reviewer.PersonId });
        await OkAsync(Reviewer.Client, $"/api/v1/applications/{id}/review", new { recommendation = "grant", notes = "Conforms." });
        var twin = await fixture.App.SignInAsync(Decider.Email);

        var responses = await Task.WhenAll(
            Decider.Client.SendAsync(HttpMethod.Post, $"/api/v1/applications/{id}/decision", new { decision = "grant" }),
            twin.SendAsync(HttpMethod.Post, $"/api/v1/applications/{id}/decision", new { decision = "grant" }));

        responses.Select(r => (int)r.StatusCode).Order().ShouldBe([200, 409]);
        (await Applicant.GetJsonAsync($"/api/v1/certificates?application={id}")).GetArrayLength().ShouldBe(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task CertificateNumbers_CountUpPerPrefix()
    {
        var first = await GrantedAsync();
        var second = await GrantedAsync();

        long.Parse(second[^6..], CultureInfo.InvariantCulture).ShouldBe(long.Parse(first[^6..], CultureInfo.InvariantCulture) + 1);
        second[..^6].ShouldBe(first[..^6]);
    }

    [Fact]
    public async Task AnApplicationBuildingOnAValidCertificate_SkipsTestingAndTheAudit_AndItsClockShrinks()
    {
        var number = await GrantedAsync();
        var plain = await ApplicationJourney.SubmittedAsync(Applicant);
        await OkAsync(Handler, $"/api/v1/applications/{plain}/accept");
        await RefusedAsync(Handler, $"/api/v1/applications/{plain}/complete-testing", new { }, HttpStatusCode.Conflict, "tests-needed");

        var id = await SubmittedReusingAsync(number);
        var drafted = await Applicant.GetJsonAsync($"/api/v1/applications/{id}");
        drafted.GetProperty("reuse").Str("number").ShouldBe(number);
        drafted.GetProperty("reuse").GetProperty("coversTesting").GetBoolean().ShouldBeTrue();
        drafted.GetProperty("reuse").GetProperty("coversFactoryAudit").GetBoolean().ShouldBeTrue();
        drafted.GetProperty("timeline").GetProperty("steps").EnumerateArray().Select(s => s.Str("stepId")).ShouldBe(["application", "review_and_issue"]);
        await OkAsync(Handler, $"/api/v1/applications/{id}/accept");
        (await OkAsync(Handler, $"/api/v1/applications/{id}/complete-testing")).Str("state").ShouldBe("factory_audit");
        (await OkAsync(Handler, $"/api/v1/applications/{id}/complete-factory-audit")).Str("state").ShouldBe("review");
    }

    [Theory]
    [InlineData("2026010902999999", "X14", "reuse-certificate-unknown")]
    [InlineData(null, "Z99", "reuse-other-product")]
    public async Task ReusingAnUnknownCertificate_OrOneForAnotherProduct_IsRefused(string? number, string model, string code)
    {
        var reused = number ?? await GrantedAsync();
        var request = JsonSerializer.SerializeToNode(ApplicationJourney.LaptopRequest(mainModel: model))!.AsObject();
        request["reuseCertificate"] = reused;

        using var response = await Applicant.SendAsync(HttpMethod.Post, "/api/v1/applications", request);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    private async Task<string> SubmittedReusingAsync(string number)
    {
        var request = JsonSerializer.SerializeToNode(ApplicationJourney.LaptopRequest())!.AsObject();
        request["reuseCertificate"] = number;
        using var drafted = await Applicant.SendAsync(HttpMethod.Post, "/api/v1/applications", request);
        drafted.StatusCode.ShouldBe(HttpStatusCode.Created, await drafted.Content.ReadAsStringAsync());
        var draft = await drafted.ReadJsonAsync();
        var id = draft.Str("id");
        foreach (var document in draft.GetProperty("requiredDocuments").EnumerateArray().Select(d => d.GetString()!))
        {
            using var uploaded = await ApplicationJourney.UploadAsync(Applicant, id, document, ApplicationJourney.Pdf);
            uploaded.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await OkAsync(Applicant, $"/api/v1/applications/{id}/submit");
        return id;
    }

    private async Task<string> GrantedAsync()
    {
        var id = await InReviewAsync();
        await OkAsync(Handler, $"/api/v1/applications/{id}/reviewer", new { reviewer = Reviewer.PersonId });
        await OkAsync(Reviewer.Client, $"/api/v1/applications/{id}/review", new { recommendation = "grant", notes = "Conforms." });
        return (await OkAsync(Decider.Client, $"/api/v1/applications/{id}/decision", new { decision = "grant" })).GetProperty("certificate").Str("number");
    }
}

[Collection("sqlite")]
public sealed class SqliteCertificationPathTests(SqliteSignedInDemoFixture fixture)
    : CertificationPathTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresCertificationPathTests(PostgresSignedInDemoFixture fixture)
    : CertificationPathTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
