using System.Net;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Supervision.Credit;

/// <summary>A clock the test moves, so that credit events can run out without waiting.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The demo world on a clock the test moves; its own app, because moving time would disturb other tests.</summary>
public abstract class CreditFlagFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public MovableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public CertaTestApp App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await CertaTestApp.StartAsync(provider, demo: true, services: s => s.AddSingleton<TimeProvider>(Clock));

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteCreditFlagFixture() : CreditFlagFixture(DatabaseProvider.Sqlite);

public sealed class PostgresCreditFlagFixture() : CreditFlagFixture(DatabaseProvider.Postgres);

/// <summary>
/// The body handling an application sees a warning when the applicant's credit level flags it (C or D), with the level and
/// a link to its credit page, on the page and in the API; an applicant at level A raises none.
/// </summary>
public abstract class CreditFlagTests(CreditFlagFixture fixture)
{
    [Fact]
    public async Task TheBodysApplicationPage_FlagsAnApplicantAtALowLevel_AndNotOneAtA()
    {
        // The demo history (suspensions, a withdrawal) counts for three years at most; past that the applicant is at A.
        fixture.Clock.Now = DateTimeOffset.UtcNow.AddYears(4);
        var applicant = await fixture.App.SignInAsync("applicant@demo-laptop-maker.example");
        var handler = await fixture.App.SignInAsync("handler@cqc.example");
        var officer = await fixture.App.SignInAsync("officer@cnca.example");
        var id = await ApplicationJourney.SubmittedAsync(applicant);

        (await handler.GetJsonAsync("/api/v1/credit/enterprise/demo-laptop-maker")).GetProperty("level").Str("id").ShouldBe("A");
        var clean = await handler.GetStringAsync($"/applications/{id}");
        clean.ShouldNotContain("application-credit-flag");
        (await handler.GetJsonAsync($"/api/v1/applications/{id}")).GetProperty("creditFlag").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        using (var recorded = await officer.SendAsync(HttpMethod.Post, "/api/v1/credit/events", new
        {
            subject = "demo-laptop-maker", type = "supervision-obstructed",
            day = DateOnly.FromDateTime(fixture.Clock.Now.UtcDateTime),
        }))
        {
            recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        }

        (await handler.GetJsonAsync("/api/v1/credit/enterprise/demo-laptop-maker")).GetProperty("level").Str("id").ShouldBe("B");
        (await handler.GetStringAsync($"/applications/{id}")).ShouldNotContain("application-credit-flag", customMessage: "B flags nothing");

        using (var recorded = await officer.SendAsync(HttpMethod.Post, "/api/v1/credit/events", new
        {
            subject = "demo-laptop-maker", type = "inspection-failed",
            day = DateOnly.FromDateTime(fixture.Clock.Now.UtcDateTime), reference = "manual entry",
        }))
        {
            recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        }

        // Events are dated at the start of their day, so by now they have faded a little: 100 - 25 - 15 = 60, and a few hundredths.
        var score = (await handler.GetJsonAsync("/api/v1/credit/enterprise/demo-laptop-maker")).GetProperty("score").GetDecimal();
        score.ShouldBeInRange(60m, 61m);
        var flagged = System.Net.WebUtility.HtmlDecode(await handler.GetStringAsync($"/applications/{id}"));
        flagged.ShouldContain("id=\"application-credit-flag\" data-level=\"C\"");
        flagged.ShouldContain("href=\"/credit/enterprise/demo-laptop-maker\"");
        flagged.ShouldContain($"Score {score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}.");
        var dto = (await handler.GetJsonAsync($"/api/v1/applications/{id}")).GetProperty("creditFlag");
        (dto.Str("level"), dto.GetProperty("score").GetDecimal(), dto.Str("link")).ShouldBe(("C", score, "/credit/enterprise/demo-laptop-maker"));

        // The flag is for the body: the applicant's own page and answer carry none.
        (await applicant.GetStringAsync($"/applications/{id}")).ShouldNotContain("application-credit-flag");
        (await applicant.GetJsonAsync($"/api/v1/applications/{id}")).GetProperty("creditFlag").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }
}

[Collection("sqlite")]
public sealed class SqliteCreditFlagTests(SqliteCreditFlagFixture fixture) : CreditFlagTests(fixture), IClassFixture<SqliteCreditFlagFixture>;

[Collection("postgres")]
public sealed class PostgresCreditFlagTests(PostgresCreditFlagFixture fixture) : CreditFlagTests(fixture), IClassFixture<PostgresCreditFlagFixture>;
