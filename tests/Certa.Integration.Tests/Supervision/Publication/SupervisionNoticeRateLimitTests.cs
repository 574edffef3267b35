using System.Net;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Supervision.Publication;

/// <summary>
/// The notices API, the open-data exports and the results page spend the public lookup budget of the caller's address,
/// as the other public endpoints do: past it, a 429 problem on the API and plain words on the page.
/// </summary>
public abstract class SupervisionNoticeRateLimitTests(DatabaseProvider provider)
{
    [Fact]
    public async Task PastTheLookupLimit_TheApiExportsAndPage_Answer429()
    {
        await using var app = await CertaTestApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["Certa:RateLimits:AnonymousPerMinute"] = "3",
        });
        foreach (var path in new[] { "/api/v1/supervision/notices", "/api/v1/open-data/supervision.csv", "/supervision/results" })
        {
            using var ok = await app.Client.GetAsync(path);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }

        using var limited = await app.Client.GetAsync("/api/v1/open-data/supervision.json");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await limited.ReadJsonAsync()).Str("code").ShouldBe("rate-limited");

        using var page = await app.Client.GetAsync("/supervision/results");
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await page.Content.ReadAsStringAsync()).ShouldContain("请求过多");
    }
}

[Collection("sqlite")]
public sealed class SqliteSupervisionNoticeRateLimitTests() : SupervisionNoticeRateLimitTests(DatabaseProvider.Sqlite);

[Collection("postgres")]
public sealed class PostgresSupervisionNoticeRateLimitTests() : SupervisionNoticeRateLimitTests(DatabaseProvider.Postgres);
