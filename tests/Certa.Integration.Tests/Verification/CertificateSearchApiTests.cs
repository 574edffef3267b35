using System.Net;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Verification;

/// <summary>
/// <c>GET /api/v1/public/certificates?holder=&amp;model=</c> and <c>/verify/search</c> on each database: a model found whole, by
/// its beginning and without regard to case or spaces, including models added after issue; a holder found by part of its
/// name in either language; both together; pages that follow on; and 400 problems for searches that cannot work.
/// </summary>
public abstract class CertificateSearchApiTests(SignedInDemoFixture fixture)
{
    private HttpClient Anyone => fixture.App.Client;

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)].ToUpperInvariant();

    private async Task<JsonElement> SearchAsync(string query)
    {
        using var response = await Anyone.GetAsync($"/api/v1/public/certificates?{query}");
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static List<string> Numbers(JsonElement page) =>
        [.. page.GetProperty("certificates").EnumerateArray().Select(c => c.Str("number"))];

    [Fact]
    public async Task AModel_IsFoundWhole_ByItsBeginning_AndWithoutCaseOrSpaces_WithWhatACustomsOfficerCompares()
    {
        var model = Unique("SRCH-");
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services, model: model);
        await CertificateSeed.IssueAsync(fixture.App.Services, model: Unique("OTHR-"));

        var whole = await SearchAsync($"model={Uri.EscapeDataString(model)}");
        Numbers(whole).ShouldBe([certificate.Number]);
        var hit = whole.GetProperty("certificates")[0];
        hit.GetProperty("models").EnumerateArray().Select(m => m.GetString()).ShouldBe([model, $"{model} Pro"]);
        hit.Str("state").ShouldBe("active");
        hit.Str("bodyId").ShouldBe("cqc");
        hit.Str("productTypeId").ShouldBe("ccc.0902");
        hit.GetProperty("holderName").Str("zh").ShouldBe("演示笔记本电脑制造有限公司");
        hit.Str("verify").ShouldBe($"/api/v1/public/certificates/{certificate.Number}");
        whole.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);

        var typed = model.ToLowerInvariant().Insert(3, " ");
        Numbers(await SearchAsync($"model={Uri.EscapeDataString(typed)}")).ShouldBe([certificate.Number]);
        Numbers(await SearchAsync($"model={Uri.EscapeDataString(model[..8])}")).ShouldContain(certificate.Number);
        Numbers(await SearchAsync($"model={Uri.EscapeDataString(model + "PRO")}")).ShouldBe([certificate.Number], "the series model, spaces ignored");
        Numbers(await SearchAsync($"model={Uri.EscapeDataString(model + "X")}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task AModelAddedAfterIssue_IsFound_AsSoonAsTheExtensionIsSaved()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services, model: Unique("EXT-"));
        var added = Unique("ADDED-");
        Numbers(await SearchAsync($"model={added}")).ShouldBeEmpty();

        using (var extended = await fixture.As(Role.DecisionMaker).Client.SendAsync(HttpMethod.Post, $"/api/v1/certificates/{certificate.Id}/models",
            new { models = new[] { new { model = added, differences = "Another colour" } }, reason = "Colour variant" }))
        {
            extended.StatusCode.ShouldBe(HttpStatusCode.OK, await extended.Content.ReadAsStringAsync());
        }

        Numbers(await SearchAsync($"model={added}")).ShouldBe([certificate.Number]);
        Numbers(await SearchAsync($"model={certificate.Product.MainModel}")).ShouldBe([certificate.Number], "the models it had stay found");
    }

    [Fact]
    public async Task AHolder_IsFoundByPartOfItsName_InEitherLanguage_AndPagesFollowOn()
    {
        var holderId = $"search-holder-{Guid.NewGuid():N}"[..30];
        var tag = Unique("Q");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().CreateAsync(CommandContext.CommandLine(),
                new NewOrganisation(holderId, OrganisationKind.Applicant, new LocalizedText($"Hangzhou {tag} Lighting Co., Ltd.", $"杭州{tag}照明有限公司"), null, "CN"),
                CancellationToken.None);
        }

        var issued = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            issued.Add((await CertificateSeed.IssueAsync(fixture.App.Services, holderId, model: Unique("LAMP-"))).Number);
        }

        issued.Sort(StringComparer.Ordinal);
        var first = await SearchAsync($"holder={Uri.EscapeDataString(tag.ToLowerInvariant() + " lighting")}&limit=2");
        Numbers(first).ShouldBe(issued[..2]);
        first.GetProperty("holders").EnumerateArray().Select(h => h.Str("id")).ShouldBe([holderId]);
        var next = first.Str("next");
        next.ShouldBe(issued[1]);
        var second = await SearchAsync($"holder={Uri.EscapeDataString(tag)}&limit=2&after={next}");
        Numbers(second).ShouldBe([issued[2]]);
        second.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);

        Numbers(await SearchAsync($"holder={Uri.EscapeDataString($"{tag}照明")}")).ShouldBe(issued);
        var model = (await SearchAsync($"holder={tag}")).GetProperty("certificates")[1].GetProperty("models")[0].GetString()!;
        Numbers(await SearchAsync($"holder={tag}&model={model}")).ShouldBe([issued[1]], "holder and model together");
        Numbers(await SearchAsync($"holder={Uri.EscapeDataString("Demo Laptop Maker")}&model={model}")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "search-empty")]
    [InlineData("holder=%20&model=", "search-empty")]
    [InlineData("holder=a", "holder-invalid")]
    [InlineData("model=a%20b", "model-invalid")]
    [InlineData("model=X14&limit=0", "limit-invalid")]
    [InlineData("model=X14&limit=101", "limit-invalid")]
    [InlineData("model=X14&limit=ten", "limit-invalid")]
    public async Task ASearchThatCannotWork_IsA400Problem(string query, string code)
    {
        using var response = await Anyone.GetAsync($"/api/v1/public/certificates?{query}");
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task ThePage_ListsWhatTheApiFinds_LinksEachToItsVerification_AndExplainsABadSearch()
    {
        var model = Unique("PAGE-");
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services, model: model);
        using var page = await Anyone.GetAsync($"/verify/search?model={model}");
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"href=\"/verify/{certificate.Number}\"");
        html.ShouldContain($"{model} Pro");

        using var bad = await Anyone.GetAsync("/verify/search?model=ab");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("id=\"search-problem\"");
    }
}

[Collection("sqlite")]
public sealed class SqliteCertificateSearchApiTests(SqliteSignedInDemoFixture fixture)
    : CertificateSearchApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresCertificateSearchApiTests(PostgresSignedInDemoFixture fixture)
    : CertificateSearchApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
