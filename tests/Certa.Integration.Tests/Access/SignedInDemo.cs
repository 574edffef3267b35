using System.Net;
using System.Text;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Access;

/// <summary>A demo person signed in through the real form, with what the API says about them.</summary>
public sealed record Session(Role Role, string Email, string Organisation, Guid PersonId, HttpClient Client)
{
    public string AuditName => $"person:{PersonId}";
}

/// <summary>
/// One demo Certa per test class, and one signed-in client for each role: the first demo person of
/// <c>data/demo/world.yaml</c> who holds just that role. The clients are made once and reused.
/// </summary>
public abstract class SignedInDemoFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly Dictionary<Role, Session> sessions = [];

    public CertaTestApp App { get; private set; } = null!;

    public DatabaseProvider Provider { get; } = provider;

    public IReadOnlyDictionary<Role, Session> Sessions => sessions;

    public Session As(Role role) => sessions[role];

    public async Task InitializeAsync()
    {
        App = await CertaTestApp.StartAsync(Provider, demo: true);
        foreach (var role in Roles.All)
        {
            var person = App.Demo.FirstOrDefault(c => c.Roles.SequenceEqual([role]))
                ?? throw new InvalidOperationException($"data/demo/world.yaml has nobody with just the role {role.Name()}; the access tests need one per role.");
            var client = await App.SignInAsync(person.Email);
            sessions[role] = new Session(role, person.Email, person.Organisation, await client.PersonIdAsync(), client);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var session in sessions.Values)
        {
            session.Client.Dispose();
        }

        await App.DisposeAsync();
    }
}

public sealed class SqliteSignedInDemoFixture() : SignedInDemoFixture(DatabaseProvider.Sqlite);

public sealed class PostgresSignedInDemoFixture() : SignedInDemoFixture(DatabaseProvider.Postgres);

/// <summary>Requests and answers as the access tests need them.</summary>
internal static class ApiCalls
{
    public static StringContent EmptyObject() => new("{}", Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? Json.Body(body);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The problem's <c>code</c>, or a description of what came instead, so a failed assertion says what happened.</summary>
    public static async Task<string> ProblemCodeAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"(not a problem: {(int)response.StatusCode} {response.Content.Headers.ContentType} {body})";
        }

        return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString()! : $"(no code: {body})";
    }

    /// <summary>Asserts the status and the problem code, showing the body when either differs.</summary>
    public static async Task ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        (await response.ProblemCodeAsync()).ShouldBe(code, body);
    }

    public static async Task<Guid> PersonIdAsync(this HttpClient client)
    {
        var actor = (await client.GetJsonAsync("/api/v1/me")).Str("actor");
        return actor.StartsWith("person:", StringComparison.Ordinal)
            ? Guid.Parse(actor["person:".Length..])
            : throw new InvalidOperationException($"/api/v1/me answered actor '{actor}', not a person.");
    }

    /// <summary>The events after <paramref name="afterSequence"/>, oldest first, as an actor who reads every event sees them.</summary>
    public static async Task<IReadOnlyList<JsonElement>> AuditEventsAfterAsync(this HttpClient readsAll, long afterSequence)
    {
        var page = await readsAll.GetJsonAsync("/api/v1/audit/events?pageSize=200");
        return [.. page.Items().Where(e => e.GetProperty("sequence").GetInt64() > afterSequence).OrderBy(e => e.GetProperty("sequence").GetInt64())];
    }

    public static async Task<long> LastAuditSequenceAsync(this HttpClient readsAll) =>
        (await readsAll.GetJsonAsync("/api/v1/audit/events?pageSize=1")).Items().Single().GetProperty("sequence").GetInt64();

    public static async Task<int> AuditTotalAsync(this HttpClient client, string query = "") =>
        (await client.GetJsonAsync($"/api/v1/audit/events?pageSize=1{query}")).Int("total");
}
