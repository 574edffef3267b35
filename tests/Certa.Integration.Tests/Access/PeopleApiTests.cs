using System.Net;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Identity;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Access;

/// <summary>
/// People through the API, as a body admin: refusals change nothing (not the people, not the
/// invitations, not the audit trail); the happy path writes exactly its events. Sign-in is rate
/// limited and locks an account after five wrong passwords.
/// </summary>
public abstract class PeopleApiTests(SignedInDemoFixture fixture)
{
    private const string Cqc = "cqc";

    private Session Admin => fixture.As(Role.BodyAdmin);

    private HttpClient Platform => fixture.As(Role.PlatformAdmin).Client;

    [Fact]
    public Task Invite_WithAnUnknownRole_IsRefused_AndChangesNothing() =>
        RefusedAndNothingChangedAsync(HttpMethod.Post, $"/api/v1/organisations/{Cqc}/invitations",
            new { email = "new.person@cqc.example", roles = new[] { "reviewer", "wizard" } }, HttpStatusCode.BadRequest, "unknown-role");

    [Fact]
    public Task Invite_WithARoleThatIsNotForABody_IsRefused_AndChangesNothing() =>
        RefusedAndNothingChangedAsync(HttpMethod.Post, $"/api/v1/organisations/{Cqc}/invitations",
            new { email = "new.person@cqc.example", roles = new[] { "lab_engineer" } }, HttpStatusCode.BadRequest, "role-not-for-organisation");

    [Theory]
    [InlineData("handler@cqc.example")]
    [InlineData("  Engineer@LAB-CTTL.example ")]
    public Task Invite_AnAddressThatHasAnAccount_IsAConflict_AndChangesNothing(string email) =>
        RefusedAndNothingChangedAsync(HttpMethod.Post, $"/api/v1/organisations/{Cqc}/invitations",
            new { email, roles = new[] { "reviewer" } }, HttpStatusCode.Conflict, "email-taken");

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("")]
    [InlineData("two@@cqc.example")]
    public Task Invite_WithAnInvalidAddress_IsRefused_AndChangesNothing(string email) =>
        RefusedAndNothingChangedAsync(HttpMethod.Post, $"/api/v1/organisations/{Cqc}/invitations",
            new { email, roles = new[] { "reviewer" } }, HttpStatusCode.BadRequest, "invalid-email");

    [Fact]
    public Task Deactivate_Oneself_IsAConflict_AndChangesNothing() =>
        RefusedAndNothingChangedAsync(HttpMethod.Post, $"/api/v1/organisations/{Cqc}/people/{Admin.PersonId}/deactivate",
            null, HttpStatusCode.Conflict, "deactivate-self");

    [Fact]
    public Task SetRoles_RemovingOnesOwnAdminRole_IsAConflict_AndChangesNothing() =>
        RefusedAndNothingChangedAsync(HttpMethod.Put, $"/api/v1/organisations/{Cqc}/people/{Admin.PersonId}/roles",
            new { roles = new[] { "reviewer" } }, HttpStatusCode.Conflict, "own-admin-role");

    [Fact]
    public async Task SetRoles_OnAPersonOfAnotherOrganisation_ThroughOnesOwnUrl_IsNotFound_AndChangesNothing()
    {
        var engineer = fixture.As(Role.LabEngineer);

        await RefusedAndNothingChangedAsync(HttpMethod.Put, $"/api/v1/organisations/{Cqc}/people/{engineer.PersonId}/roles",
            new { roles = new[] { "body_admin" } }, HttpStatusCode.NotFound, "person-not-found");

        var people = await Platform.GetJsonAsync($"/api/v1/organisations/{engineer.Organisation}/people");
        people.EnumerateArray().Single(p => p.Str("email") == engineer.Email).GetProperty("roles").EnumerateArray()
            .Select(r => r.GetString()).ShouldBe(["lab_engineer"]);
    }

    [Fact]
    public async Task InviteAcceptChangeRolesDeactivateReactivate_EachWritesExactlyItsEvents_AndTheChainStaysIntact()
    {
        const string email = "new.reviewer@cqc.example";
        var password = DemoWorld.NewPassword();
        var admin = Admin.AuditName;
        var last = await Platform.LastAuditSequenceAsync();

        using var invited = await Admin.Client.PostAsync($"/api/v1/organisations/{Cqc}/invitations", Json.Body(new { email, roles = new[] { "reviewer" } }));
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        var invitation = await invited.ReadJsonAsync();
        var token = Uri.UnescapeDataString(new Uri(invitation.Str("link")).Query.Split("token=")[1]);
        last = await ShouldHaveWrittenAsync(last, (admin, "invitation.issued", "invitation"));
        (await Admin.Client.GetJsonAsync($"/api/v1/organisations/{Cqc}/invitations")).EnumerateArray().Select(i => i.Str("email")).ShouldContain(email);

        Guid personId;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var person = await scope.ServiceProvider.GetRequiredService<PeopleCommands>()
                .AcceptInvitationAsync(token, "New Reviewer", password, "test-accept", CancellationToken.None);
            personId = person.Id;
        }

        // The invitee accepts for themselves, so they are the actor of joining.
        last = await ShouldHaveWrittenAsync(last, ($"person:{personId}", "invitation.accepted", "invitation"), ($"person:{personId}", "person.joined", "person"));
        (await Admin.Client.GetJsonAsync($"/api/v1/organisations/{Cqc}/invitations")).EnumerateArray().Select(i => i.Str("email")).ShouldNotContain(email);
        using var session = await fixture.App.SignInAsync(email, password);
        (await session.PersonIdAsync()).ShouldBe(personId);

        using (var roles = await Admin.Client.PutAsync($"/api/v1/organisations/{Cqc}/people/{personId}/roles",
                   Json.Body(new { roles = new[] { "reviewer", "auditor" } })))
        {
            roles.StatusCode.ShouldBe(HttpStatusCode.OK, await roles.Content.ReadAsStringAsync());
            (await roles.ReadJsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["reviewer", "auditor"]);
        }

        last = await ShouldHaveWrittenAsync(last, (admin, "person.roles_changed", "person"));

        using (var deactivated = await Admin.Client.PostAsync($"/api/v1/organisations/{Cqc}/people/{personId}/deactivate", null))
        {
            deactivated.StatusCode.ShouldBe(HttpStatusCode.OK, await deactivated.Content.ReadAsStringAsync());
            (await deactivated.ReadJsonAsync()).Str("status").ShouldBe("deactivated");
        }

        last = await ShouldHaveWrittenAsync(last, (admin, "person.deactivated", "person"));
        using (var me = await session.GetAsync("/api/v1/me"))
        {
            me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using (var signIn = await CertaTestApp.PostSignInAsync(fixture.App.NewBrowserlikeClient(), email, password))
        {
            signIn.StatusCode.ShouldNotBe(HttpStatusCode.Redirect, "a deactivated person must not sign in");
        }

        using (var reactivated = await Admin.Client.PostAsync($"/api/v1/organisations/{Cqc}/people/{personId}/reactivate", null))
        {
            reactivated.StatusCode.ShouldBe(HttpStatusCode.OK, await reactivated.Content.ReadAsStringAsync());
        }

        await ShouldHaveWrittenAsync(last, (admin, "person.reactivated", "person"));
        using var again = await fixture.App.SignInAsync(email, password);
        (await again.PersonIdAsync()).ShouldBe(personId);

        var chain = await fixture.As(Role.AuthorityOfficer).Client.GetJsonAsync("/api/v1/audit/verify");
        chain.GetProperty("intact").GetBoolean().ShouldBeTrue(chain.ToString());
        chain.GetProperty("events").GetInt64().ShouldBe(await Platform.AuditTotalAsync());
    }

    [Fact]
    public async Task RevokingAnInvitation_WritesItsEvent_AndTheLinkNoLongerWorks()
    {
        var last = await Platform.LastAuditSequenceAsync();
        using var invited = await Admin.Client.PostAsync($"/api/v1/organisations/{Cqc}/invitations",
            Json.Body(new { email = "withdrawn@cqc.example", roles = new[] { "auditor" } }));
        var invitation = await invited.ReadJsonAsync();
        var id = invitation.GetProperty("invitation").Str("id");
        var token = Uri.UnescapeDataString(new Uri(invitation.Str("link")).Query.Split("token=")[1]);

        using var revoked = await Admin.Client.DeleteAsync($"/api/v1/organisations/{Cqc}/invitations/{id}");

        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldHaveWrittenAsync(last, (Admin.AuditName, "invitation.issued", "invitation"), (Admin.AuditName, "invitation.revoked", "invitation"));
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var refused = await Should.ThrowAsync<Certa.Domain.Common.DomainException>(() => scope.ServiceProvider.GetRequiredService<PeopleCommands>()
            .AcceptInvitationAsync(token, "Too Late", DemoWorld.NewPassword(), "test", CancellationToken.None));
        refused.Message.ShouldContain("withdrawn");
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_IsLockedOut_EvenWithTheRightPassword_UntilTheLockoutEnds()
    {
        const string email = "auditor2@cqc.example";
        using var client = fixture.App.NewBrowserlikeClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await CertaTestApp.PostSignInAsync(client, email, "Wrong-Password-123");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK, $"wrong password {i + 1} should show the form again");
        }

        using (var right = await CertaTestApp.PostSignInAsync(client, email, fixture.App.PasswordOf(email)))
        {
            right.StatusCode.ShouldBe(HttpStatusCode.OK, "the right password must not sign in a locked-out account");
        }

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CertaUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            (await users.IsLockedOutAsync(user)).ShouldBeTrue();
            (await users.GetLockoutEndDateAsync(user))!.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(10));
            // The lockout's end, brought forward instead of waiting fifteen minutes.
            (await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddSeconds(-1))).Succeeded.ShouldBeTrue();
        }

        using var afterLockout = await CertaTestApp.PostSignInAsync(client, email, fixture.App.PasswordOf(email));
        afterLockout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_BeyondTheAttemptsPerMinute_IsTooManyRequests()
    {
        await using var app = await CertaTestApp.StartAsync(fixture.Provider, importData: false,
            settings: new Dictionary<string, string?> { ["Certa:Security:SignInAttemptsPerMinute"] = "3" });
        using var client = app.NewBrowserlikeClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await CertaTestApp.PostSignInAsync(client, "nobody@cqc.example", "Wrong-Password-123");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter.ShouldNotBeNull();
            }
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        using var form = await client.GetAsync("/account/login");
        form.StatusCode.ShouldBe(HttpStatusCode.OK, "reading the form is not limited");
    }

    /// <summary>Sends a request the admin of cqc should be refused, and checks the people, invitations and audit trail are as before.</summary>
    private async Task RefusedAndNothingChangedAsync(HttpMethod method, string url, object? body, HttpStatusCode status, string code)
    {
        var before = await SnapshotAsync();

        using var response = await Admin.Client.SendAsync(method, url, body);

        await response.ShouldBeProblemAsync(status, code);
        var after = await SnapshotAsync();
        after.AuditTotal.ShouldBe(before.AuditTotal, "a refusal writes no audit event");
        after.People.ShouldBe(before.People, "a refusal changes no person");
        after.Invitations.ShouldBe(before.Invitations, "a refusal makes or withdraws no invitation");
    }

    private sealed record Snapshot(int AuditTotal, string People, string Invitations);

    private async Task<Snapshot> SnapshotAsync() => new(
        await Platform.AuditTotalAsync(),
        await Platform.GetStringAsync($"/api/v1/organisations/{Cqc}/people"),
        await Platform.GetStringAsync($"/api/v1/organisations/{Cqc}/invitations"));

    /// <summary>Asserts the events after <paramref name="last"/> are exactly <paramref name="expected"/> (in any order), all in cqc; returns the new last sequence.</summary>
    private async Task<long> ShouldHaveWrittenAsync(long last, params (string Actor, string Action, string EntityType)[] expected)
    {
        var events = await Platform.AuditEventsAfterAsync(last);
        var written = events.Select(e => (e.Str("actor"), e.Str("action"), e.Str("entityType"))).Order().ToList();

        written.ShouldBe(expected.Order().ToList(), $"events after {last}: {string.Join("; ", events.Select(e => e.ToString()))}");
        events.ShouldAllBe(e => e.GetProperty("organisation").GetString() == Cqc);
        return events.Count == 0 ? last : events[^1].GetProperty("sequence").GetInt64();
    }
}

[Collection("sqlite")]
public sealed class SqlitePeopleApiTests(SqliteSignedInDemoFixture fixture) : PeopleApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresPeopleApiTests(PostgresSignedInDemoFixture fixture) : PeopleApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
