using System.Globalization;
using System.Net;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Supervision.Draws;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Cli;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Supervision.Draws;

/// <summary>
/// "Double random" draws through the real app, on each database: the demo authority draws CCC certificates with inspectors
/// of two bodies; the record it publishes re-runs bit for bit (in process and with <c>certa draw verify</c>); conflicts of
/// interest keep inspectors away; the Draws table refuses changes; a bad request writes nothing.
/// </summary>
public abstract class DrawApiTests(SignedInDemoFixture fixture)
{
    private static readonly string[] PoolBodies = ["cqc", "cvc-cert"];

    private HttpClient Officer => fixture.As(Role.AuthorityOfficer).Client;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static object Request(object? overrides = null)
    {
        var request = new Dictionary<string, object?>
        {
            ["schemeIds"] = new[] { "ccc" },
            ["sampleSize"] = 3,
            ["poolBodyIds"] = PoolBodies,
            ["plannedOn"] = Day(Today.AddDays(7)),
            ["publicRandom"] = "drand round 4242424: 9f8e7d6c5b4a",
        };
        foreach (var property in JsonSerializer.SerializeToElement(overrides ?? new { }).EnumerateObject())
        {
            request[property.Name] = property.Value;
        }

        return request;
    }

    private async Task<JsonElement> MakeAsync(object request)
    {
        using var response = await Officer.PostAsync("/api/v1/draws", Json.Body(request));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldStartWith("/api/v1/draws/cnca-");
        return await response.ReadJsonAsync();
    }

    private async Task<DrawRecord> RecordAsync(string reference) =>
        DrawRecordJson.Read(await fixture.App.Client.GetStringAsync($"/api/v1/draws/{reference}/record"));

    [Fact]
    public async Task TheOfficersDraw_IsPublished_PlansItsInspections_AndItsRecordReproducesBitForBit()
    {
        for (var i = 0; i < 3; i++)
        {
            await CertificateSeed.IssueAsync(fixture.App.Services);
        }

        var made = await MakeAsync(Request());

        var reference = made.Str("reference");
        reference.ShouldStartWith($"cnca-{Day(Today)}-");
        var targets = made.GetProperty("targets").EnumerateArray().ToList();
        targets.Count.ShouldBe(3);
        made.Str("verifyCommand").ShouldBe($"certa draw verify draw-{reference}.json");
        var stored = await fixture.App.QueryAsync(db => db.Draws.SingleAsync(d => d.Reference == reference));
        using (var download = await fixture.App.Client.GetAsync($"/api/v1/draws/{reference}/record"))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
            download.Content.Headers.ContentDisposition!.FileName.ShouldBe($"draw-{reference}.json");
            (await download.Content.ReadAsStringAsync()).ShouldBe(stored.RecordJson);
        }

        var record = await RecordAsync(reference);
        record.Verify().ShouldBeEmpty();
        record.Digest.ShouldBe(made.Str("digest"));
        record.Result.Seed.ShouldBe(made.Str("seed"));
        record.Inputs.Definition.Pool.Select(i => i.OrganisationId).Distinct().Order().ShouldBe(PoolBodies);
        record.Inputs.Candidates.ShouldAllBe(c => c.SchemeId == "ccc" && c.Risk.Length > 0 && c.Region.Length > 0);

        var inspections = await fixture.App.QueryAsync(db => db.Inspections.Where(i => i.DrawId == stored.Id).ToListAsync());
        var withTeams = record.Result.Targets.Where(t => t.InspectorIds.Count > 0).ToList();
        inspections.Count.ShouldBe(withTeams.Count);
        foreach (var target in withTeams)
        {
            var inspection = inspections.Single(i => i.CertificateNumber == target.CertificateNumber);
            (inspection.Kind, inspection.State, inspection.OrganisedBy, inspection.PlannedOn).ShouldBe((InspectionKind.DoubleRandom, InspectionState.Planned, "cnca", Today.AddDays(7)));
            inspection.Inspectors.ShouldBe(target.InspectorIds);
            targets.Single(t => t.Str("certificateNumber") == target.CertificateNumber).GetProperty("inspection").Str("url").ShouldBe($"/inspections/{inspection.Id}");
        }

        (await fixture.App.Client.GetJsonAsync("/api/v1/draws")).EnumerateArray().Select(d => d.Str("reference")).ShouldContain(reference);
    }

    [Fact]
    public async Task TheCli_ReproducesThePublishedDraw_FromAFile_AndFromTheServer()
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        var reference = (await MakeAsync(Request(new { sampleRate = 0.5m, sampleSize = (int?)null }))).Str("reference");
        var file = Path.Combine(Path.GetTempPath(), $"draw-{reference}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await fixture.App.Client.GetStringAsync($"/api/v1/draws/{reference}/record"));
        var digest = (await RecordAsync(reference)).Digest;
        try
        {
            var (exit, output, error) = await CertaCli.RunAsync(fixture.App.Database, "draw", "verify", file);
            exit.ShouldBe(0, output + error);
            output.ShouldContain($"digest {digest}");

            (exit, output, error) = await CertaCli.RunAsync(fixture.App.Database, "draw", "verify", "--server", fixture.App.Address.ToString(), reference);
            exit.ShouldBe(0, output + error);
            output.ShouldContain($"Draw {reference} by cnca");
            output.ShouldContain($"digest {digest}");

            (exit, _, error) = await CertaCli.RunAsync(fixture.App.Database, "draw", "verify", "--server", fixture.App.Address.ToString(), "cnca-1999-01-01-9");
            exit.ShouldBe(4, error);
            error.ShouldContain("404");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ConflictsOfInterest_KeepInspectorsAway_FromTheirTargets()
    {
        // Two enterprises of their own region, so that the population is exactly their certificates.
        const string region = "CN-HI";
        var (audited, related) = ("ent-audited", "ent-related");
        await AddEnterpriseAsync(audited, region);
        await AddEnterpriseAsync(related, region);
        var auditedCertificate = await CertificateSeed.IssueAsync(fixture.App.Services, audited);
        await CertificateSeed.IssueAsync(fixture.App.Services, related);
        var cvc = await fixture.App.QueryAsync(db => db.People.Where(p => p.OrganisationId == "cvc-cert").ToListAsync());
        var recent = cvc.Single(p => p.Email == "auditor@cvc-cert.example");
        var relatedTo = cvc.Single(p => p.Email == "auditor2@cvc-cert.example");
        await InspectedRecentlyAsync(auditedCertificate, recent.Id);
        using (var auditor = await fixture.App.SignInAsync(relatedTo.Email))
        using (var declared = await auditor.PostAsync("/api/v1/me/relations", Json.Body(new { relatedTo = related, nature = "Brother-in-law is the plant manager" })))
        {
            declared.StatusCode.ShouldBe(HttpStatusCode.Created, await declared.Content.ReadAsStringAsync());
        }

        // Every eligible inspector is wanted on each target: only the exclusions can keep one off.
        var made = await MakeAsync(Request(new { regions = new[] { region }, sampleSize = 2, inspectorsPerTarget = 10 }));

        var record = await RecordAsync(made.Str("reference"));
        record.Verify().ShouldBeEmpty();
        var pool = record.Inputs.Definition.Pool;
        var (recentId, relatedId) = (recent.Id.ToString("D"), relatedTo.Id.ToString("D"));
        record.Inputs.Definition.PastAudits.ShouldContain(new PastAudit(recentId, audited, Today));
        pool.Single(i => i.Id == relatedId).Relations.ShouldContain(related);
        var cvcInPool = pool.Count(i => i.OrganisationId == "cvc-cert");
        record.Result.Targets.Select(t => t.EnterpriseId).Order().ShouldBe(new[] { audited, related }.Order());
        foreach (var target in record.Result.Targets)
        {
            target.InspectorIds.ShouldAllBe(id => pool.Single(i => i.Id == id).OrganisationId != "cqc", "an inspector of the target's own body");
            var excluded = target.EnterpriseId == audited ? recentId : relatedId;
            target.InspectorIds.ShouldNotContain(excluded);
            var shortfall = record.Result.Shortfalls.Single(s => s.CertificateNumber == target.CertificateNumber);
            (shortfall.Eligible, shortfall.Reason).ShouldBe((cvcInPool - 1, DrawShortfallReason.TooFewEligible));
        }
    }

    [Fact]
    public async Task TheDrawsTable_RefusesUpdateAndDelete()
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        var reference = (await MakeAsync(Request(new { sampleSize = 1 }))).Str("reference");

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        (await RefusedAsync(db, "UPDATE \"Draws\" SET \"PublicRandom\" = 'chosen afterwards' WHERE \"Reference\" = {0}", reference)).ShouldContain("append-only");
        (await RefusedAsync(db, "DELETE FROM \"Draws\" WHERE \"Reference\" = {0}", reference)).ShouldContain("append-only");
        (await fixture.App.QueryAsync(d => d.Draws.SingleAsync(x => x.Reference == reference))).PublicRandom.ShouldBe("drand round 4242424: 9f8e7d6c5b4a");
    }

    public static TheoryData<string, HttpStatusCode, string> BadRequests => new()
    {
        { """{"sampleRate": 0, "sampleSize": null}""", HttpStatusCode.BadRequest, "draw-sample-rate-invalid" },
        { """{"poolBodyIds": []}""", HttpStatusCode.BadRequest, "draw-pool-bodies-required" },
        { """{"publicRandom": ""}""", HttpStatusCode.BadRequest, "draw-public-random-missing" },
        { """{"schemeIds": ["ccc", "no-such-scheme"]}""", HttpStatusCode.BadRequest, "draw-scheme-unknown" },
        { """{"poolBodyIds": ["cqc", "lab-cttl"]}""", HttpStatusCode.BadRequest, "draw-body-unknown" },
        { """{"riskLevels": ["Z"]}""", HttpStatusCode.BadRequest, "draw-risk-level-unknown" },
        { """{"plannedOn": "2000-01-01"}""", HttpStatusCode.BadRequest, "planned-in-past" },
        { """{"regions": ["CN-XZ"]}""", HttpStatusCode.Conflict, "draw-population-empty" },
        { """{"inspectorsPerTarget": 0}""", HttpStatusCode.BadRequest, "draw-inspectors-per-target-invalid" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ABadRequest_IsAProblem_AndWritesNothing(string overrides, HttpStatusCode status, string code)
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        var before = await CountsAsync();

        using var response = await Officer.PostAsync("/api/v1/draws", Json.Body(Request(JsonSerializer.Deserialize<JsonElement>(overrides))));

        await response.ShouldBeProblemAsync(status, code);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task OnlyAnAuthorityOfficer_MakesADraw()
    {
        var before = await CountsAsync();

        using var response = await fixture.As(Role.Auditor).Client.PostAsync("/api/v1/draws", Json.Body(Request()));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AnAuditor_DeclaresAndEndsTheirOwnRelations()
    {
        var auditor = fixture.As(Role.Auditor).Client;

        using var declared = await auditor.PostAsync("/api/v1/me/relations", Json.Body(new { relatedTo = "demo-laptop-maker", nature = "Former employer" }));
        declared.StatusCode.ShouldBe(HttpStatusCode.Created, await declared.Content.ReadAsStringAsync());
        var id = (await declared.ReadJsonAsync()).Str("id");
        using (var twice = await auditor.PostAsync("/api/v1/me/relations", Json.Body(new { relatedTo = "demo-laptop-maker", nature = "Again" })))
        {
            await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "relation-declared");
        }

        using (var unknown = await auditor.PostAsync("/api/v1/me/relations", Json.Body(new { relatedTo = "nobody-here", nature = "Family" })))
        {
            await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "related-to-unknown");
        }

        (await auditor.GetJsonAsync("/api/v1/me/relations")).EnumerateArray().Single(r => r.Str("id") == id).GetProperty("stands").GetBoolean().ShouldBeTrue();
        using var ended = await auditor.PostAsync($"/api/v1/me/relations/{id}/end", Json.Body(new { }));
        ended.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ended.ReadJsonAsync()).GetProperty("stands").GetBoolean().ShouldBeFalse();
        using var again = await auditor.PostAsync($"/api/v1/me/relations/{id}/end", Json.Body(new { }));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "relation-ended");
    }

    [Fact]
    public async Task ThePages_ShowTheDraw_ToEveryone_AndTheFormOnlyToTheOfficer()
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        var made = await MakeAsync(Request(new { sampleSize = 1 }));
        var reference = made.Str("reference");
        var number = made.GetProperty("targets")[0].Str("certificateNumber");

        var (status, html) = await fixture.App.GetPageAsync($"/draws/{reference}");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(made.Str("digest"));
        html.ShouldContain($"id=\"target-{number}\"");
        html.ShouldContain($"certa draw verify draw-{reference}.json");
        (await fixture.App.GetPageAsync("/draws", "zh")).Html.ShouldContain(reference);
        (await fixture.App.GetPageAsync("/draws/cnca-1999-01-01-9")).Status.ShouldBe(HttpStatusCode.NotFound);

        (await Officer.GetAsync("/authority/draws/new")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Officer.GetStringAsync("/authority/draws")).ShouldContain(reference);
        (await fixture.As(Role.Auditor).Client.GetAsync("/authority/draws/new")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.As(Role.Auditor).Client.GetAsync("/account/relations")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The database's refusal of <paramref name="sql"/>; fails the test if the statement ran.</summary>
    private static async Task<string> RefusedAsync(CertaDbContext db, string sql, string reference)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync(sql, reference);
        }
        catch (System.Data.Common.DbException e)
        {
            return e.Message;
        }

        throw new ShouldAssertException($"The database ran: {sql}");
    }

    [Fact]
    public async Task ThePageForm_RefusesABadDrawInWords_AndWritesNothing()
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        var before = await CountsAsync();
        var token = await CertaTestApp.AntiforgeryTokenAsync(Officer, "/authority/draws/new");

        using var response = await Officer.PostAsync("/authority/draws/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SchemeIds"] = "ccc",
            ["SamplePercent"] = "5",
            ["ExcludeOwnOrganisation"] = "true",
            ["PlannedOn"] = Day(Today.AddDays(3)),
            ["PublicRandom"] = "drand round 1: 00",
            ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"draw-error\"");
        html.ShouldContain("Choose at least one body whose registered auditors form the inspector pool.");
        html.ShouldContain("value=\"drand round 1: 00\"");
        (await CountsAsync()).ShouldBe(before);
    }

    private Task<(int Draws, int Inspections, int Events)> CountsAsync() =>
        fixture.App.QueryAsync(async db => (await db.Draws.CountAsync(), await db.Inspections.CountAsync(), await db.AuditEvents.CountAsync()));

    private async Task AddEnterpriseAsync(string id, string region)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var organisation = Organisation.Create(id, OrganisationKind.Applicant, new LocalizedText($"Enterprise {id}"), null, "CN", DateTimeOffset.UtcNow);
        organisation.SetRegion(region);
        db.Organisations.Add(organisation);
        await db.CommitAsync(CommandContext.CommandLine(), DateTimeOffset.UtcNow, default);
    }

    /// <summary>A follow-up inspection of the certificate by <paramref name="inspector"/>, passed today.</summary>
    private async Task InspectedRecentlyAsync(Domain.Certificates.Certificate certificate, Guid inspector)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var now = DateTimeOffset.UtcNow;
        var inspection = Inspection.PlanFollowUp(Guid.CreateVersion7(now), certificate, Today, Today, [inspector.ToString("D")], now);
        inspection.RecordPassed(Today, "Conforms.", now);
        db.Inspections.Add(inspection);
        await db.CommitAsync(CommandContext.CommandLine(), now, default);
    }
}

[Collection("sqlite")]
public sealed class SqliteDrawApiTests(SqliteSignedInDemoFixture fixture) : DrawApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresDrawApiTests(PostgresSignedInDemoFixture fixture) : DrawApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
