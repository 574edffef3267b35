using System.Diagnostics;
using Certa.Domain.Verification;
using Certa.Infrastructure;
using Certa.Infrastructure.Certificates.Search;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Statistics;
using Certa.Infrastructure.Supervision.FollowUps;
using Certa.Infrastructure.Supervision.Watches;
using Certa.Infrastructure.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Bench;

/// <summary>
/// <c>scale PROVIDER DATA-DIR [CONNECTION] [LOOKUPS]</c>: the read paths of a registry made by <c>certa dev generate</c>, on that
/// database. Verification by number and as of a past day through <see cref="CertificateVerifier"/> in a fresh scope each (no
/// answer cache: the uncached path), a holder's certificates, every certificate statistics dataset, and the follow-up worklist
/// of every body with the process's peak working set (it must stay bounded).
/// </summary>
internal static class ScaleLoad
{
    public static async Task RunAsync(DatabaseProvider provider, string dataDirectory, string? connection, int lookups)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Certa:ReferenceData"] = Path.Combine(Certa.Testing.CertaTestApp.RepositoryRoot, "data"),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddCertaDatabase(new DatabaseOptions { Provider = provider, DataDirectory = dataDirectory, ConnectionString = connection });
        services.AddCertaCommands();
        Certa.Infrastructure.Supervision.FollowUps.FollowUpServices.AddCertaFollowUps(services);
        services.AddScoped<StatisticsQueries>().AddScoped<FollowUpStatistics>();
        await using var root = services.BuildServiceProvider();

        List<(string Number, string Holder)> sample;
        var searches = new List<(string Model, string HolderName)>();
        await using (var scope = root.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var count = await db.Certificates.LongCountAsync();
            Console.WriteLine($"{provider}: {count:N0} certificates in {dataDirectory}{(connection is null ? string.Empty : " (" + connection + ")")}");
            var random = new Random(42);
            // Random numbers without a scan per pick: every certificate has a status-list place 0..n-1 in its body.
            var bodies = await db.Certificates.GroupBy(c => c.BodyId).Select(g => new { Body = g.Key, Count = g.Count() }).ToListAsync();
            sample = [];
            while (sample.Count < lookups)
            {
                var body = bodies[random.Next(bodies.Count)];
                var index = random.Next(body.Count);
                var hit = await db.Certificates.AsNoTracking().Where(c => c.BodyId == body.Body && c.StatusListIndex == index)
                    .Select(c => new { c.Number, c.HolderId, c.Product, c.HolderName }).FirstOrDefaultAsync();
                if (hit is not null)
                {
                    sample.Add((hit.Number, hit.HolderId));
                    // What a customs officer types: the main model without its last character, and the holder's Chinese name
                    // without its city (the first two characters), so that it is found inside the name.
                    searches.Add((hit.Product.MainModel[..^1], (hit.HolderName.Zh ?? hit.HolderName.En)[2..]));
                }
            }
        }

        var pastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2);
        await TimeEachAsync("verify by number (uncached path)", root, sample, (s, item) => s.GetRequiredService<CertificateVerifier>().VerifyAsync(new VerificationRequest(item.Number), default));
        await TimeEachAsync($"verify as of {pastDay:yyyy-MM-dd}", root, sample, (s, item) => s.GetRequiredService<CertificateVerifier>().VerifyAsync(new VerificationRequest(item.Number, pastDay), default));
        await TimeEachAsync("holder's certificates (first 50 by number)", root, sample.Take(Math.Min(2_000, lookups)).ToList(), (s, item) =>
            s.GetRequiredService<CertaDbContext>().Certificates.AsNoTracking().Where(c => c.HolderId == item.Holder).OrderBy(c => c.Number).Take(50).ToListAsync());

        var searchSample = searches.Take(Math.Min(2_000, lookups)).ToList();
        await TimeEachAsync("search by model (its beginning), first page", root, searchSample.Select(s => (s.Model, s.HolderName)).ToList(), (s, item) =>
            s.GetRequiredService<CertificateSearch>().SearchAsync(new CertificateSearchQuery(null, item.Number), default));
        await TimeEachAsync("search by holder (part of the Chinese name), first page", root, searchSample.Select(s => (s.Model, s.HolderName)).ToList(), (s, item) =>
            s.GetRequiredService<CertificateSearch>().SearchAsync(new CertificateSearchQuery(item.Holder, null), default));

        await TimeOnceAsync(root, "statistics: certificates by scheme", s => s.GetRequiredService<StatisticsQueries>().CertificatesBySchemeAsync(null, default));
        await TimeOnceAsync(root, "statistics: certificates by body", s => s.GetRequiredService<StatisticsQueries>().CertificatesByBodyAsync(null, default));
        await TimeOnceAsync(root, "statistics: certificates by state", s => s.GetRequiredService<StatisticsQueries>().CertificatesByStateAsync(null, default));
        await TimeOnceAsync(root, "statistics: issued per month (24)", s => s.GetRequiredService<StatisticsQueries>().CertificatesIssuedPerMonthAsync(null, 24, default));
        await TimeOnceAsync(root, "statistics: follow-ups by body (from the watches)", s => s.GetRequiredService<FollowUpStatistics>().FollowUpsByBodyAsync(null, default));
        var biggest = await QueryAsync(root, db => db.CertificateWatches.GroupBy(w => w.BodyId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        await TimeOnceAsync(root, $"follow-up worklist of {biggest}, first page (100)", s =>
            s.GetRequiredService<FollowUpQueries>().PageAsync(biggest, DateTimeOffset.UtcNow, null, FollowUpQueries.DefaultLimit, default));
        await TimeOnceAsync(root, $"follow-up worklist of {biggest}, every page (1000 a page)", async s =>
        {
            var (pages, listed) = (0, 0);
            FollowUpCursor? after = null;
            do
            {
                var page = await s.GetRequiredService<FollowUpQueries>().PageAsync(biggest, DateTimeOffset.UtcNow, after, FollowUpQueries.MaxLimit, default);
                (pages, listed, after) = (pages + 1, listed + page.Worklist.Due.Count + page.Worklist.Overdue.Count, page.Next);
            }
            while (after is not null);
            Console.WriteLine($"    {pages:N0} pages, {listed:N0} follow-ups listed");
            return pages;
        });
        await TimeOnceAsync(root, "supervision round (the certificates whose watch has come due)", async s =>
        {
            var result = await s.GetRequiredService<SupervisionRound>().RunAsync(DateTimeOffset.UtcNow, default);
            Console.WriteLine($"    {result}");
            return result;
        });
        await TimeOnceAsync(root, "supervision watches made again from every live certificate (rules changed)", async s =>
        {
            await QueryAsync(root, db => db.CertificateWatchRules.ExecuteDeleteAsync());
            return await s.GetRequiredService<CertificateWatchRebuild>().EnsureCurrentAsync(default);
        }, times: 1);
    }

    private static async Task TimeEachAsync<T>(string name, IServiceProvider root, IReadOnlyList<(string Number, string Holder)> items, Func<IServiceProvider, (string Number, string Holder), Task<T>> work)
    {
        var times = new List<double>(items.Count);
        foreach (var item in items)
        {
            await using var scope = root.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            await work(scope.ServiceProvider, item);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"  {name}: {items.Count:N0} calls, p50 {times[times.Count / 2]:F2} ms, p99 {times[(int)(times.Count * 0.99)]:F2} ms, max {times[^1]:F1} ms");
    }

    private static async Task<T> QueryAsync<T>(IServiceProvider root, Func<CertaDbContext, Task<T>> query)
    {
        await using var scope = root.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CertaDbContext>());
    }

    private static async Task TimeOnceAsync<T>(IServiceProvider root, string name, Func<IServiceProvider, Task<T>> work, int times = 3)
    {
        var process = Process.GetCurrentProcess();
        var elapsed = new List<double>();
        for (var i = 0; i < times; i++)
        {
            await using var scope = root.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            await work(scope.ServiceProvider);
            elapsed.Add(clock.Elapsed.TotalMilliseconds);
        }

        process.Refresh();
        Console.WriteLine($"  {name}: {string.Join(" / ", elapsed.Select(t => $"{t:F0}"))} ms ({times} runs), peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB");
    }
}
