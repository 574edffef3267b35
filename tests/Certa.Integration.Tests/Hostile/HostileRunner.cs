using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Certa.Testing;

namespace Certa.Integration.Tests.Hostile;

/// <summary>What a run of the corpus found: the figures for the README and every broken rule with its request.</summary>
public sealed class HostileReport
{
    public int Operations { get; init; }

    public int Requests { get; set; }

    public SortedDictionary<int, int> ByStatus { get; } = [];

    public List<string> Failures { get; } = [];

    /// <summary>Writes the corpus got through (2xx): hostile text accepted as data, which must be harmless where it is shown.</summary>
    public List<string> Accepted { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public string Summary() =>
        $"{Operations} operations, {Requests} requests in {Elapsed.TotalSeconds:F1} s; answers: "
        + string.Join(", ", ByStatus.Select(s => $"{s.Key}×{s.Value}")) + $"; {Accepted.Count} writes accepted; {Failures.Count} failures";
}

/// <summary>
/// Sends the corpus one request at a time and checks each answer: never 5xx; a 4xx is an RFC 9457 problem
/// (<c>application/problem+json</c> with <c>status</c> and <c>title</c>); and a refused write, or any read, leaves
/// <see cref="DatabaseSnapshot"/> as it was. Reads go first and are checked together; each write is checked on its own,
/// so that a change is pinned on the request that made it.
/// </summary>
public sealed class HostileRunner(CertaTestApp app)
{
    public async Task<HostileReport> RunAsync(IReadOnlyList<HostileRequest> requests, int operations)
    {
        var report = new HostileReport { Operations = operations };
        var clock = Stopwatch.StartNew();
        var before = await DatabaseSnapshot.TakeAsync(app);
        foreach (var request in requests.Where(r => !r.Operation.Writes))
        {
            await SendAsync(request, report);
        }

        var afterReads = await DatabaseSnapshot.TakeAsync(app);
        foreach (var change in afterReads.ChangesSince(before))
        {
            report.Failures.Add($"reads changed the database: {change}");
        }

        before = afterReads;
        foreach (var request in requests.Where(r => r.Operation.Writes))
        {
            var status = await SendAsync(request, report);
            var after = await DatabaseSnapshot.TakeAsync(app);
            var changes = after.ChangesSince(before);
            if (status >= 400 && changes.Count > 0)
            {
                report.Failures.Add($"{request} → {status} but changed the database: {string.Join("; ", changes)}");
            }
            else if (status < 300)
            {
                report.Accepted.Add($"{request} → {status}");
            }

            before = after;
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static async Task<int> SendAsync(HostileRequest request, HostileReport report)
    {
        using var message = request.ToMessage();
        HttpResponseMessage response;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            response = await request.Actor.Client.SendAsync(message, patience.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            report.Failures.Add($"{request} → no answer: {e.GetType().Name} {e.Message}");
            return 599;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            report.Requests++;
            report.ByStatus[status] = report.ByStatus.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                report.Failures.Add($"{request} → {status}: {Shorten(body)}");
            }
            else if (status >= 400 && !IsSiteNotFound(request, response, status) && ProblemFault(response, status, body) is { } fault)
            {
                report.Failures.Add($"{request} → {status} {fault}");
            }

            return status;
        }
    }

    /// <summary>Outside /api, a path that matches nothing (a bad value emptied a segment) gets the site's readable 404 page.</summary>
    private static bool IsSiteNotFound(HostileRequest request, HttpResponseMessage response, int status) =>
        status == 404 && !request.Url.StartsWith("/api/", StringComparison.Ordinal) && response.Content.Headers.ContentType?.MediaType == "text/html";

    /// <summary>Why the answer is not a problem document for <paramref name="status"/>, or null when it is one.</summary>
    private static string? ProblemFault(HttpResponseMessage response, int status, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"is {response.Content.Headers.ContentType?.ToString() ?? "without Content-Type"}, not a problem: {Shorten(body)}";
        }

        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            var hasStatus = problem.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt32() == status;
            var hasTitle = problem.TryGetProperty("title", out var t) && !string.IsNullOrWhiteSpace(t.GetString());
            return hasStatus && hasTitle ? null : $"problem without matching status and title: {Shorten(body)}";
        }
        catch (JsonException)
        {
            return $"problem that is not JSON: {Shorten(body)}";
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>A client that holds no cookies and follows no redirects: what the forged credentials are sent with.</summary>
    public static HttpClient Bare(Uri address) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };

}
