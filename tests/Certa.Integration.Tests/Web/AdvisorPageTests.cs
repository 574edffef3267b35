using System.Net;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Web;

/// <summary>The advisor page without a browser: the form, the answer, the errors.</summary>
public abstract class AdvisorPageTests(AppFixture fixture)
{
    private const string Laptop = "/advisor?product=laptop&market=CN&evaluate=1&date=2026-11-27&f.power=mains_and_battery&f.rated_voltage_ac=240"
        + "&f.external_power_adapter=true&f.lithium_battery=true&f.radio=wifi_2g4&f.radio=bluetooth&f.eep=true&f.vehicle=none";

    [Fact]
    public async Task Form_ForAProduct_IsPrefilledWithItsDefaults()
    {
        var html = await fixture.App.Client.GetStringAsync("/advisor?product=laptop");

        html.ShouldContain("<option value=\"laptop\" selected=\"selected\">");
        html.ShouldContain("name=\"f.radio\" value=\"bluetooth\" checked=\"checked\"");
        html.ShouldNotContain("id=\"answer\"");
    }

    [Theory]
    [InlineData("笔记本")]
    [InlineData("laptop")]
    public async Task FindByKeywords_SelectsTheProductAndItsDefaults(string words)
    {
        var html = await fixture.App.Client.GetStringAsync("/advisor?find=" + Uri.EscapeDataString(words));

        html.ShouldContain("<option value=\"laptop\" selected=\"selected\">");
        html.ShouldContain("name=\"f.radio\" value=\"wifi_2g4\" checked=\"checked\"");
    }

    [Fact]
    public async Task FindWithNoMatch_SaysSo()
    {
        var html = await fixture.App.Client.GetStringAsync("/advisor?find=zzqqxx");

        html.ShouldContain("id=\"profile-errors\"");
        html.ShouldContain("zzqqxx");
    }

    [Fact]
    public async Task Evaluation_ShowsNeededAndRuledOutWithReasons()
    {
        var html = await fixture.App.Client.GetStringAsync(Laptop);

        html.ShouldContain("id=\"req-cn-ccc\"");
        html.ShouldContain("id=\"req-cn-srrc\"");
        html.ShouldContain("id=\"out-cn-nal\"");
        html.ShouldContain("GB 4943.1-2022");
    }

    [Fact]
    public async Task ChangingOneFeature_ChangesTheAnswer()
    {
        var withCellular = Laptop.Replace("&f.radio=bluetooth", "&f.radio=bluetooth&f.radio=cellular&f.public_telecom=true", StringComparison.Ordinal);

        var html = await fixture.App.Client.GetStringAsync(withCellular);

        html.ShouldContain("id=\"req-cn-nal\"");
        html.ShouldNotContain("id=\"out-cn-nal\"");
    }

    [Fact]
    public async Task Contradiction_IsExplainedWith400()
    {
        var battery = Laptop.Replace("f.power=mains_and_battery", "f.power=battery", StringComparison.Ordinal);

        using var response = await fixture.App.Client.GetAsync(battery);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"profile-errors\"");
        html.ShouldContain("features.rated_voltage_ac");
    }
}

[Collection("sqlite")]
public sealed class SqliteAdvisorPageTests(SqliteAppFixture fixture) : AdvisorPageTests(fixture), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresAdvisorPageTests(PostgresAppFixture fixture) : AdvisorPageTests(fixture), IClassFixture<PostgresAppFixture>;
