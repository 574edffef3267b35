using System.Net;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Cluster;
using Certa.Infrastructure.Idempotency;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Certa.Integration.Tests.Api;

/// <summary>
/// <c>Idempotency-Key</c> on creating calls: a repeat gets the first answer and creates nothing; the
/// same key on another request, or while the first runs, is refused; a failed request frees its key.
/// </summary>
public abstract class IdempotencyKeyTests(SignedInDemoFixture fixture)
{
    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    [Fact]
    public async Task Repeat_ReplaysTheFirstAnswer_AndCreatesOneApplication()
    {
        var key = NewKey();
        var before = await ApplicationsAsync();

        using var first = await DraftAsync(key, ApplicationJourney.LaptopRequest());
        using var again = await DraftAsync(key, ApplicationJourney.LaptopRequest());

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.ReadJsonAsync()).Str("id").ShouldBe((await first.ReadJsonAsync()).Str("id"));
        again.Headers.Location.ShouldBe(first.Headers.Location);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await ApplicationsAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task SameKey_WithAnotherBody_IsRefusedAsReused()
    {
        var key = NewKey();
        using var first = await DraftAsync(key, ApplicationJourney.LaptopRequest(mainModel: "X14"));
        var before = await ApplicationsAsync();

        using var other = await DraftAsync(key, ApplicationJourney.LaptopRequest(mainModel: "X15"));

        await other.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        (await ApplicationsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ConcurrentRequests_WithOneKey_CreateOneApplication()
    {
        var key = NewKey();
        var before = await ApplicationsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => DraftAsync(key, ApplicationJourney.LaptopRequest())));

        try
        {
            (await ApplicationsAsync()).ShouldBe(before + 1);
            var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
            created.ShouldNotBeEmpty();
            (await Task.WhenAll(created.Select(async r => (await r.ReadJsonAsync()).Str("id")))).Distinct().ShouldHaveSingleItem();
            foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency-key-in-use");
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task FailedRequest_FreesItsKey_SoTheCorrectedRequestRuns()
    {
        var key = NewKey();

        using var refused = await DraftAsync(key, ApplicationJourney.LaptopRequest(body: "no-such-body"));
        using var corrected = await DraftAsync(key, ApplicationJourney.LaptopRequest());

        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "unknown-body");
        corrected.StatusCode.ShouldBe(HttpStatusCode.Created, await corrected.Content.ReadAsStringAsync());
        corrected.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    [Fact]
    public async Task OneKey_OfTwoCallers_IsTwoKeys()
    {
        var key = NewKey();
        using var colleague = await fixture.App.SignInAsync("admin@demo-laptop-maker.example");
        var before = await ApplicationsAsync();

        using var mine = await DraftAsync(key, ApplicationJourney.LaptopRequest());
        using var theirs = await SendAsync(colleague, key, "/api/v1/applications", ApplicationJourney.LaptopRequest());

        mine.StatusCode.ShouldBe(HttpStatusCode.Created);
        theirs.StatusCode.ShouldBe(HttpStatusCode.Created);
        theirs.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await theirs.ReadJsonAsync()).Str("id").ShouldNotBe((await mine.ReadJsonAsync()).Str("id"));
        (await ApplicationsAsync()).ShouldBe(before + 2);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("tab\tin-key")]
    public async Task MalformedKey_IsABadRequest(string key)
    {
        var before = await ApplicationsAsync();

        using var response = await DraftAsync(key, ApplicationJourney.LaptopRequest());

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency-key-invalid");
        (await ApplicationsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task KeyOf256Characters_IsABadRequest_And255AreFine()
    {
        using var tooLong = await DraftAsync(new string('k', 256), ApplicationJourney.LaptopRequest());
        using var longest = await DraftAsync(new string('k', 254) + Guid.NewGuid().ToString("N")[..1], ApplicationJourney.LaptopRequest());

        await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency-key-invalid");
        longest.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AfterACrash_WorkThatCommitted_IsNotRunAgain_AndTheReplaySaysSo()
    {
        var key = NewKey();
        using var first = await DraftAsync(key, ApplicationJourney.LaptopRequest());
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await ApplicationsAsync();
        // What a kill -9 between the work's commit and keeping the answer leaves: the key marked done, no answer.
        await CrashedAsync(key, committed: true);

        using var again = await DraftAsync(key, ApplicationJourney.LaptopRequest());

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency-replay-unavailable");
        (await ApplicationsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AfterACrash_WorkThatNeverCommitted_RunsOnTheRepeat()
    {
        var key = NewKey();
        using var first = await DraftAsync(key, ApplicationJourney.LaptopRequest());
        var before = await ApplicationsAsync();
        // A kill -9 before the work committed leaves the reservation alone.
        await CrashedAsync(key, committed: false);

        using var again = await DraftAsync(key, ApplicationJourney.LaptopRequest());

        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        (await ApplicationsAsync()).ShouldBe(before + 1);
        using var third = await DraftAsync(key, ApplicationJourney.LaptopRequest());
        third.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
    }

    [Fact]
    public async Task Commit_MarksTheReservedKeyDone_InTheSameTransaction()
    {
        var store = fixture.App.Services.GetRequiredService<IdempotencyStore>();
        var reservation = await store.ReserveAsync("test:commit", $"k-{Guid.NewGuid()}", "POST", "/x", new string('0', 64), CancellationToken.None);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IdempotencyScope>().ReservationId = reservation.Record.Id;
            var id = $"idem-{Guid.NewGuid():N}"[..20];
            await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().CreateAsync(CommandContext.CommandLine(),
                new NewOrganisation(id, OrganisationKind.Applicant, new LocalizedText("Idempotency Ltd", null), null, "CN"), CancellationToken.None);
        }

        var record = await fixture.App.QueryAsync(db => db.IdempotencyKeys.AsNoTracking().SingleAsync(k => k.Id == reservation.Record.Id));
        record.CompletedAt.ShouldNotBeNull();
        record.ResponseBody.ShouldBeNull();
    }

    [Fact]
    public async Task Commit_OfARequestWhoseKeyWasTakenOver_IsRefused_AndWritesNothing()
    {
        var store = fixture.App.Services.GetRequiredService<IdempotencyStore>();
        var reservation = await store.ReserveAsync("test:commit", $"k-{Guid.NewGuid()}", "POST", "/x", new string('0', 64), CancellationToken.None);
        // What a repeat that believed this request dead does first: it removes the reservation, then makes its own.
        await fixture.App.QueryAsync(db => db.IdempotencyKeys.Where(k => k.Id == reservation.Record.Id).ExecuteDeleteAsync());
        var id = $"idem-{Guid.NewGuid():N}"[..20];

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IdempotencyScope>().ReservationId = reservation.Record.Id;
            var refusal = await Should.ThrowAsync<DomainException>(() => scope.ServiceProvider.GetRequiredService<OrganisationCommands>().CreateAsync(
                CommandContext.CommandLine(), new NewOrganisation(id, OrganisationKind.Applicant, new LocalizedText("Taken Over Ltd", null), null, "CN"),
                CancellationToken.None));
            refusal.Code.ShouldBe("idempotency-key-taken-over");
        }

        (await fixture.App.QueryAsync(db => db.Organisations.CountAsync(o => o.Id == id))).ShouldBe(0);
    }

    protected Task CrashedAsync(string key, bool committed, bool recently = false, int? owner = null)
    {
        var at = recently ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow - IdempotencyStore.AbandonedAfter - TimeSpan.FromMinutes(1);
        DateTimeOffset? completed = committed ? at : null;
        return fixture.App.QueryAsync(db => db.IdempotencyKeys.Where(k => k.Key == key.Trim('"')).ExecuteUpdateAsync(u => u
            .SetProperty(k => k.CreatedAt, at).SetProperty(k => k.CompletedAt, completed).SetProperty(k => k.Owner, owner)
            .SetProperty(k => k.ResponseBody, (byte[]?)null).SetProperty(k => k.StatusCode, (int?)null)));
    }

    protected static string NewKey() => $"\"{Guid.NewGuid()}\"";

    protected Task<HttpResponseMessage> DraftAsync(string key, object body) => SendAsync(Applicant, key, "/api/v1/applications", body);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json.Body(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    protected Task<int> ApplicationsAsync() => fixture.App.QueryAsync(db => db.Applications.CountAsync());
}

[Collection("sqlite")]
public sealed class SqliteIdempotencyKeyTests(SqliteSignedInDemoFixture fixture) : IdempotencyKeyTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

/// <summary>
/// On PostgreSQL several instances may serve one key, so a reservation names the instance that made it, which holds a
/// presence lock while it lives (<see cref="InstancePresence"/>): a kill -9 frees the key at the client's next try.
/// </summary>
[Collection("postgres")]
public sealed class PostgresIdempotencyKeyTests(PostgresSignedInDemoFixture fixture) : IdempotencyKeyTests(fixture), IClassFixture<PostgresSignedInDemoFixture>
{
    [Fact]
    public async Task Reservations_NameThisInstance_WhichHoldsItsPresenceLock()
    {
        var presence = fixture.App.Services.GetRequiredService<InstancePresence>();
        var key = NewKey();
        using var first = await DraftAsync(key, ApplicationJourney.LaptopRequest());

        presence.IsHeld.ShouldBeTrue();
        (await fixture.App.QueryAsync(db => db.IdempotencyKeys.Where(k => k.Key == key.Trim('"')).Select(k => k.Owner).SingleAsync())).ShouldBe(presence.Id);
        (await fixture.App.QueryAsync(db => InstancePresence.IsAliveAsync(db, presence.Id, CancellationToken.None))).ShouldBeTrue();
    }

    [Fact]
    public async Task AfterAKill_TheReservationOfTheDeadInstance_RunsOnTheRepeatAtOnce()
    {
        var key = NewKey();
        using var first = await DraftAsync(key, ApplicationJourney.LaptopRequest());
        var before = await ApplicationsAsync();
        var dead = await UnheldIdAsync();
        // A second ago, by an instance that no longer holds its lock, and the work never committed.
        await CrashedAsync(key, committed: false, recently: true, owner: dead);

        using var again = await DraftAsync(key, ApplicationJourney.LaptopRequest());

        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        (await ApplicationsAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task TheReservationOfAnInstanceStillAlive_IsInUse()
    {
        var key = NewKey();
        using var first = await DraftAsync(key, ApplicationJourney.LaptopRequest());
        var before = await ApplicationsAsync();
        var other = await UnheldIdAsync();
        await using var alive = new NpgsqlConnection(fixture.App.Database.ConnectionString);
        await alive.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({InstancePresence.LockClass}, {other})", alive))
        {
            await take.ExecuteNonQueryAsync();
        }

        await CrashedAsync(key, committed: false, recently: true, owner: other);

        using var again = await DraftAsync(key, ApplicationJourney.LaptopRequest());

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency-key-in-use");
        (await ApplicationsAsync()).ShouldBe(before);
    }

    private async Task<int> UnheldIdAsync()
    {
        var id = Random.Shared.Next(1, int.MaxValue);
        (await fixture.App.QueryAsync(db => InstancePresence.IsAliveAsync(db, id, CancellationToken.None))).ShouldBeFalse();
        return id;
    }
}
