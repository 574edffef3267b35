using System.Net;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Verification;

/// <summary>
/// The public lookups are limited per address: past the limit a caller gets a 429 problem with Retry-After, and another
/// kind of public request (the bulk endpoint's own budget) is counted apart.
/// </summary>
[Collection("sqlite")]
public sealed class PublicRateLimitTests
{
    [Fact]
    public async Task PastTheLimit_ALookupIsA429Problem_WithRetryAfter()
    {
        await using var app = await CertaTestApp.StartAsync(DatabaseProvider.Sqlite, demo: true, settings: new Dictionary<string, string?>
        {
            ["Certa:RateLimits:AnonymousPerMinute"] = "3",
        });
        var certificate = await CertificateSeed.IssueAsync(app.Services);
        for (var i = 0; i < 3; i++)
        {
            using var ok = await app.Client.GetAsync($"/api/v1/public/certificates/{certificate.Number}");
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await app.Client.GetAsync($"/api/v1/public/certificates/{certificate.Number}");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await limited.ReadJsonAsync();
        problem.Str("code").ShouldBe("rate-limited");
        problem.Str("detail").ShouldContain("API key");

        using var page = await app.Client.GetAsync($"/verify/{certificate.Number}");
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await page.Content.ReadAsStringAsync()).ShouldContain("请求过多");

        using var registry = await app.Client.GetAsync("/api/v1/registry/schemes");
        registry.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }
}
