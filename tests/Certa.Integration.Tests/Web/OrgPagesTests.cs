using System.Net;
using System.Text.RegularExpressions;
using Certa.Domain.Access;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Web;

/// <summary>
/// The pages where people manage their organisation: /org, /org/people, /org/api-keys,
/// /admin/organisations and /audit, through the real forms (anti-forgery tokens and all) on the
/// demo world. Each page is tried by a role that may use it and one that may not.
/// </summary>
public abstract partial class OrgPagesTests(DemoAppFixture fixture)
{
    private const string BodyAdmin = "admin@cqc.example";
    private const string Reviewer = "reviewer@cqc.example";
    private const string Officer = "officer@cnca.example";
    private const string PlatformAdmin = "admin@certa-platform.example";

    private CertaTestApp App => fixture.App;

    [Theory]
    [InlineData(Reviewer, "/org")]
    [InlineData(BodyAdmin, "/org/people")]
    [InlineData(PlatformAdmin, "/org/cqc/people")]
    [InlineData(BodyAdmin, "/org/api-keys")]
    [InlineData(PlatformAdmin, "/admin/organisations")]
    [InlineData(BodyAdmin, "/audit")]
    [InlineData(Officer, "/audit")]
    [InlineData(Officer, "/org/cqc")]
    public async Task Page_ForARoleThatMayUseIt_Renders(string email, string path)
    {
        using var client = await App.SignInAsync(email);

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("class=\"card error\"");
    }

    [Theory]
    [InlineData(Reviewer, "/org/people", "people-refused")]
    [InlineData(BodyAdmin, "/org/cnca", "org-refused")]
    [InlineData(BodyAdmin, "/org/cnca/people", "people-refused")]
    [InlineData(Reviewer, "/org/api-keys", "keys-refused")]
    [InlineData(Officer, "/org/api-keys", "keys-refused")]
    [InlineData(BodyAdmin, "/admin/organisations", "admin-refused")]
    [InlineData(Officer, "/admin/organisations", "admin-refused")]
    [InlineData(Reviewer, "/audit", "audit-refused")]
    public async Task Page_ForARoleThatMayNot_IsRefusedWithAReadableMessage(string email, string path, string messageId)
    {
        using var client = await App.SignInAsync(email);

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"id=\"{messageId}\"");
    }

    [Theory]
    [InlineData("/org")]
    [InlineData("/org/people")]
    [InlineData("/org/api-keys")]
    [InlineData("/admin/organisations")]
    [InlineData("/audit")]
    public async Task Page_WithoutSigningIn_SendsToTheSignInForm(string path)
    {
        using var client = App.NewBrowserlikeClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task OrgPage_ShowsMyOrganisationMeAndOnlyTheLinksMyRolesAllow()
    {
        using var admin = await App.SignInAsync(BodyAdmin);
        using var reviewer = await App.SignInAsync(Reviewer);

        var adminHtml = await admin.GetStringAsync("/org");
        var reviewerHtml = await reviewer.GetStringAsync("/org");

        adminHtml.ShouldContain("China Quality Certification Centre");
        adminHtml.ShouldContain("中国质量认证中心");
        adminHtml.ShouldContain("href=\"/bodies/cqc\"");
        adminHtml.ShouldContain("admin@cqc.example");
        adminHtml.ShouldContain("Body admin");
        adminHtml.ShouldContain("id=\"link-people\"");
        adminHtml.ShouldContain("id=\"link-api-keys\"");
        adminHtml.ShouldContain("id=\"link-audit\"");
        adminHtml.ShouldNotContain("id=\"all-organisations\"");
        reviewerHtml.ShouldContain("Zhang Wei");
        reviewerHtml.ShouldContain(">Reviewer<");
        reviewerHtml.ShouldNotContain("id=\"link-people\"");
        reviewerHtml.ShouldNotContain("id=\"link-api-keys\"");
        reviewerHtml.ShouldNotContain("id=\"link-audit\"");
    }

    [Fact]
    public async Task OrgPage_ForTheAuthorityOfficer_ListsEveryOrganisationWithLinks()
    {
        using var officer = await App.SignInAsync(Officer);

        var html = await officer.GetStringAsync("/org");
        var other = await officer.GetStringAsync("/org/lab-cttl");

        html.ShouldContain("id=\"all-organisations\"");
        html.ShouldContain("href=\"/org/cqc\"");
        html.ShouldContain("href=\"/org/demo-customs\"");
        html.ShouldContain("href=\"/authorities#CNCA\"");
        other.ShouldContain("China Telecommunication Technology Labs");
        other.ShouldNotContain("id=\"me\"");
    }

    [Fact]
    public async Task OrgPage_OfAnotherOrganisation_ShowsNoneOfItsData()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        using var response = await admin.GetAsync("/org/cnca");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        html.ShouldContain("'cnca'");
        html.ShouldNotContain("Certification and Accreditation Administration");
        html.ShouldNotContain("国家认证认可监督管理委员会");
    }

    [Fact]
    public async Task OrgPage_OfAnUnknownOrganisation_IsNotFoundForThoseWhoReachAll()
    {
        using var officer = await App.SignInAsync(Officer);

        using var response = await officer.GetAsync("/org/no-such-org");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PeoplePage_InChinese_ShowsTranslatedRoles()
    {
        using var admin = await App.SignInAsync(BodyAdmin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var html = await admin.GetStringAsync("/org/people");

        html.ShouldContain("认证机构管理员");
        html.ShouldContain("评审员");
    }

    [Fact]
    public async Task PeoplePage_ListsTheOrganisationsPeopleWithTheInviteFormForItsRoles()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        var html = await admin.GetStringAsync("/org/people");

        html.ShouldContain("Wang Fang");
        html.ShouldContain("reviewer@cqc.example");
        html.ShouldContain("id=\"invite-form\"");
        html.ShouldContain("id=\"invite-email\"");
        html.ShouldContain("id=\"invite-submit\"");
        foreach (var role in Roles.For(OrganisationKind.CertificationBody))
        {
            html.ShouldContain($"id=\"role-{role.Name()}\"");
        }

        html.ShouldNotContain("id=\"role-lab_engineer\"");
        html.ShouldNotContain("Ma Jun");
    }

    [Fact]
    public async Task PeoplePage_OfAnotherOrganisation_IsRefusedAndShowsNoneOfItsPeople()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        using var response = await admin.GetAsync("/org/cnca/people");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        html.ShouldNotContain("Ma Jun");
        html.ShouldNotContain("officer@cnca.example");
        html.ShouldNotContain("id=\"invite-form\"");
    }

    [Fact]
    public async Task PeoplePage_ForThePlatformAdmin_ManagesAnotherOrganisation()
    {
        using var platform = await App.SignInAsync(PlatformAdmin);
        const string email = "platform.invited@cnca.example";

        var html = await platform.GetStringAsync("/org/cnca/people");
        using var invited = await PostFormAsync(platform, "/org/cnca/people", "invite", ("Email", email), ("Roles", "authority_officer"));

        html.ShouldContain("Ma Jun");
        html.ShouldContain("id=\"role-authority_officer\"");
        invited.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await invited.Content.ReadAsStringAsync()).ShouldContain("id=\"invitation-link\"");
        (await PendingInvitationsAsync(email)).ShouldHaveSingleItem().OrganisationId.ShouldBe("cnca");
    }

    [Fact]
    public async Task Invite_ThroughTheForm_ShowsAWorkingLinkOnce()
    {
        using var admin = await App.SignInAsync(BodyAdmin);
        const string email = "new.handler@cqc.example";

        using var response = await PostFormAsync(admin, "/org/people", "invite", ("Email", email), ("Roles", "application_handler"));
        var html = await response.Content.ReadAsStringAsync();
        var after = await admin.GetStringAsync("/org/people");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("id=\"people-error\"");
        var link = InvitationLink().Match(html);
        link.Success.ShouldBeTrue("the page shows no invitation link");
        var url = WebUtility.HtmlDecode(link.Groups["href"].Value);
        WebUtility.HtmlDecode(link.Groups["text"].Value).ShouldBe(url);
        url.ShouldStartWith($"{App.Address.GetLeftPart(UriPartial.Authority)}/account/invitation?token=");
        var token = Uri.UnescapeDataString(url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var found = await scope.ServiceProvider.GetRequiredService<PeopleCommands>().FindInvitationAsync(token, CancellationToken.None);
            found.ShouldNotBeNull("the link's token finds no invitation");
            found.Value.Invitation.Email.ShouldBe(email);
            found.Value.Invitation.Roles.ShouldBe([Role.ApplicationHandler]);
        }

        after.ShouldContain(email);
        after.ShouldNotContain("id=\"invitation-link\"");
        after.ShouldNotContain(token);
    }

    [Fact]
    public async Task Invite_OfAnAddressThatHasAnAccount_ShowsTheErrorAndCreatesNothing()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        using var response = await PostFormAsync(admin, "/org/people", "invite", ("Email", Reviewer), ("Roles", "reviewer"));
        var html = await response.Content.ReadAsStringAsync();

        ErrorOf(html).ShouldContain("reviewer@cqc.example already has an account");
        html.ShouldNotContain("id=\"invitation-link\"");
        (await PendingInvitationsAsync(Reviewer)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Invite_WithARoleThatDoesNotFitTheOrganisation_ShowsTheErrorAndCreatesNothing()
    {
        using var admin = await App.SignInAsync(BodyAdmin);
        const string email = "misfit@cqc.example";

        using var response = await PostFormAsync(admin, "/org/people", "invite", ("Email", email), ("Roles", "lab_engineer"));
        var html = await response.Content.ReadAsStringAsync();

        ErrorOf(html).ShouldContain("lab_engineer is not a role in a certification_body");
        html.ShouldNotContain("id=\"invitation-link\"");
        html.ShouldContain($"value=\"{email}\"");
        (await PendingInvitationsAsync(email)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not-an-address", "reviewer", "is not an e-mail address")]
    [InlineData("nobody.yet@cqc.example", null, "at least one role")]
    [InlineData("nobody.yet@cqc.example", "chief", "'chief' is not a role")]
    public async Task Invite_WithBadInput_ShowsWhatIsWrong(string email, string? role, string expected)
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        using var response = role is null
            ? await PostFormAsync(admin, "/org/people", "invite", ("Email", email))
            : await PostFormAsync(admin, "/org/people", "invite", ("Email", email), ("Roles", role));

        ErrorOf(await response.Content.ReadAsStringAsync()).ShouldContain(expected);
        (await PendingInvitationsAsync("nobody.yet@cqc.example")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Withdraw_APendingInvitation_RemovesItFromTheList()
    {
        using var admin = await App.SignInAsync(BodyAdmin);
        const string email = "to.withdraw@cqc.example";
        (await PostFormAsync(admin, "/org/people", "invite", ("Email", email), ("Roles", "auditor"))).Dispose();
        var invitation = (await PendingInvitationsAsync(email)).ShouldHaveSingleItem();

        using var response = await PostFormAsync(admin, "/org/people", "withdraw", ("invitationId", invitation.Id.ToString()));
        var after = await admin.GetStringAsync("/org/people?done=withdrawn");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PendingInvitationsAsync(email)).ShouldBeEmpty();
        after.ShouldContain("id=\"people-notice\"");
        after.ShouldNotContain(email);
    }

    [Fact]
    public async Task Deactivate_ThenReactivate_ChangesWhetherThePersonMaySignIn()
    {
        using var admin = await App.SignInAsync(BodyAdmin);
        const string email = "auditor2@cqc.example";
        var id = await PersonIdAsync(email);

        using var deactivated = await PostFormAsync(admin, "/org/people", "deactivate", ("personId", id.ToString()));
        using var stranger = App.NewBrowserlikeClient();
        using var refusedSignIn = await CertaTestApp.PostSignInAsync(stranger, email, App.PasswordOf(email));
        using var reactivated = await PostFormAsync(admin, "/org/people", "reactivate", ("personId", id.ToString()));

        deactivated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refusedSignIn.StatusCode.ShouldBe(HttpStatusCode.OK, "a deactivated person signed in");
        reactivated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PersonAsync(email)).IsActive.ShouldBeTrue();
        using var again = await App.SignInAsync(email);
    }

    [Fact]
    public async Task Deactivate_Yourself_IsRefusedAndChangesNothing()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        using var response = await PostFormAsync(admin, "/org/people", "deactivate", ("personId", (await PersonIdAsync(BodyAdmin)).ToString()));

        ErrorOf(await response.Content.ReadAsStringAsync()).ShouldContain("You cannot deactivate yourself");
        (await PersonAsync(BodyAdmin)).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task SetRoles_RemovingYourOwnAdminRole_IsRefusedAndChangesNothing()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        using var response = await PostFormAsync(admin, "/org/people", "roles",
            ("personId", (await PersonIdAsync(BodyAdmin)).ToString()), ("PersonRoles", "reviewer"));

        ErrorOf(await response.Content.ReadAsStringAsync()).ShouldContain("You cannot remove your own admin role");
        (await PersonAsync(BodyAdmin)).Roles.ShouldBe([Role.BodyAdmin]);
    }

    [Fact]
    public async Task SetRoles_ThroughTheForm_SavesTheTickedRoles()
    {
        using var admin = await App.SignInAsync(BodyAdmin);
        const string email = "decider@cqc.example";
        var id = (await PersonIdAsync(email)).ToString();

        using var response = await PostFormAsync(admin, "/org/people", "roles",
            ("personId", id), ("PersonRoles", "decision_maker"), ("PersonRoles", "reviewer"));
        var roles = (await PersonAsync(email)).Roles;
        (await PostFormAsync(admin, "/org/people", "roles", ("personId", id), ("PersonRoles", "decision_maker"))).Dispose();

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        roles.ShouldBe([Role.Reviewer, Role.DecisionMaker], ignoreOrder: true);
        (await PersonAsync(email)).Roles.ShouldBe([Role.DecisionMaker]);
    }

    [Fact]
    public async Task PeopleForms_PostedForAnotherOrganisation_AreRefusedAndChangeNothing()
    {
        using var admin = await App.SignInAsync(BodyAdmin);
        var token = await CertaTestApp.AntiforgeryTokenAsync(admin, "/org/people");

        using var response = await admin.PostAsync("/org/cnca/people?handler=deactivate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["personId"] = (await PersonIdAsync(Officer)).ToString(),
            ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Ma Jun");
        (await PersonAsync(Officer)).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task PeopleForm_WithoutTheAntiforgeryToken_IsRejected()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        using var response = await admin.PostAsync("/org/people?handler=invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "forged@cqc.example",
            ["Roles"] = "reviewer",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PendingInvitationsAsync("forged@cqc.example")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ApiKey_IssuedThroughTheForm_IsShownOnceWorksAndCanBeRevoked()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        using var issued = await PostFormAsync(admin, "/org/api-keys", "issue",
            ("Name", "customs gateway"), ("Scopes", "audit_read"), ("Scopes", "profile_read"), ("ExpiresOn", ""));
        var html = await issued.Content.ReadAsStringAsync();
        var key = NewApiKey().Match(html).Groups["key"].Value;
        var keyId = key.Length > 19 ? key[3..19] : "";
        using var machine = new HttpClient { BaseAddress = App.Address };
        machine.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var before = await machine.GetAsync("/api/v1/me");
        var list = await admin.GetStringAsync("/org/api-keys");
        using var revoked = await PostFormAsync(admin, "/org/api-keys", "revoke", ("keyId", keyId));
        using var after = await machine.GetAsync("/api/v1/me");

        key.ShouldStartWith("ck_");
        html.ShouldContain($"curl -H &quot;Authorization: Bearer {key}&quot; {App.Address.GetLeftPart(UriPartial.Authority)}/api/v1/me");
        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.ShouldContain("customs gateway");
        list.ShouldContain(keyId);
        list.ShouldNotContain(key);
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiKey_WithAScopeTheOrganisationCannotGive_ShowsTheErrorAndIssuesNothing()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        using var response = await PostFormAsync(admin, "/org/api-keys", "issue", ("Name", "too wide"), ("Scopes", "people_manage"));
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("id=\"keys-error\"");
        html.ShouldContain("people_manage cannot be given");
        html.ShouldNotContain("id=\"new-api-key\"");
        await using var scope = App.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<CertaDbContext>().ApiKeys.AnyAsync(k => k.Name == "too wide")).ShouldBeFalse();
    }

    [Fact]
    public async Task AdminPage_CreatesAnOrganisation_AndRefusesADuplicateReadably()
    {
        using var platform = await App.SignInAsync(PlatformAdmin);
        (string, string)[] form =
        [
            ("Id", "acme-verifier"), ("Kind", "verifier"), ("NameEn", "Acme Marketplace"), ("NameZh", "示例电商平台"), ("RegistryId", ""), ("Country", "cn"),
        ];

        using var created = await PostFormAsync(platform, "/admin/organisations", null, form);
        var list = await platform.GetStringAsync(created.Headers.Location!.ToString());
        using var duplicate = await PostFormAsync(platform, "/admin/organisations", null, form);
        var html = WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync());

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        list.ShouldContain("id=\"admin-created\"");
        list.ShouldContain("Acme Marketplace");
        html.ShouldContain("id=\"admin-error\"");
        html.ShouldContain("An organisation with id 'acme-verifier' already exists.");
    }

    [Fact]
    public async Task AdminPage_BodyWithoutRegistryEntry_ShowsTheErrorAndCreatesNothing()
    {
        using var platform = await App.SignInAsync(PlatformAdmin);

        using var response = await PostFormAsync(platform, "/admin/organisations", null,
            ("Id", "nameless-body"), ("Kind", "certification_body"), ("NameEn", "Nameless"), ("RegistryId", ""));
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("id=\"admin-error\"");
        html.ShouldContain("must name the registry entry");
        await using var scope = App.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<CertaDbContext>().Organisations.AnyAsync(o => o.Id == "nameless-body")).ShouldBeFalse();
    }

    [Fact]
    public async Task AuditPage_ForTheBodyAdmin_ListsOnlyItsOrganisationsEvents()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        var html = await admin.GetStringAsync("/audit?organisation=cnca");

        var organisations = EventOrganisations(html);
        organisations.ShouldNotBeEmpty();
        organisations.ShouldAllBe(o => o == "cqc");
        html.ShouldNotContain("name=\"organisation\"");
        html.ShouldNotContain("id=\"verify-chain\"");
    }

    [Fact]
    public async Task AuditPage_ForTheAuthorityOfficer_ListsOtherOrganisationsToo_AndFiltersByOne()
    {
        using var officer = await App.SignInAsync(Officer);

        var all = await officer.GetStringAsync("/audit");
        var labOnly = await officer.GetStringAsync("/audit?organisation=lab-cttl");

        EventOrganisations(all).Distinct().Count().ShouldBeGreaterThan(1);
        EventOrganisations(all).ShouldContain(o => o != "cnca");
        EventOrganisations(labOnly).ShouldNotBeEmpty();
        EventOrganisations(labOnly).ShouldAllBe(o => o == "lab-cttl");
    }

    [Fact]
    public async Task AuditPage_ListsNewestFirst()
    {
        using var officer = await App.SignInAsync(Officer);

        var sequences = Sequences().Matches(await officer.GetStringAsync("/audit")).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        sequences.Count.ShouldBeGreaterThan(1);
        sequences.ShouldBe(sequences.OrderDescending().ToList());
    }

    [Fact]
    public async Task AuditPage_WithABadFilter_ExplainsTheProblemAndShowsNoTable()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        using var response = await admin.GetAsync("/audit?from=yesterday&to=2026-13-45");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"audit-problems\"");
        html.ShouldContain("&#x27;yesterday&#x27; is not a date");
        html.ShouldContain("&#x27;2026-13-45&#x27; is not a date");
        html.ShouldNotContain("id=\"audit-table\"");
    }

    [Fact]
    public async Task AuditPage_CsvLink_DownloadsTheSameFilteredEvents()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        var html = await admin.GetStringAsync("/audit?entityType=person");
        var href = WebUtility.HtmlDecode(CsvLink().Match(html).Groups[1].Value);
        using var response = await admin.GetAsync(href);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        href.ShouldBe("/api/v1/audit/events.csv?entityType=person");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        lines[0].ShouldStartWith("sequence,occurred_at,actor,organisation,action,entity_type");
        lines.Length.ShouldBeGreaterThan(1);
        lines.Skip(1).Select(l => l.Split(',')).ShouldAllBe(f => f[3] == "cqc" && f[5] == "person");
    }

    [Fact]
    public async Task VerifyChain_ForTheAuthorityOfficer_ReportsAnIntactChain()
    {
        using var officer = await App.SignInAsync(Officer);

        using var response = await PostFormAsync(officer, "/audit", null);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("id=\"chain-result\" data-intact=\"true\"");
        html.ShouldContain("The chain is intact");
        html.ShouldContain("id=\"audit-table\"");
    }

    [Fact]
    public async Task VerifyChain_ForTheBodyAdmin_IsRefused()
    {
        using var admin = await App.SignInAsync(BodyAdmin);

        using var response = await PostFormAsync(admin, "/audit", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("id=\"chain-result\"");
    }

    /// <summary>Posts a page's form as a browser would: the token from the page, then the fields (a key may repeat).</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string? handler, params (string Key, string Value)[] fields)
    {
        var token = await CertaTestApp.AntiforgeryTokenAsync(client, path);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return await client.PostAsync(handler is null ? path : $"{path}?handler={handler}", new FormUrlEncodedContent(form));
    }

    private static string ErrorOf(string html)
    {
        var match = PeopleError().Match(html);
        match.Success.ShouldBeTrue("the page shows no #people-error");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static List<string> EventOrganisations(string html) =>
        [.. EventOrganisation().Matches(html).Select(m => m.Groups[1].Value)];

    private async Task<List<Invitation>> PendingInvitationsAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertaDbContext>().Invitations.AsNoTracking()
            .Where(i => i.Email == email && i.Status == InvitationStatus.Pending).ToListAsync();
    }

    private async Task<Person> PersonAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertaDbContext>().People.AsNoTracking().SingleAsync(p => p.Email == email);
    }

    private async Task<Guid> PersonIdAsync(string email) => (await PersonAsync(email)).Id;

    [GeneratedRegex("<a id=\"invitation-link\" href=\"(?<href>[^\"]+)\">(?<text>[^<]+)</a>")]
    private static partial Regex InvitationLink();

    [GeneratedRegex("<code id=\"new-api-key\">(?<key>[^<]+)</code>")]
    private static partial Regex NewApiKey();

    [GeneratedRegex("id=\"people-error\">([^<]*)<")]
    private static partial Regex PeopleError();

    [GeneratedRegex("data-organisation=\"([^\"]*)\"")]
    private static partial Regex EventOrganisation();

    [GeneratedRegex("data-sequence=\"(\\d+)\"")]
    private static partial Regex Sequences();

    [GeneratedRegex("href=\"([^\"]+)\" id=\"audit-csv\"")]
    private static partial Regex CsvLink();
}

[Collection("sqlite")]
public sealed class SqliteOrgPagesTests(SqliteDemoAppFixture fixture) : OrgPagesTests(fixture), IClassFixture<SqliteDemoAppFixture>;

[Collection("postgres")]
public sealed class PostgresOrgPagesTests(PostgresDemoAppFixture fixture) : OrgPagesTests(fixture), IClassFixture<PostgresDemoAppFixture>;
