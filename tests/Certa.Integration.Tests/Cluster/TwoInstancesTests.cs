using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Notifications;
using Certa.Infrastructure.Cluster;
using Certa.Infrastructure.Notifications;
using Certa.Infrastructure.Supervision.Scheduling;
using Certa.Infrastructure.Transparency;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Integration.Tests.Supervision.FollowUps;
using Certa.Testing;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Npgsql;
using Quartz;

namespace Certa.Integration.Tests.Cluster;

/// <summary>
/// Two instances, one PostgreSQL database (ADR 020): a person's session and form tokens work on either, a change made on one
/// reaches the other's cached answers within about a second, a rate limit holds for both together, the status lists and the
/// transparency log written while both change certificates have no gap or fork, and a Quartz firing and an e-mail happen once.
/// </summary>
[Collection("postgres")]
public sealed class TwoInstancesTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private const string Decider = "decider@cqc.example";

    /// <summary>How long an instance keeps a verification answer (VerificationEndpoints): the feed must beat it.</summary>
    private static readonly TimeSpan AnswerLifetime = TimeSpan.FromSeconds(5);

    private CertaTestApp A => cluster.A;

    private CertaTestApp B => cluster.B;

    [Fact]
    public async Task ASessionFromA_WorksOnB_AndAFormTokenFromA_PostsOnB()
    {
        var certificate = await CertificateSeed.IssueAsync(A.Services);
        using var browser = cluster.Browser();
        using (var signIn = await CertaTestApp.PostSignInAsync(browser, Decider, A.PasswordOf(Decider)))
        {
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var me = await browser.GetAsync(On(B, "/api/v1/me")))
        {
            me.StatusCode.ShouldBe(HttpStatusCode.OK, "B reads the session cookie A wrote");
            (await me.ReadJsonAsync()).Str("actor").ShouldStartWith("person:");
        }

        var token = await CertaTestApp.AntiforgeryTokenAsync(browser, $"/certificates/{certificate.Id}");
        using var suspend = await browser.PostAsync(On(B, $"/certificates/{certificate.Id}?handler=suspend"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Reason"] = "Follow-up audit failed",
            ["Deadline"] = Day(20),
            ["__RequestVerificationToken"] = token,
        }));
        suspend.StatusCode.ShouldBe(HttpStatusCode.Redirect, await suspend.Content.ReadAsStringAsync());
        suspend.Headers.Location!.OriginalString.ShouldNotContain("/account/login");
        (await StateAsync(certificate)).ShouldBe(CertificateState.Suspended);

        // Not a key ring both happen to find on this machine's disk: the one key in the database.
        var keys = await A.QueryAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
        keys.Count.ShouldBe(1);
        var defaultKeys = new[] { A, B }.Select(app => app.Services.GetRequiredService<IKeyRingProvider>().GetCurrentKeyRing().DefaultKeyId);
        defaultKeys.ShouldAllBe(id => keys[0] == $"key-{id}");
    }

    [Fact]
    public async Task ASuspensionThroughA_IsAnsweredByB_BeforeBsCachedAnswerWouldHaveExpired()
    {
        var certificate = await CertificateSeed.IssueAsync(A.Services);
        using var decider = await A.SignInAsync(Decider);
        var cached = Stopwatch.StartNew();
        (await VerdictAsync(B, certificate)).ShouldBe("valid", "B answers, and keeps the answer");

        using (var suspend = await decider.SendAsync(HttpMethod.Post, $"/api/v1/certificates/{certificate.Id}/suspend", new { reason = "Audit finding", deadline = Day(20) }))
        {
            suspend.StatusCode.ShouldBe(HttpStatusCode.OK, await suspend.Content.ReadAsStringAsync());
        }

        (await Eventually.Async(async () => await VerdictAsync(B, certificate) == "suspended", TimeSpan.FromSeconds(10))).ShouldBeTrue();
        // Not a speed target: the bound is the cache's own lifetime. Later than that, B would have learnt it by forgetting, not by the feed.
        cached.Elapsed.ShouldBeLessThan(AnswerLifetime, "B heard of A's commit (ClusterChangeFeed) rather than waiting for its cached answer to age out");
    }

    [Fact]
    public async Task TheBulkLimit_IsReachedByRequestsSpreadOverBothInstances()
    {
        // Windows are whole minutes: start where the whole exchange (a few seconds) fits in one.
        var now = DateTimeOffset.UtcNow;
        var left = SharedRateCounts.WindowSeconds - now.ToUnixTimeSeconds() % SharedRateCounts.WindowSeconds;
        if (left < 20)
        {
            await Task.Delay(TimeSpan.FromSeconds(left + 0.5));
        }

        var window = SharedRateCounts.WindowOf(DateTimeOffset.UtcNow);
        const string partition = "bulk:ip:127.0.0.1";
        var (countsA, countsB) = (A.Services.GetRequiredService<SharedRateCounts>(), B.Services.GetRequiredService<SharedRateCounts>());

        (await BulkAsync(A, 6)).ShouldAllBe(s => s == HttpStatusCode.OK);
        (await BulkAsync(B, 1)).ShouldAllBe(s => s == HttpStatusCode.OK);
        (await Eventually.Async(() => Task.FromResult(countsB.Estimate(partition) == 7), TimeSpan.FromSeconds(10)))
            .ShouldBeTrue($"B should have read A's 6 from the database (it knows {countsB.Estimate(partition)})");
        // Alone, B would allow 9 more; with A's 6 counted it allows 3.
        (await BulkAsync(B, 4)).ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        (await Eventually.Async(() => Task.FromResult(countsA.Estimate(partition) == ClusterFixture.BulkLimit), TimeSpan.FromSeconds(10)))
            .ShouldBeTrue($"A should have read B's 4 (it knows {countsA.Estimate(partition)})");
        using (var refused = await PostBulkAsync(A))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
            refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        }

        (await CountedAsync(partition, window)).ShouldBe(ClusterFixture.BulkLimit, "refusals are not counted");
        SharedRateCounts.WindowOf(DateTimeOffset.UtcNow).ShouldBe(window, "the exchange should have fitted in one minute");
    }

    [Fact]
    public async Task StatusListsAndTheLog_WrittenWhileBothChangeCertificates_HaveNoGapOrFork()
    {
        List<Certificate> certificates = [await CertificateSeed.IssueAsync(A.Services), await CertificateSeed.IssueAsync(B.Services),
            await CertificateSeed.IssueAsync(A.Services), await CertificateSeed.IssueAsync(B.Services)];
        using var onA = await A.SignInAsync(Decider);
        using var onB = await B.SignInAsync(Decider, A.PasswordOf(Decider));
        await Task.WhenAll(certificates.Select((c, i) => PostOkAsync(i % 2 == 0 ? onA : onB, $"/api/v1/certificates/{c.Id}/suspend", new { reason = "Audit finding", deadline = Day(30) })));
        await Task.WhenAll(PostOkAsync(onB, $"/api/v1/certificates/{certificates[0].Id}/restore", new { reason = "Corrected" }),
            PostOkAsync(onA, $"/api/v1/certificates/{certificates[1].Id}/restore", new { reason = "Corrected" }));

        // Both instances publish the body's suspension list; what each serves must come to match the certificates.
        var settled = await Eventually.Async(async () =>
        {
            var truth = await A.QueryAsync(db => db.Certificates.Where(c => c.BodyId == "cqc" && c.State == CertificateState.Suspended)
                .Select(c => (long)c.StatusListIndex).OrderBy(i => i).ToListAsync());
            return (await SuspendedBitsAsync(A)).SequenceEqual(truth) && (await SuspendedBitsAsync(B)).SequenceEqual(truth)
                && (await MonitorAsync()).All(c => c.Passed);
        }, TimeSpan.FromSeconds(20));
        settled.ShouldBeTrue(string.Join("; ", (await MonitorAsync()).Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        var listed = await SuspendedBitsAsync(B);
        listed.ShouldContain(certificates[2].StatusListIndex);
        listed.ShouldContain(certificates[3].StatusListIndex);
        listed.ShouldNotContain(certificates[0].StatusListIndex);
        listed.ShouldNotContain(certificates[1].StatusListIndex);

        var (entries, lastIndex, heads, sizes) = await A.QueryAsync(async db => (await db.LogEntries.LongCountAsync(), await db.LogEntries.MaxAsync(e => e.Index),
            await db.LogTreeHeads.CountAsync(), await db.LogTreeHeads.Select(h => h.TreeSize).Distinct().CountAsync()));
        entries.ShouldBe(lastIndex + 1, "no gap in the log's indexes");
        sizes.ShouldBe(heads, "no two heads for one size: no fork");
        var lists = await A.QueryAsync(db => db.StatusLists.Where(l => l.BodyId == "cqc").Select(l => l.Purpose).ToListAsync());
        lists.Order().ToList().ShouldBe(["message", "revocation", "suspension"]); // one current list a purpose
    }

    [Fact]
    public async Task AQuartzFiring_RunsOnOneInstanceOnly()
    {
        (await Eventually.Async(async () => await ScalarAsync("SELECT count(*) FROM qrtz_scheduler_state") == 2))
            .ShouldBeTrue("both instances should have checked in to the cluster");
        var scheduler = await A.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.RescheduleJob(SupervisionJob.DailyTrigger,
            TriggerBuilder.Create().WithIdentity(SupervisionJob.DailyTrigger).ForJob(SupervisionJob.Key).StartNow().Build());

        // A one-off trigger is removed once its firing completed; after that nothing can fire it again.
        (await Eventually.Async(async () => await ScalarAsync(Runs) > 0
            && await ScalarAsync("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'supervision-daily'") == 0
            && await ScalarAsync("SELECT count(*) FROM qrtz_fired_triggers") == 0)).ShouldBeTrue("the firing should have run and finished");
        (await ScalarAsync(Runs)).ShouldBe(1);
    }

    [Fact]
    public async Task TwoOutboxes_SendEachMailOnce()
    {
        const int due = 40;
        await A.QueryAsync(async db =>
        {
            var person = await db.People.AsNoTracking().FirstAsync(p => p.Email == Decider);
            var audit = await db.AuditEvents.MaxAsync(e => e.Sequence);
            var text = new LocalizedText("Ready for decision", "待决定");
            db.Notifications.AddRange(Enumerable.Range(0, due).Select(_ => Notification.Create(Guid.CreateVersion7(), person.Id, person.OrganisationId,
                "application.reviewed", "application", "cluster-test", audit, text, text, "/notifications", DateTimeOffset.UtcNow)));
            return await db.SaveChangesAsync();
        });
        var sent = new ConcurrentBag<Guid>();
        MailOutbox Outbox(CertaTestApp app) => new(app.Services.GetRequiredService<IServiceScopeFactory>(), new CountingTransport(sent),
            app.Services.GetRequiredService<MailOptions>(), TimeProvider.System, NullLogger<MailOutbox>.Instance);

        var delivered = await Task.WhenAll(Outbox(A).SendDueAsync(default), Outbox(B).SendDueAsync(default));

        sent.Count.ShouldBe(due);
        sent.Distinct().Count().ShouldBe(due, "no e-mail twice");
        delivered.Sum().ShouldBe(due);
    }

    private const string Runs = "SELECT count(*) FROM qrtz_execution_history WHERE trigger_name = 'supervision-daily'";

    private static Uri On(CertaTestApp app, string path) => new(app.Address, path);

    private static string Day(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<CertificateState> StateAsync(Certificate certificate) =>
        A.QueryAsync(db => db.Certificates.Where(c => c.Id == certificate.Id).Select(c => c.State).SingleAsync());

    private static async Task<string> VerdictAsync(CertaTestApp app, Certificate certificate) =>
        (await app.Client.GetJsonAsync($"/api/v1/public/certificates/{certificate.Number}")).Str("code");

    private static async Task PostOkAsync(HttpClient client, string url, object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostBulkAsync(CertaTestApp app) =>
        app.Client.PostAsync("/api/v1/public/verify:bulk", new StringContent("number\r\nCCC-NO-SUCH-NUMBER", Encoding.UTF8, "text/csv"));

    private static async Task<List<HttpStatusCode>> BulkAsync(CertaTestApp app, int requests)
    {
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < requests; i++)
        {
            using var response = await PostBulkAsync(app);
            codes.Add(response.StatusCode);
        }

        return codes;
    }

    private async Task<long> CountedAsync(string partition, long window)
    {
        long counted = 0;
        await Eventually.Async(async () =>
        {
            counted = await A.QueryAsync(db => db.RateLimitWindows.Where(w => w.Partition == partition && w.WindowStart == window).Select(w => w.Count).SingleAsync());
            return counted == ClusterFixture.BulkLimit;
        }, TimeSpan.FromSeconds(10));
        return counted;
    }

    private static async Task<IReadOnlyList<long>> SuspendedBitsAsync(CertaTestApp app)
    {
        using var response = await app.Client.GetAsync("/status/cqc/suspension");
        return response.IsSuccessStatusCode ? await IndependentStatusListDecoder.SetIndexesAsync(await response.Content.ReadAsStringAsync()) : [];
    }

    private async Task<IReadOnlyList<MonitorCheck>> MonitorAsync()
    {
        await using var scope = A.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LogMonitor>().CheckAsync(0, default);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Records which notifications it was asked to deliver; yields first, so two outboxes overlap.</summary>
    private sealed class CountingTransport(ConcurrentBag<Guid> sent) : IMailTransport
    {
        public async Task<MailState> DeliverAsync(MimeMessage message, Guid notificationId, CancellationToken ct)
        {
            await Task.Yield();
            sent.Add(notificationId);
            return MailState.Written;
        }
    }
}
