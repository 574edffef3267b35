using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Certa.Domain.Access;
using Certa.Infrastructure.Audit;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Audit;

/// <summary>
/// The trail of a running Certa after the demo world and some API changes: an event altered behind
/// the database's back is named by the verifier and by the API, and the trail reads back through the
/// CSV export and the time filters as it was written.
/// </summary>
public abstract class AuditChainTamperTests(SignedInDemoFixture fixture)
{
    private static readonly string[] CsvHeader =
        ["sequence", "occurred_at", "actor", "organisation", "action", "entity_type", "entity_id", "state_digest", "correlation_id", "details", "previous_hash", "hash"];

    [Theory]
    [InlineData("Details", """{"email":"someone.else@cqc.example"}""")]
    [InlineData("Actor", "person:00000000-0000-0000-0000-000000000000")]
    public async Task EventAlteredBehindTheTriggersBack_IsNamedAsBroken_ByVerifyAndTheApi(string column, string value)
    {
        // Its own app: this test breaks the chain for good.
        await using var app = await CertaTestApp.StartAsync(fixture.Provider, demo: true);
        using var admin = await app.SignInAsync("admin@cqc.example");
        using var officer = await app.SignInAsync("officer@cnca.example");
        foreach (var email in new[] { "first@cqc.example", "second@cqc.example" })
        {
            using var invited = await admin.PostAsync("/api/v1/organisations/cqc/invitations", Json.Body(new { email, roles = new[] { "reviewer" } }));
            invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var before = await AuditLog.VerifyAsync(db, CancellationToken.None);
        before.Intact.ShouldBeTrue(before.Problem);
        var middle = before.Events / 2;
        middle.ShouldBeGreaterThan(5);
        var update = $"UPDATE \"AuditEvents\" SET \"{column}\" = {{0}} WHERE \"Sequence\" = {middle}";
        var delete = $"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = {middle}";

        (await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(update, value))).Message.ShouldContain("append-only");
        (await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(delete))).Message.ShouldContain("append-only");
        (await AuditLog.VerifyAsync(db, CancellationToken.None)).Intact.ShouldBeTrue("the refused statements changed nothing");

        await BypassTriggersAndExecuteAsync(db, fixture.Provider, update, value);

        var altered = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == middle);
        (column == "Actor" ? altered.Actor : altered.Details).ShouldBe(value);
        var broken = await AuditLog.VerifyAsync(db, CancellationToken.None);
        broken.BrokenAt.ShouldBe(middle);
        broken.Events.ShouldBe(middle - 1);
        broken.Problem!.ShouldContain("altered");
        var api = await officer.GetJsonAsync("/api/v1/audit/verify");
        api.GetProperty("intact").GetBoolean().ShouldBeFalse();
        api.GetProperty("brokenAt").GetInt64().ShouldBe(middle);
        api.GetProperty("events").GetInt64().ShouldBe(middle - 1);
    }

    [Fact]
    public async Task Csv_ForTheAuthorityOfficer_HasAHeaderAndOneLinePerEvent_ThatParseBackToTheEvents()
    {
        var officer = fixture.As(Role.AuthorityOfficer).Client;

        using var response = await officer.GetAsync("/api/v1/audit/events.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldStartWith("certa-audit-");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldEndWith("\r\n");
        text.ShouldContain("\"\"", Case.Sensitive, "the details hold JSON, whose quotes are doubled");
        var records = Csv.Parse(text);
        records[0].ShouldBe(CsvHeader);
        var events = await AllEventsAsync(officer);
        events.Count.ShouldBeGreaterThan(20);
        records.Count.ShouldBe(events.Count + 1);
        foreach (var (record, e) in records.Skip(1).Zip(events))
        {
            var at = $"event {e.GetProperty("sequence")}";
            record.Count.ShouldBe(CsvHeader.Length, at);
            long.Parse(record[0], CultureInfo.InvariantCulture).ShouldBe(e.GetProperty("sequence").GetInt64(), at);
            DateTimeOffset.Parse(record[1], CultureInfo.InvariantCulture).ShouldBe(e.GetProperty("occurredAt").GetDateTimeOffset(), at);
            record[2].ShouldBe(e.Str("actor"), at);
            record[3].ShouldBe(e.GetProperty("organisation").GetString() ?? string.Empty, at);
            record[4].ShouldBe(e.Str("action"), at);
            record[5].ShouldBe(e.Str("entityType"), at);
            record[6].ShouldBe(e.Str("entityId"), at);
            record[7].ShouldBe(e.Str("stateDigest"), at);
            record[8].ShouldBe(e.Str("correlationId"), at);
            JsonNode.DeepEquals(JsonNode.Parse(record[9]), JsonNode.Parse(e.GetProperty("details").GetRawText())).ShouldBeTrue($"{at}: {record[9]}");
            record[10].ShouldBe(e.Str("previousHash"), at);
            record[11].ShouldBe(e.Str("hash"), at);
        }
    }

    [Fact]
    public async Task Csv_ForTheBodyAdmin_HoldsOnlyTheBodysEvents()
    {
        var admin = fixture.As(Role.BodyAdmin).Client;
        var everything = await fixture.As(Role.AuthorityOfficer).Client.AuditTotalAsync();

        var records = Csv.Parse(await admin.GetStringAsync("/api/v1/audit/events.csv"));

        var lines = records.Skip(1).ToList();
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(r => r[3] == "cqc");
        lines.Count.ShouldBe(await admin.AuditTotalAsync());
        lines.Count.ShouldBeLessThan(everything);
        Csv.Parse(await admin.GetStringAsync("/api/v1/audit/events.csv?organisation=cnca")).Count.ShouldBe(1, "another organisation's events stay hidden");
    }

    [Fact]
    public async Task TimeFilters_SelectTheEventsOnEachSideOfAnInstant()
    {
        var officer = fixture.As(Role.AuthorityOfficer).Client;
        var admin = fixture.As(Role.BodyAdmin).Client;
        var before = await officer.AuditTotalAsync();
        var t = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        foreach (var email in new[] { "later.one@cqc.example", "later.two@cqc.example" })
        {
            using var invited = await admin.PostAsync("/api/v1/organisations/cqc/invitations", Json.Body(new { email, roles = new[] { "auditor" } }));
            invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var after = await officer.GetJsonAsync($"/api/v1/audit/events?from={t}&pageSize=200");
        after.Int("total").ShouldBe(2);
        after.Items().Select(e => e.Str("action")).ShouldBe(["invitation.issued", "invitation.issued"]);
        (await officer.AuditTotalAsync($"&to={t}")).ShouldBe(before);
        (await officer.AuditTotalAsync($"&from={t}&organisation=cqc&actor={Uri.EscapeDataString(fixture.As(Role.BodyAdmin).AuditName)}")).ShouldBe(2);
        (await admin.AuditTotalAsync($"&from={t}")).ShouldBe(2);
        Csv.Parse(await officer.GetStringAsync($"/api/v1/audit/events.csv?from={t}")).Count.ShouldBe(3);
        (await officer.AuditTotalAsync("&to=2000-01-01")).ShouldBe(0);
        (await officer.AuditTotalAsync("&from=2000-01-01")).ShouldBe(before + 2);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    public async Task TimeFilters_ThatAreNotTimes_AreRefusedNamingTheField(string query, string field)
    {
        using var response = await fixture.As(Role.AuthorityOfficer).Client.GetAsync($"/api/v1/audit/events?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    private static async Task<List<JsonElement>> AllEventsAsync(HttpClient client)
    {
        var events = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var json = await client.GetJsonAsync($"/api/v1/audit/events?pageSize=200&page={page}");
            events.AddRange(json.Items());
            if (page >= json.Int("pages"))
            {
                return [.. events.OrderBy(e => e.GetProperty("sequence").GetInt64())];
            }
        }
    }

    /// <summary>What someone with full database rights could do: switch the guards off, then edit.</summary>
    private static Task BypassTriggersAndExecuteAsync(CertaDbContext db, DatabaseProvider provider, string sql, string parameter)
    {
        var bypass = provider == DatabaseProvider.Postgres
            ? $"ALTER TABLE \"AuditEvents\" DISABLE TRIGGER ALL; {sql}; ALTER TABLE \"AuditEvents\" ENABLE TRIGGER ALL;"
            : $"DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; {sql};";
        return db.Database.ExecuteSqlRawAsync(bypass, parameter);
    }

    /// <summary>A strict RFC 4180 reader: CRLF line ends, quoted fields with doubled quotes, no stray quote.</summary>
    private static class Csv
    {
        public static List<List<string>> Parse(string text)
        {
            var records = new List<List<string>>();
            var record = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                        if (i + 1 < text.Length && text[i + 1] is not (',' or '\r'))
                        {
                            throw new FormatException($"Character {i + 1}: '{text[i + 1]}' after a closing quote.");
                        }
                    }
                }
                else if (c == '"')
                {
                    quoted = field.Length == 0 ? true : throw new FormatException($"Character {i}: a quote inside an unquoted field.");
                }
                else if (c == ',')
                {
                    record.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i++;
                }
                else if (c is '\r' or '\n')
                {
                    throw new FormatException($"Character {i}: a bare line break outside quotes.");
                }
                else
                {
                    field.Append(c);
                }
            }

            if (quoted || field.Length > 0 || record.Count > 0)
            {
                throw new FormatException("The last line is unfinished (no CRLF, or an open quote).");
            }

            return records;
        }
    }
}

[Collection("sqlite")]
public sealed class SqliteAuditChainTamperTests(SqliteSignedInDemoFixture fixture)
    : AuditChainTamperTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresAuditChainTamperTests(PostgresSignedInDemoFixture fixture)
    : AuditChainTamperTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
