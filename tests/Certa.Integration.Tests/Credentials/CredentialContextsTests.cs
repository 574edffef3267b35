using System.Text.Json;
using Certa.Infrastructure.Credentials;
using Certa.Testing;

namespace Certa.Integration.Tests.Credentials;

public class CredentialContextsTests
{
    [Theory]
    [InlineData("https://www.w3.org/ns/credentials/v2")]
    [InlineData("https://www.w3.org/ns/did/v1")]
    [InlineData("https://w3id.org/security/multikey/v1")]
    [InlineData("https://certa.dev/contexts/dcc/v1")]
    public void TryGet_ShippedContext_IsJsonLdWithAProtectedContext(string url)
    {
        CredentialContexts.TryGet(url, out var document).ShouldBeTrue();

        using var json = JsonDocument.Parse(document);
        json.RootElement.GetProperty("@context").GetProperty("@protected").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void TryGet_UnknownUrl_IsFalse_AndGetSaysWhichUrl()
    {
        CredentialContexts.TryGet("https://example.com/context", out _).ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => CredentialContexts.Get("https://example.com/context")).Message.ShouldContain("https://example.com/context");
    }

    [Fact]
    public void CredentialsV2_IsByteForByteTheNpmPackagesFile()
    {
        var npm = Path.Combine(CertaTestApp.RepositoryRoot, "tools", "vc-interop", "node_modules", "@digitalbazaar", "credentials-context", "contexts", "v2.jsonld");

        CredentialContexts.Get(CredentialContexts.CredentialsV2).ToArray().ShouldBe(File.ReadAllBytes(npm));
    }
}
