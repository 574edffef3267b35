using System.Net;
using System.Text;
using System.Text.Json;
using Certa.Domain.Certificates;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Gmark;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Verification;

/// <summary>
/// <c>POST /api/v1/public/verify:bulk</c> on each database: one result per input line, in order, with its line number; lines
/// that cannot be read reported in place; CSV and NDJSON both ways; the day asked applied to every line.
/// </summary>
public abstract class BulkVerifyApiTests(DemoAppFixture fixture)
{
    private const string Url = "/api/v1/public/verify:bulk";

    private HttpClient Anyone => fixture.App.Client;

    private Task<Certificate> IssueAsync() => CertificateSeed.IssueAsync(fixture.App.Services);

    private async Task<Certificate> SuspendedAsync()
    {
        var certificate = await IssueAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertificateCommands>().SuspendAsync(CommandContext.CommandLine(), certificate.Id,
            "Follow-up audit failed", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), default);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string contentType, string? accept = null, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url + query) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        var response = await Anyone.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task<List<JsonElement>> NdjsonAsync(string body, string contentType, string query = "")
    {
        using var response = await PostAsync(body, contentType, query: query);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
    }

    private static string Code(JsonElement result) =>
        result.TryGetProperty("error", out var error) ? error.Str("code") : result.Str("code");

    [Fact]
    public async Task CsvIn_NdjsonOut_AnswersEveryLineInPlace_InOrder()
    {
        var valid = await IssueAsync();
        var suspended = await SuspendedAsync();
        var csv = string.Join("\r\n",
            "number,model,holder",
            valid.Number,
            "CCC-NO-SUCH-NUMBER",
            "",
            suspended.Number,
            $"{valid.Number},X99",
            ",X14,",
            "a,b,c,d",
            $"{valid.Number},\"X14 Pro\",\"Demo Laptop Maker, Ltd.\"",
            new string('9', 65));

        var results = await NdjsonAsync(csv, "text/csv");

        results.Select(r => r.Int("line")).ShouldBe([2, 3, 5, 6, 7, 8, 9, 10]);
        results.Select(Code).ShouldBe(["valid", "unknown-number", "suspended", "model-not-covered", "line-invalid", "line-invalid", "valid", "line-invalid"]);
        results[0].GetProperty("valid").GetBoolean().ShouldBeTrue();
        results[0].Str("state").ShouldBe("active");
        results[0].Str("validUntil").ShouldBe(valid.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        results[0].GetProperty("findings").GetArrayLength().ShouldBe(0);
        results[1].GetProperty("valid").GetBoolean().ShouldBeFalse();
        results[1].TryGetProperty("suggestions", out _).ShouldBeFalse();
        results[2].Str("state").ShouldBe("suspended");
        results[2].GetProperty("findings")[0].Str("message").ShouldContain("Follow-up audit failed");
        results[3].GetProperty("model").GetProperty("covered").GetBoolean().ShouldBeFalse();
        results[4].GetProperty("error").Str("message").ShouldContain("certificate number");
        results[5].GetProperty("error").Str("message").ShouldContain("4 fields");
        results[6].GetProperty("model").GetProperty("covered").GetBoolean().ShouldBeTrue();
        results[6].GetProperty("holder").Str("matchedAs").ShouldBe("holder");
        results[7].GetProperty("error").Str("message").ShouldContain("64");
    }

    /// <summary>Today's bulk verdict is read from the index and the reason alone, not the history: it must say what one lookup says.</summary>
    [Fact]
    public async Task TodaysVerdict_InEveryState_IsTheOneLookupsVerdict()
    {
        var active = await IssueAsync();
        var suspended = await SuspendedAsync();
        var withdrawn = await CertificateHistorySeed.WithdrawAsync(fixture.App.Services, await IssueAsync(), "Mark misused on a product not certified");
        var cancelled = await CertificateHistorySeed.CancelAsync(fixture.App.Services, await IssueAsync(), "Holder stopped making the model");
        var renewed = await IssueAsync();
        await CertificateHistorySeed.RenewAsync(fixture.App.Services, renewed);
        var numbers = new[] { active, suspended, withdrawn, cancelled, renewed }.Select(c => c.Number).ToList();

        var bulk = await NdjsonAsync(string.Join("\n", numbers), "text/csv");

        bulk.Count.ShouldBe(numbers.Count);
        foreach (var (number, result) in numbers.Zip(bulk))
        {
            using var response = await Anyone.GetAsync($"/api/v1/public/certificates/{number}");
            var one = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            // The bulk line has no since, reason or deadline fields of its own: the findings' messages say them.
            foreach (var field in new[] { "valid", "code", "state" })
            {
                (result.TryGetProperty(field, out var b) ? b.ToString() : null).ShouldBe(one.TryGetProperty(field, out var o) ? o.ToString() : null, $"{number} {field}");
            }

            result.GetProperty("findings").EnumerateArray().Select(f => f.Str("message"))
                .ShouldBe(one.GetProperty("findings").EnumerateArray().Select(f => f.Str("message")), $"{number} findings");
        }

        bulk.Select(Code).ShouldBe(["valid", "suspended", "withdrawn", "cancelled", "superseded"]);
    }

    [Fact]
    public async Task NdjsonIn_CsvOut_ReportsBrokenJsonInPlace()
    {
        var valid = await IssueAsync();
        var ndjson = string.Join("\n",
            $"{{\"number\":\"{valid.Number}\"}}",
            "{\"number\": \"broken",
            "{\"number\":\"CCC-NO-SUCH-NUMBER\",\"model\":\"X14\"}",
            "",
            $"{{\"number\":\"{valid.Number}\",\"holder\":\"Someone Else Trading\"}}",
            "{\"model\":\"X14\"}") + "\n";

        using var response = await PostAsync(ndjson, "application/x-ndjson", accept: "text/csv");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = CsvRecords.Read(text, 100_000);
        rows[0].Fields.ShouldBe(["line", "number", "valid", "code", "state", "valid_until", "message"]);
        rows.Skip(1).Select(r => r.Fields[0]).ShouldBe(["1", "2", "3", "5", "6"]);
        rows.Skip(1).Select(r => r.Fields[3]).ShouldBe(["valid", "line-invalid", "unknown-number", "party-mismatch", "line-invalid"]);
        rows[1].Fields[1].ShouldBe(valid.Number);
        rows[1].Fields[2].ShouldBe("true");
        rows[1].Fields[4].ShouldBe("active");
        rows[2].Fields[6].ShouldContain("not valid JSON");
        rows[4].Fields[6].ShouldContain("Someone Else Trading");
    }

    [Fact]
    public async Task ADayBeforeIssue_IsNotYetIssued_AndAFutureDayIsA400()
    {
        var certificate = await IssueAsync();

        var results = await NdjsonAsync(certificate.Number, "text/csv", "?at=2020-01-01");

        Code(results.ShouldHaveSingleItem()).ShouldBe("not-yet-issued");
        using var future = await PostAsync(certificate.Number, "text/csv", query: "?at=2999-01-01");
        await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "at-in-future");
    }

    [Fact]
    public async Task ABodyNeitherCsvNorNdjson_Is415_AndAnEmptyBody400()
    {
        using var json = await PostAsync("[\"123\"]", "application/json");
        await json.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        using var empty = await PostAsync(string.Empty, "text/csv");
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body-empty");
    }

    [Fact]
    public async Task TenThousandLines_GiveTenThousandResults_InOrder()
    {
        var certificate = await IssueAsync();
        var numbers = Enumerable.Range(1, 10_000).Select(i => i % 3 == 0 ? $"UNKNOWN-{i}" : certificate.Number).ToList();

        var results = await NdjsonAsync(string.Join('\n', numbers), "text/csv");

        results.Count.ShouldBe(10_000);
        results.Select(r => r.Int("line")).ShouldBe(Enumerable.Range(1, 10_000));
        results.Select(r => r.Str("number")).ShouldBe(numbers);
        results.Count(r => r.Str("code") == "valid").ShouldBe(numbers.Count(n => n == certificate.Number));
    }
}

[Collection("sqlite")]
public sealed class SqliteBulkVerifyApiTests(SqliteDemoAppFixture fixture) : BulkVerifyApiTests(fixture), IClassFixture<SqliteDemoAppFixture>;

[Collection("postgres")]
public sealed class PostgresBulkVerifyApiTests(PostgresDemoAppFixture fixture) : BulkVerifyApiTests(fixture), IClassFixture<PostgresDemoAppFixture>;
