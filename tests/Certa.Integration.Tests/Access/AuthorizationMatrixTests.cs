using System.Net;
using System.Text.RegularExpressions;
using Certa.Domain.Access;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Fixtures;
using Certa.Web.Access;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Access;

/// <summary>
/// Every <c>/api</c> endpoint of the running app against every role, with <see cref="AccessRules"/> as the
/// expected answer: a new endpoint is covered the moment it is mapped, and one that declares no rule fails.
/// </summary>
public abstract partial class AuthorizationMatrixTests(SignedInDemoFixture fixture)
{
    private sealed record ApiEndpoint(string Method, string Route, Permission? Needs, bool IsPublic)
    {
        public override string ToString() => $"{Method} {Route}";
    }

    private IReadOnlyList<ApiEndpoint> Endpoints() =>
        [.. fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method =>
                new ApiEndpoint(method, e.RoutePattern.RawText!, e.Metadata.GetMetadata<PermissionNeeded>()?.Permission, e.Metadata.GetMetadata<PublicAccess>() is not null)))
            .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];

    [Fact]
    public void EveryApiEndpoint_DeclaresEitherAPermissionOrThatItIsPublic()
    {
        var endpoints = Endpoints();
        var offenders = endpoints.Where(e => e.Needs is null == !e.IsPublic)
            .Select(e => $"{e}: {(e.IsPublic ? "both .Public() and .Requires(…)" : "neither .Requires(Permission) nor .Public()")}")
            .ToList();

        endpoints.Count(e => e.Needs is not null).ShouldBeGreaterThan(10, "the organisation and audit endpoints should be found");
        endpoints.ShouldContain(e => e.IsPublic, "the registry endpoints should be found");
        offenders.ShouldBeEmpty($"Endpoints without exactly one access rule:\n{string.Join("\n", offenders)}");
    }

    [Fact]
    public async Task EveryProtectedEndpoint_AnswersEachRoleAsTheAccessRulesSay()
    {
        using var anonymous = fixture.App.NewBrowserlikeClient();
        var mismatches = new List<string>();
        var requests = 0;
        foreach (var endpoint in Endpoints().Where(e => e.Needs is not null))
        {
            var permission = endpoint.Needs!.Value;
            foreach (var session in fixture.Sessions.Values)
            {
                var reach = AccessRules.ReachOf(session.Role, permission);
                var got = await StatusAsync(session.Client, endpoint, session.Organisation);
                requests++;
                if (reach == Reach.None ? got != 403 : !Allowed(got))
                {
                    mismatches.Add($"{endpoint} as {session.Role.Name()} ({session.Email}, {permission} reach {reach}): " +
                        $"expected {(reach == Reach.None ? "403" : "neither 401/403 nor 5xx")}, got {got}");
                }
            }

            var anonymousGot = await StatusAsync(anonymous, endpoint, "cqc");
            requests++;
            if (anonymousGot != 401)
            {
                mismatches.Add($"{endpoint} anonymously: expected 401, got {anonymousGot}");
            }
        }

        requests.ShouldBeGreaterThan(100);
        mismatches.ShouldBeEmpty($"{mismatches.Count} of {requests} requests disagree with AccessRules:\n{string.Join("\n", mismatches)}");
    }

    [Fact]
    public async Task EveryPublicEndpoint_AnswersAnonymousRequests()
    {
        using var anonymous = fixture.App.NewBrowserlikeClient();
        var mismatches = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => e.IsPublic))
        {
            var got = await StatusAsync(anonymous, endpoint, "ccc");
            if (!Allowed(got))
            {
                mismatches.Add($"{endpoint} anonymously: got {got}");
            }
        }

        mismatches.ShouldBeEmpty($"Public endpoints that refused or failed an anonymous request:\n{string.Join("\n", mismatches)}");
    }

    [Theory]
    [InlineData("GET", "/api/v1/planets", null, HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/schemes", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/v1/requirements/evaluate", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/api/v1/requirements/batch", "application/json", HttpStatusCode.UnsupportedMediaType)]
    public async Task RequestMatchingNoEndpoint_AnonymouslyGetsItsOwnStatus_NotSignInRequired(string method, string url, string? contentType, HttpStatusCode status)
    {
        using var anonymous = fixture.App.NewBrowserlikeClient();

        using var response = await anonymous.SendAsync(new HttpMethod(method), url,
            contentType is null ? null : new StringContent("{}", System.Text.Encoding.UTF8, contentType));

        response.StatusCode.ShouldBe(status);
    }

    [Fact]
    public async Task OrganisationInTheUrl_BeyondTheActorsReach_IsRefusedAsAnotherOrganisation()
    {
        var mismatches = new List<string>();
        var checkedOwn = 0;
        var checkedAny = 0;
        foreach (var endpoint in Endpoints().Where(e => e.Needs is not null && e.Route.Contains("{id}", StringComparison.Ordinal)))
        {
            foreach (var session in fixture.Sessions.Values)
            {
                var reach = AccessRules.ReachOf(session.Role, endpoint.Needs!.Value);
                if (reach == Reach.None)
                {
                    continue;
                }

                var other = session.Organisation == "cqc" ? "cnca" : "cqc";
                using var response = await SendAsync(session.Client, endpoint, other);
                var got = (int)response.StatusCode;
                var who = $"{endpoint} for '{other}' as {session.Role.Name()} of '{session.Organisation}' ({reach} reach)";
                if (reach == Reach.Own)
                {
                    checkedOwn++;
                    var code = await response.ProblemCodeAsync();
                    if (got != 403 || code != "other-organisation")
                    {
                        mismatches.Add($"{who}: expected 403 other-organisation, got {got} {code}");
                    }
                }
                else
                {
                    checkedAny++;
                    if (!Allowed(got))
                    {
                        mismatches.Add($"{who}: expected neither 401/403 nor 5xx, got {got}");
                    }
                }
            }
        }

        checkedOwn.ShouldBeGreaterThan(20);
        checkedAny.ShouldBeGreaterThan(5);
        mismatches.ShouldBeEmpty($"Cross-organisation requests answered wrongly:\n{string.Join("\n", mismatches)}");
    }

    [Fact]
    public async Task ApiKey_ReadsWithinItsScopeAndOrganisation_UntilRevoked()
    {
        var admin = await SignInNewCustomsAdminAsync();
        using var issued = await admin.PostAsync("/api/v1/organisations/demo-customs/api-keys",
            Json.Body(new { name = "x", scopes = new[] { "organisations_read" } }));
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
        var body = await issued.ReadJsonAsync();
        var key = body.Str("key");
        var keyId = body.GetProperty("apiKey").Str("id");
        key.ShouldStartWith($"ck_{keyId}_");

        using (var me = await WithKeyAsync(key, "/api/v1/me"))
        {
            me.StatusCode.ShouldBe(HttpStatusCode.OK, await me.Content.ReadAsStringAsync());
            var who = await me.ReadJsonAsync();
            who.Str("actor").ShouldBe($"client:{keyId}");
            who.Str("kind").ShouldBe("client");
            who.GetProperty("organisation").Str("id").ShouldBe("demo-customs");
        }

        using (var own = await WithKeyAsync(key, "/api/v1/organisations/demo-customs"))
        {
            own.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var other = await WithKeyAsync(key, "/api/v1/organisations/cqc"))
        {
            await other.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "other-organisation");
        }

        using (var audit = await WithKeyAsync(key, "/api/v1/audit/events"))
        {
            audit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await audit.Content.ReadAsStringAsync()).ShouldContain("audit_read");
        }

        using (var revoked = await admin.DeleteAsync($"/api/v1/organisations/demo-customs/api-keys/{keyId}"))
        {
            revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await revoked.ReadJsonAsync()).GetProperty("revokedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        }

        using var afterRevoke = await WithKeyAsync(key, "/api/v1/organisations/demo-customs");
        afterRevoke.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        afterRevoke.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
    }

    [Theory]
    [InlineData("people_manage", "scope-not-allowed")]
    [InlineData("api_keys_manage", "scope-not-allowed")]
    [InlineData("audit_verify", "scope-not-allowed")]
    [InlineData("teleport", "unknown-scope")]
    [InlineData("", "unknown-scope")]
    public async Task ApiKey_WithAScopeTheOrganisationMayNotGive_IsRefused_AndNoKeyIsMade(string scope, string code)
    {
        var admin = fixture.As(Role.OrganisationAdmin);
        var keysBefore = await admin.Client.GetStringAsync($"/api/v1/organisations/{admin.Organisation}/api-keys");

        using var response = await admin.Client.PostAsync($"/api/v1/organisations/{admin.Organisation}/api-keys",
            Json.Body(new { name = "x", scopes = new[] { "organisations_read", scope } }));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        (await admin.Client.GetStringAsync($"/api/v1/organisations/{admin.Organisation}/api-keys")).ShouldBe(keysBefore);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("ck_")]
    [InlineData("ck_0123456789abcdef_aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd29y")]
    [InlineData("ck_0123456789ABCDEF_secret")]
    public async Task ApiKey_MalformedOrUnknown_IsUnauthorized(string key)
    {
        using var response = await WithKeyAsync(key, "/api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task ApiKey_WithTheRightIdButAWrongSecret_IsUnauthorized()
    {
        var admin = fixture.As(Role.OrganisationAdmin);
        using var issued = await admin.Client.PostAsync($"/api/v1/organisations/{admin.Organisation}/api-keys",
            Json.Body(new { name = "wrong-secret", scopes = new[] { "organisations_read" } }));
        var key = (await issued.ReadJsonAsync()).Str("key");

        using var right = await WithKeyAsync(key, $"/api/v1/organisations/{admin.Organisation}");
        using var wrong = await WithKeyAsync(key[..^4] + "AAAA", $"/api/v1/organisations/{admin.Organisation}");

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>The demo world has no admin at the verifier; one is added the way <c>certa</c> would.</summary>
    private async Task<HttpClient> SignInNewCustomsAdminAsync()
    {
        const string email = "admin@demo-customs.example";
        var password = DemoWorld.NewPassword();
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PeopleCommands>().AddAsync(CommandContext.CommandLine(), "demo-customs",
                "Customs Admin", email, [Role.OrganisationAdmin], password, CancellationToken.None);
        }

        return await fixture.App.SignInAsync(email, password);
    }

    private async Task<HttpResponseMessage> WithKeyAsync(string key, string url)
    {
        using var client = new HttpClient { BaseAddress = fixture.App.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Neither refused for access nor failed: a 400 for the empty body or a 404 for the made-up id is the handler answering.</summary>
    private static bool Allowed(int status) => status is not (401 or 403) && status < 500;

    private static async Task<int> StatusAsync(HttpClient client, ApiEndpoint endpoint, string organisation)
    {
        using var response = await SendAsync(client, endpoint, organisation);
        return (int)response.StatusCode;
    }

    /// <summary>The endpoint's method on its route filled in for <paramref name="organisation"/>, with <c>{}</c> as the body of a POST or PUT.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, ApiEndpoint endpoint, string organisation)
    {
        var url = Parameter().Replace(endpoint.Route, m => m.Groups[1].Value switch
        {
            "id" => organisation,
            "personId" or "invitationId" or "applicationId" or "orderId" or "notificationId" => Guid.NewGuid().ToString(),
            "documentId" => "application_form",
            "auditId" or "certificateId" or "declarationId" or "registrationId" or "relationId" or "inspectionId" => Guid.NewGuid().ToString(),
            "findingNo" => "1",
            "keyId" => "0000000000000000",
            _ when endpoint.IsPublic => "ccc",
            var name => throw new InvalidOperationException($"{endpoint}: the matrix has no value for {{{name}}}; say in {nameof(AuthorizationMatrixTests)} what it stands for."),
        });
        var method = new HttpMethod(endpoint.Method);
        var response = await client.SendAsync(method, url, method == HttpMethod.Post || method == HttpMethod.Put ? ApiCalls.EmptyObject() : null);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [GeneratedRegex(@"\{\**(\w+)(?::[^}]*)?\}")]
    private static partial Regex Parameter();
}

[Collection("sqlite")]
public sealed class SqliteAuthorizationMatrixTests(SqliteSignedInDemoFixture fixture)
    : AuthorizationMatrixTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresAuthorizationMatrixTests(PostgresSignedInDemoFixture fixture)
    : AuthorizationMatrixTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
