using System.Net;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Web.Access;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Certa.Integration.Tests.Hostile;

/// <summary>
/// The hostile-input corpus (issue 10) against every operation of the OpenAPI document, anonymously, with forged credentials,
/// and as an actor who holds the operation's permission (a signed-in person, or an API key where the key's scope reaches):
/// no 5xx, every 4xx a problem document, and nothing written by what was refused. Seed: <c>CERTA_HOSTILE_SEED</c> (default 10).
/// </summary>
public abstract class HostileInputTests(SignedInDemoFixture fixture, ITestOutputHelper output)
{
    private const string KeyOrganisation = "cqc";

    [Fact]
    public async Task EveryOperation_RefusesBadInput_WithAProblem_AndWritesNothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CERTA_HOSTILE_SEED"), out var s) ? s : 10;
        var app = fixture.App;
        var admin = fixture.As(Role.BodyAdmin);
        var key = await IssueKeyAsync(admin.Client);
        var revoked = await IssueKeyAsync(admin.Client);
        using (var revoke = await admin.Client.DeleteAsync($"/api/v1/organisations/{KeyOrganisation}/api-keys/{revoked.Id}"))
        {
            revoke.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var bare = HostileRunner.Bare(app.Address);
        using var keyClient = HostileRunner.Bare(app.Address);
        keyClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Plaintext);
        var anonymous = new HostileActor("anonymous", bare);
        var machine = new HostileActor($"api key of {KeyOrganisation}", keyClient);
        var people = fixture.Sessions.Values.ToDictionary(v => v.Role, v => new HostileActor(v.Role.Name(), v.Client));
        var organisations = fixture.Sessions.Values.ToDictionary(v => people[v.Role], v => v.Organisation);
        organisations[machine] = KeyOrganisation;
        organisations[anonymous] = KeyOrganisation;

        var document = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = OpenApiOperations.Read(document);
        var permissions = Permissions();
        var paths = await DemoPathValues.ReadAsync(app);
        HostileActor WithRights(ApiOperation operation)
        {
            if (!permissions.TryGetValue(operation.ToString(), out var permission) || permission is not { } needed)
            {
                return anonymous;
            }

            if (key.Scopes.Contains(needed))
            {
                return machine;
            }

            var role = Roles.All.Where(r => AccessRules.ReachOf(r, needed) != Reach.None).OrderByDescending(r => AccessRules.ReachOf(r, needed)).First();
            return people[role];
        }

        var corpus = new HostileCorpus(anonymous, WithRights, (o, name, actor) => paths.For(o, name, actor, organisations[actor]),
            [.. BadValues.ForgedCredentials, ("revoked-api-key", "Authorization", $"Bearer {revoked.Plaintext}")], seed);
        var requests = corpus.For(operations);

        var report = await new HostileRunner(app).RunAsync(requests, operations.Count);

        output.WriteLine($"seed {seed}: {report.Summary()}");
        foreach (var accepted in report.Accepted)
        {
            output.WriteLine($"accepted: {accepted}");
        }

        operations.Count.ShouldBeGreaterThan(100, "the OpenAPI document should list every operation");
        report.Failures.ShouldBeEmpty(string.Join("\n", report.Failures.Take(60)) + $"\n{report.Summary()}");
    }

    /// <summary>The permission each operation needs (null: public), from the app's own endpoint metadata.</summary>
    private Dictionary<string, Permission?> Permissions() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Key: $"{m} {WithoutConstraints(e.RoutePattern.RawText!)}", Permission: e.Metadata.GetMetadata<PermissionNeeded>()?.Permission)))
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => g.First().Permission);

    private static string WithoutConstraints(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:?=]+)[^}]*\}", "{$1}");

    private sealed record IssuedKey(string Id, string Plaintext, IReadOnlySet<Permission> Scopes);

    private static async Task<IssuedKey> IssueKeyAsync(HttpClient admin)
    {
        var scopes = AccessRules.ScopesFor(OrganisationKind.CertificationBody);
        using var issued = await admin.PostAsync($"/api/v1/organisations/{KeyOrganisation}/api-keys",
            Json.Body(new { name = "hostile corpus", scopes = scopes.Select(p => SnakeCaseNames.Of(p.ToString())).ToArray() }));
        var body = await issued.Content.ReadAsStringAsync();
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        return new IssuedKey(json.GetProperty("apiKey").GetProperty("id").GetString()!, json.GetProperty("key").GetString()!, scopes.ToHashSet());
    }
}

[Collection("sqlite")]
public sealed class SqliteHostileInputTests(SqliteSignedInDemoFixture fixture, ITestOutputHelper output)
    : HostileInputTests(fixture, output), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresHostileInputTests(PostgresSignedInDemoFixture fixture, ITestOutputHelper output)
    : HostileInputTests(fixture, output), IClassFixture<PostgresSignedInDemoFixture>;
