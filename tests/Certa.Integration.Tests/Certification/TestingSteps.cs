using System.Globalization;
using System.Net;
using System.Text.Json;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Certification;

/// <summary>A test order walked to a pass: the applicant dispatches the samples, the lab receives them and passes every standard.</summary>
internal static class TestingSteps
{
    public static async Task PassAsync(HttpClient applicant, HttpClient engineer, JsonElement order)
    {
        var id = order.Str("id");
        await PostOkAsync(applicant, $"/api/v1/test-orders/{id}/dispatch",
            new { carrier = "SF Express", trackingNumber = "SF1234567890", sentOn = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await PostOkAsync(engineer, $"/api/v1/test-orders/{id}/receive", new { });
        var standards = order.GetProperty("standards").EnumerateArray().Select(s => s.GetString()!);
        await PostOkAsync(engineer, $"/api/v1/test-orders/{id}/results", new { results = standards.Select(s => new { standard = s, passed = true }) });
    }

    private static async Task PostOkAsync(HttpClient client, string url, object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
