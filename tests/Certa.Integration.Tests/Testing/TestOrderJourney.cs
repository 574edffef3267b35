using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Testing;

/// <summary>The steps test-order tests walk: accept, order, dispatch, receive, record results, upload the report.</summary>
internal static class TestOrderJourney
{
    /// <summary>Drafted, documented and submitted by the applicant, accepted by the handler.</summary>
    public static async Task<string> AcceptedAsync(HttpClient applicant, HttpClient handler, string productType = "ccc.0902")
    {
        var id = await ApplicationJourney.SubmittedAsync(applicant, productType);
        await OkAsync(handler, $"/api/v1/applications/{id}/accept");
        return id;
    }

    /// <summary>POSTs and asserts the status, showing the body when it differs.</summary>
    public static async Task<JsonElement> OkAsync(HttpClient client, string url, object? body = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.SendAsync(HttpMethod.Post, url, body ?? ApiCalls.EmptyObject());
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>Two X14 and one X14 Pro from the lab (CTTL unless named).</summary>
    public static Task<JsonElement> OrderAsync(HttpClient handler, string applicationId, string lab = "lab-cttl") =>
        OkAsync(handler, $"/api/v1/applications/{applicationId}/test-orders",
            new { lab, samples = new[] { new { model = "X14", quantity = 2 }, new { model = "X14 Pro", quantity = 1 } } }, HttpStatusCode.Created);

    public static object Parcel(string tracking = "SF1234567890") => new { carrier = "SF Express", trackingNumber = tracking };

    public static Task<JsonElement> DispatchAsync(HttpClient applicant, string orderId) =>
        OkAsync(applicant, $"/api/v1/test-orders/{orderId}/dispatch", Parcel());

    /// <summary>Dispatched by the applicant and received by the lab.</summary>
    public static async Task<JsonElement> ReceivedAsync(HttpClient applicant, HttpClient lab, string orderId)
    {
        await DispatchAsync(applicant, orderId);
        return await OkAsync(lab, $"/api/v1/test-orders/{orderId}/receive");
    }

    public static string[] Standards(JsonElement order) => [.. order.GetProperty("standards").EnumerateArray().Select(s => s.GetString()!)];

    public static object Results(JsonElement order, string? failing = null, object? report = null) => new
    {
        results = Standards(order).Select(s => new { standard = s, passed = s != failing, clauseNotes = s == failing ? "§5.1 radiated emission 3 dB over the limit" : null }),
        report,
    };

    public static async Task<HttpResponseMessage> UploadReportAsync(HttpClient lab, string orderId, byte[] content, string fileName = "CTTL-report.pdf")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return await lab.PutAsync($"/api/v1/test-orders/{orderId}/report?fileName={fileName}", body);
    }
}
