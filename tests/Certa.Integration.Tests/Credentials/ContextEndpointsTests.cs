using System.Net;
using Certa.Infrastructure.Credentials;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Credentials;

public class ContextEndpointsTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Theory]
    [InlineData("/contexts/credentials/v2", "https://www.w3.org/ns/credentials/v2")]
    [InlineData("/contexts/dcc/v1", "https://certa.dev/contexts/dcc/v1")]
    [InlineData("/contexts/did/v1", "https://www.w3.org/ns/did/v1")]
    [InlineData("/contexts/multikey/v1", "https://w3id.org/security/multikey/v1")]
    public async Task Served_Anonymously_AsJsonLd_CachedLong(string path, string url)
    {
        using var client = new HttpClient { BaseAddress = fixture.App.Address };

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/ld+json");
        response.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(CredentialContexts.Get(url).ToArray());
    }
}
