using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Api;

/// <summary>
/// A body's designations in the registry API carry the days they are in force (<c>from</c>, <c>until</c>, YYYY-MM-DD, null
/// where open), on each database: a verifier can see that a body was designated on the day a certificate was issued.
/// </summary>
public abstract class DesignationDatesApiTests(AppFixture fixture)
{
    [Fact]
    public async Task ADatedDesignation_ShowsItsFirstAndLastDay_AndAnOpenOneShowsNulls()
    {
        await RegistrySeed.DesignateAsync(fixture.App.Services, "cqc", "ccc/cat:9@2019-01-01..2024-06-30", "ccc/prod:0902@2024-07-01..", "cqc-mark");

        var body = (await fixture.App.Client.GetJsonAsync("/api/v1/bodies/cqc")).GetProperty("body");

        var designations = body.GetProperty("designations").EnumerateArray().ToDictionary(d => d.Str("text"));
        designations.Keys.ShouldBe(["ccc/cat:9@2019-01-01..2024-06-30", "ccc/prod:0902@2024-07-01..", "cqc-mark"], ignoreOrder: true);
        var ended = designations["ccc/cat:9@2019-01-01..2024-06-30"];
        (ended.Str("scheme"), ended.Str("value"), ended.Str("from"), ended.Str("until")).ShouldBe(("ccc", "9", "2019-01-01", "2024-06-30"));
        var open = designations["ccc/prod:0902@2024-07-01.."];
        open.Str("from").ShouldBe("2024-07-01");
        open.GetProperty("until").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var undated = designations["cqc-mark"];
        undated.GetProperty("from").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        undated.GetProperty("until").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }
}

[Collection("sqlite")]
public sealed class SqliteDesignationDatesApiTests(SqliteAppFixture fixture)
    : DesignationDatesApiTests(fixture), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresDesignationDatesApiTests(PostgresAppFixture fixture)
    : DesignationDatesApiTests(fixture), IClassFixture<PostgresAppFixture>;
