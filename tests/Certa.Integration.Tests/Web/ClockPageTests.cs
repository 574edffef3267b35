using System.Globalization;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Web;

/// <summary>The applicant follows the clock on the application page: steps, expected ends, actual times and the expected completion.</summary>
[Collection("sqlite")]
public sealed class ClockPageTests(SqliteSignedInDemoFixture fixture) : IClassFixture<SqliteSignedInDemoFixture>
{
    [Fact]
    public async Task AnAcceptedApplication_ShowsItsSteps_TheDoneOnesWithActualTimes_AndTheSameEstimateAsTheApi()
    {
        var applicant = fixture.As(Role.ApplicantUser).Client;
        var id = await ApplicationJourney.SubmittedAsync(applicant);
        using (var accepted = await fixture.As(Role.ApplicationHandler).Client.PostAsync($"/api/v1/applications/{id}/accept", null))
        {
            accepted.EnsureSuccessStatusCode();
        }

        var html = await applicant.GetStringAsync($"/applications/{id}");
        var api = await applicant.GetJsonAsync($"/api/v1/applications/{id}");

        html.ShouldContain("id=\"application-clock\"");
        var estimate = DateTimeOffset.Parse(api.GetProperty("timeline").Str("estimatedCompletion"), CultureInfo.InvariantCulture);
        html.ShouldContain($"id=\"clock-estimate\">{estimate.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}<");
        html.ShouldContain("class=\"clock-done\" data-step=\"application\"");
        html.ShouldContain("class=\"clock-current\" data-step=\"sample_shipping\"");
        html.ShouldContain("Type testing to GB standards in a designated laboratory");
        using var chinese = new HttpRequestMessage(HttpMethod.Get, $"/applications/{id}");
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var response = await applicant.SendAsync(chinese);
        (await response.Content.ReadAsStringAsync()).ShouldContain("预计完成");
    }
}
