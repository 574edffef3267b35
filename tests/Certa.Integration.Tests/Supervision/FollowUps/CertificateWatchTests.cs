using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Statistics;
using Certa.Infrastructure.Supervision.FollowUps;
using Certa.Infrastructure.Supervision.Watches;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Supervision.FollowUps;

/// <summary>
/// The stored supervision watches (<see cref="CertificateWatch"/>) on each database: written in the commit that issues a
/// certificate or records its inspection, gone when it leaves supervision, and made again from the registry when the
/// stored ones are not from this process's rules. The worklist, the round and the statistics read only watched certificates.
/// </summary>
public abstract class CertificateWatchTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Issuing_WritesTheWatch_AndAPassedFollowUp_MovesItAYear()
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var certificate = await world.IssueAsync();
        var dueOn = certificate.IssuedOn.AddYears(1);

        var issued = await WatchAsync(world, certificate.Id);
        issued.ShouldNotBeNull().NextDueOn.ShouldBe(dueOn);
        issued.ListedFrom.ShouldBe(dueOn.AddDays(-90));
        issued.ActsFrom.ShouldBe(dueOn.AddDays(31));
        issued.BodyId.ShouldBe(certificate.BodyId);

        world.Clock.MoveTo(dueOn.AddDays(-10));
        var inspection = await world.PlanAsync(certificate, dueOn);
        (await WatchAsync(world, certificate.Id)).ShouldNotBeNull().NextDueOn.ShouldBe(dueOn, "planned is not performed");
        await world.RecordAsync(inspection, passed: true);

        (await WatchAsync(world, certificate.Id)).ShouldNotBeNull().NextDueOn.ShouldBe(certificate.IssuedOn.AddYears(2));
    }

    [Fact]
    public async Task WithdrawnCertificate_IsNoLongerWatched()
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var certificate = await world.IssueAsync();

        await CertificateHistorySeed.WithdrawAsync(world.App.Services, certificate, "Withdrawn to test its watch.");

        (await WatchAsync(world, certificate.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task WatchesFromOtherRules_AreMadeAgain_AsTheCommitsMadeThem()
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var certificate = await world.IssueAsync();
        var kept = await AllAsync(world);
        kept.ShouldContain(w => w.Item1 == certificate.Id);
        await world.App.QueryAsync(async db =>
        {
            await db.CertificateWatches.ExecuteDeleteAsync();
            return await db.CertificateWatchRules.ExecuteUpdateAsync(r => r.SetProperty(x => x.Fingerprint, "default:6::30:10"));
        });

        var read = await world.App.Services.GetRequiredService<CertificateWatchRebuild>().EnsureCurrentAsync(default);

        read.ShouldBe(kept.Count);
        (await AllAsync(world)).ShouldBe(kept);
        (await world.App.Services.GetRequiredService<CertificateWatchRebuild>().EnsureCurrentAsync(default)).ShouldBe(0, "current now");
    }

    [Fact]
    public async Task Worklist_ListsOnlyWatchedCertificates_AndTheStatisticsCountThem()
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var certificate = await world.IssueAsync();
        var dueOn = certificate.IssuedOn.AddYears(1);
        world.Clock.MoveTo(dueOn.AddDays(-30));
        (await WorklistAsync(world)).Due.ShouldContain(p => p.CertificateNumber == certificate.Number);
        (await CountsAsync(world, certificate.BodyId)).Due.ShouldBe((await WorklistAsync(world)).Due.Count(p => p.BodyId == certificate.BodyId));

        // A watch that says "not yet" keeps the certificate off the worklist: the worklist reads the watches, not the registry.
        await world.App.QueryAsync(db => db.CertificateWatches.Where(w => w.CertificateId == certificate.Id)
            .ExecuteUpdateAsync(w => w.SetProperty(x => x.ListedFrom, dueOn.AddDays(1))));
        (await WorklistAsync(world)).Due.ShouldNotContain(p => p.CertificateNumber == certificate.Number);

        world.Clock.MoveTo(dueOn.AddDays(5));
        var overdue = (await WorklistAsync(world)).Overdue;
        overdue.ShouldContain(p => p.CertificateNumber == certificate.Number);
        (await CountsAsync(world, certificate.BodyId)).Overdue.ShouldBe(overdue.Count(p => p.BodyId == certificate.BodyId));
    }

    [Fact]
    public async Task Worklist_ComesInPages_ThatTogetherListEveryCertificateOnce()
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var issued = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            issued.Add((await world.IssueAsync()).Number);
            world.Clock.MoveTo(world.Clock.Today.AddDays(1));
        }

        for (var i = 0; i < 2; i++)
        {
            issued.Add((await world.IssueAsync()).Number);
        }

        world.Clock.MoveTo(world.Clock.Today.AddYears(1).AddDays(-1));
        var all = await WorklistAsync(world);
        var listed = new List<string>();
        var pages = 0;
        FollowUpCursor? after = null;
        do
        {
            await using var scope = world.App.Services.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<FollowUpQueries>().PageAsync("cqc", world.Clock.GetUtcNow(), after, 2, default);
            (page.DueTotal, page.OverdueTotal).ShouldBe((all.Due.Count, all.Overdue.Count));
            listed.AddRange(page.Worklist.Overdue.Concat(page.Worklist.Due).Select(p => p.CertificateNumber));
            after = page.Next is { } next ? FollowUpCursor.Parse(next.ToString()) : null;
            pages++;
        }
        while (after is not null);

        var expected = all.Overdue.Concat(all.Due).Select(p => p.CertificateNumber).ToList();
        pages.ShouldBe((expected.Count + 1) / 2);
        listed.ShouldBe(expected, ignoreOrder: true);
        listed.Distinct().Count().ShouldBe(listed.Count);
        issued.ShouldBeSubsetOf(listed);
    }

    [Fact]
    public async Task Page_CountsTheWholeWorklist_AndAStrangeCursorShowsTheFirstPage()
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var certificate = await world.IssueAsync();
        world.Clock.MoveTo(certificate.IssuedOn.AddYears(1).AddDays(-3));
        var due = (await WorklistAsync(world)).Due;
        var body = await world.App.SignInAsync("admin@cqc.example");

        foreach (var path in new[] { "/body/follow-ups", "/body/follow-ups?after=not-a-cursor" })
        {
            var html = await body.GetStringAsync(path);

            html.ShouldContain($"id=\"due-total\">({due.Count})");
            html.ShouldContain(certificate.Number);
            html.ShouldNotContain("follow-ups-next");
        }

        using var refused = await body.GetAsync("/api/v1/bodies/cqc/follow-ups?after=not-a-cursor");
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("after-invalid");
        using var tooMany = await body.GetAsync("/api/v1/bodies/cqc/follow-ups?limit=5000");
        tooMany.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }

    private static Task<CertificateWatch?> WatchAsync(SupervisionWorld world, Guid certificateId) =>
        world.App.QueryAsync(db => db.CertificateWatches.AsNoTracking().SingleOrDefaultAsync(w => w.CertificateId == certificateId));

    private static async Task<List<(Guid, string, DateOnly, DateOnly, DateOnly?, DateOnly)>> AllAsync(SupervisionWorld world) =>
        [.. (await world.App.QueryAsync(db => db.CertificateWatches.AsNoTracking().OrderBy(w => w.CertificateId).ToListAsync()))
            .Select(w => (w.CertificateId, w.BodyId, w.ListedFrom, w.ActsFrom, w.NextDueOn, w.ValidUntil))];

    private static async Task<Domain.Supervision.FollowUps.FollowUpWorklist> WorklistAsync(SupervisionWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<FollowUpQueries>()
            .PageAsync("cqc", world.Clock.GetUtcNow(), null, FollowUpQueries.MaxLimit, default);
        page.Next.ShouldBeNull("one page holds the demo body's worklist");
        return page.Worklist;
    }

    private static async Task<(long Due, long Overdue)> CountsAsync(SupervisionWorld world, string bodyId)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var table = await scope.ServiceProvider.GetRequiredService<FollowUpStatistics>().FollowUpsByBodyAsync(bodyId, default);
        var row = table.Rows.ShouldHaveSingleItem();
        return (Convert.ToInt64(row.Values[0]), Convert.ToInt64(row.Values[1]));
    }
}

[Collection("sqlite")]
public sealed class SqliteCertificateWatchTests() : CertificateWatchTests(DatabaseProvider.Sqlite);

[Collection("postgres")]
public sealed class PostgresCertificateWatchTests() : CertificateWatchTests(DatabaseProvider.Postgres);
