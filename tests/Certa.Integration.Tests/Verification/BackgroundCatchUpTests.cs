using System.Diagnostics;
using System.Globalization;
using System.Net;
using Certa.Domain.Certificates;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Verification;

/// <summary>
/// The background rounds on each database, left on as in production: a suspension made through the API reaches the body's
/// suspension status list and the transparency log by itself, within the minute verifiers are promised (ADR 014), with nobody
/// calling the publisher or the sequencer.
/// </summary>
public abstract class BackgroundCatchUpTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>Status lists are within a minute of the certificates; the log's merge delay is shorter.</summary>
    private static readonly TimeSpan Promised = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    private CertaTestApp app = null!;

    public async Task InitializeAsync() =>
        app = await CertaTestApp.StartAsync(provider, demo: true, settings: new Dictionary<string, string?> { ["Certa:Verification:BackgroundRounds"] = "true" });

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ASuspension_ReachesTheStatusListAndTheLog_WithinAMinute_ByItself()
    {
        var certificate = await CertificateSeed.IssueAsync(app.Services);
        // First the rounds catch up with the issue: it is logged, and the body's suspension list is published without its bit.
        var issued = await WithinAsync(Stopwatch.StartNew(), Promised, async () =>
            await EventsAsync(certificate) is { } events && events.Contains("certificate.issued") && await SuspendedIndexesAsync() is not null
                ? await TreeSizeAsync()
                : null);
        long index = certificate.StatusListIndex;
        (await SuspendedIndexesAsync())!.ShouldNotContain(index, "the bit is set by the suspension, not before");

        using var decider = await app.SignInAsync("decider@cqc.example");
        var clock = Stopwatch.StartNew();
        using (var suspend = await decider.SendAsync(HttpMethod.Post, $"/api/v1/certificates/{certificate.Id}/suspend",
            new { reason = "Audit finding", deadline = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))
        {
            suspend.StatusCode.ShouldBe(HttpStatusCode.OK, await suspend.Content.ReadAsStringAsync());
        }

        var listed = await WithinAsync(clock, Promised, async () =>
            await SuspendedIndexesAsync() is { } set && set.Contains(index) ? clock.Elapsed : (TimeSpan?)null);
        var logged = await WithinAsync(clock, Promised, async () =>
            await TreeSizeAsync() > issued && await EventsAsync(certificate) is { } events && events.Contains("certificate.suspended") ? clock.Elapsed : (TimeSpan?)null);

        listed.ShouldBeLessThan(Promised);
        logged.ShouldBeLessThan(Promised);
        var suspended = (await app.Client.GetJsonAsync($"/api/v1/public/certificates/{certificate.Number}/log")).EnumerateArray()
            .Single(e => e.Str("event") == "certificate.suspended");
        suspended.GetProperty("verified").GetBoolean().ShouldBeTrue(suspended.ToString());
        suspended.GetProperty("index").GetInt64().ShouldBeGreaterThanOrEqualTo(issued, "the suspension is a new leaf");
    }

    /// <summary>Asks <paramref name="probe"/> until it answers, until <paramref name="limit"/> has passed on <paramref name="since"/>.</summary>
    private static async Task<T> WithinAsync<T>(Stopwatch since, TimeSpan limit, Func<Task<T?>> probe)
        where T : struct
    {
        while (true)
        {
            if (await probe() is { } answer)
            {
                return answer;
            }

            if (since.Elapsed > limit)
            {
                throw new ShouldAssertException($"The background rounds did not catch up within {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>The suspension list's set bits, or null while the body has no published list.</summary>
    private async Task<IReadOnlyList<long>?> SuspendedIndexesAsync()
    {
        using var response = await app.Client.GetAsync("/status/cqc/suspension");
        return response.StatusCode == HttpStatusCode.NotFound ? null
            : await IndependentStatusListDecoder.SetIndexesAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The signed tree head's size, or null while the log is empty.</summary>
    private async Task<long?> TreeSizeAsync()
    {
        using var response = await app.Client.GetAsync("/log/v2/get-sth");
        return response.StatusCode == HttpStatusCode.NotFound ? null : (await response.ReadJsonAsync()).GetProperty("tree_size").GetInt64();
    }

    private async Task<IReadOnlyList<string>?> EventsAsync(Certificate certificate)
    {
        using var response = await app.Client.GetAsync($"/api/v1/public/certificates/{certificate.Number}/log");
        return response.IsSuccessStatusCode ? [.. (await response.ReadJsonAsync()).EnumerateArray().Select(e => e.Str("event"))] : null;
    }
}

[Collection("sqlite")]
public sealed class SqliteBackgroundCatchUpTests() : BackgroundCatchUpTests(DatabaseProvider.Sqlite);

[Collection("postgres")]
public sealed class PostgresBackgroundCatchUpTests() : BackgroundCatchUpTests(DatabaseProvider.Postgres);
