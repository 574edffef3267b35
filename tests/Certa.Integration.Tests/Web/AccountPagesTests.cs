using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Web;

/// <summary>
/// The account pages through the real app: joining by invitation, changing the password, turning
/// two-factor sign-in on and off and signing in with a code, and the refusal page. Each test works
/// on a person it invites itself, so no test changes what another sees.
/// </summary>
public abstract partial class AccountPagesTests(DemoAppFixture fixture)
{
    private const string BodyAdmin = "admin@cqc.example";
    private const string GoodPassword = "Blue-Kettle-Morning-42";

    private CertaTestApp App => fixture.App;

    [Fact]
    public async Task InvitationPage_ShowsOrganisationEmailAndRoles()
    {
        var (email, link) = await InviteAsync();
        using var client = App.NewBrowserlikeClient();

        var html = await client.GetStringAsync(link);

        html.ShouldContain("China Quality Certification Centre");
        html.ShouldContain(email);
        html.ShouldContain("Reviewer");
        html.ShouldContain("id=\"invitation-form\"");
    }

    [Fact]
    public async Task InvitationPage_InChinese_NamesTheOrganisationAndRoleInChinese()
    {
        var (_, link) = await InviteAsync();
        using var client = App.NewBrowserlikeClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");

        var html = await client.GetStringAsync(link);

        html.ShouldContain("中国质量认证中心");
        html.ShouldContain("评审人员");
        html.ShouldContain("创建账户");
    }

    [Fact]
    public async Task AcceptInvitation_WithValidForm_CreatesThePersonAndSignsThemIn()
    {
        var (email, link) = await InviteAsync();
        using var client = App.NewBrowserlikeClient();

        using var response = await PostInvitationAsync(client, link, "Gao Yan", GoodPassword, GoodPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/org");
        var me = await client.GetJsonAsync("/api/v1/me");
        me.Str("displayName").ShouldBe("Gao Yan");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["reviewer"]);
        me.GetProperty("organisation").Str("id").ShouldBe("cqc");
        (await PendingInvitationEmailsAsync()).ShouldNotContain(email);
        (await CanSignInAsync(email, GoodPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task AcceptInvitation_WithWeakPassword_CreatesNothing()
    {
        var (email, link) = await InviteAsync();
        using var client = App.NewBrowserlikeClient();

        var html = await RefusedInvitationAsync(client, link, "Gao Yan", "weakpass1", "weakpass1");

        html.ShouldContain("too weak");
        html.ShouldContain("At least 12 characters");
        await ShouldHaveCreatedNothingAsync(email, "weakpass1");
    }

    [Fact]
    public async Task AcceptInvitation_WithMismatchedConfirmation_CreatesNothing()
    {
        var (email, link) = await InviteAsync();
        using var client = App.NewBrowserlikeClient();

        var html = await RefusedInvitationAsync(client, link, "Gao Yan", GoodPassword, GoodPassword + "x");

        html.ShouldContain("The two passwords are not the same");
        await ShouldHaveCreatedNothingAsync(email, GoodPassword);
    }

    [Fact]
    public async Task AcceptInvitation_WithEmptyName_CreatesNothing()
    {
        var (email, link) = await InviteAsync();
        using var client = App.NewBrowserlikeClient();

        var html = await RefusedInvitationAsync(client, link, "   ", GoodPassword, GoodPassword);

        html.ShouldContain("Enter your name");
        await ShouldHaveCreatedNothingAsync(email, GoodPassword);
    }

    [Fact]
    public async Task AcceptInvitation_SecondTime_IsRefusedWithoutAForm()
    {
        var (email, link) = await InviteAsync();
        using (var first = App.NewBrowserlikeClient())
        {
            using var accepted = await PostInvitationAsync(first, link, "Gao Yan", GoodPassword, GoodPassword);
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var second = App.NewBrowserlikeClient();
        // The used link's page has no form any more; any form's token will do for this client.
        var token = await CertaTestApp.AntiforgeryTokenAsync(second, "/account/login");
        using var again = await second.PostAsync("/account/invitation", Form(new()
        {
            ["Token"] = TokenOf(link),
            ["DisplayName"] = "Somebody Else",
            ["Password"] = "Another-Password-77",
            ["ConfirmPassword"] = "Another-Password-77",
            ["__RequestVerificationToken"] = token,
        }));
        var html = await again.Content.ReadAsStringAsync();
        var page = await second.GetStringAsync(link);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("id=\"invitation-unusable\"");
        html.ShouldContain("already been accepted");
        html.ShouldNotContain("id=\"invitation-form\"");
        page.ShouldContain("already been accepted");
        (await CanSignInAsync(email, "Another-Password-77")).ShouldBeFalse();
        (await CanSignInAsync(email, GoodPassword)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/account/invitation?token=not-a-real-token")]
    [InlineData("/account/invitation")]
    public async Task InvitationPage_WithUnknownToken_SaysTheLinkIsNotValid(string url)
    {
        using var client = App.NewBrowserlikeClient();

        var html = await client.GetStringAsync(url);

        html.ShouldContain("id=\"invitation-unusable\"");
        html.ShouldContain("This invitation link is not valid");
        html.ShouldNotContain("id=\"invitation-form\"");
    }

    [Fact]
    public async Task InvitationPage_WhenWithdrawn_SaysSo()
    {
        using var admin = await App.SignInAsync(BodyAdmin);
        var (email, link) = await InviteAsync();
        var invitations = await admin.GetJsonAsync("/api/v1/organisations/cqc/invitations");
        var id = invitations.EnumerateArray().Single(i => i.Str("email") == email).Str("id");
        using var revoked = await admin.DeleteAsync($"/api/v1/organisations/cqc/invitations/{id}");
        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var client = App.NewBrowserlikeClient();

        var html = await client.GetStringAsync(link);

        html.ShouldContain("withdrawn");
        html.ShouldNotContain("id=\"invitation-form\"");
    }

    [Fact]
    public async Task AcceptInvitation_WithoutAntiforgeryToken_IsRefused()
    {
        var (email, link) = await InviteAsync();
        using var client = App.NewBrowserlikeClient();

        using var response = await client.PostAsync("/account/invitation", Form(new()
        {
            ["Token"] = TokenOf(link),
            ["DisplayName"] = "Gao Yan",
            ["Password"] = GoodPassword,
            ["ConfirmPassword"] = GoodPassword,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldHaveCreatedNothingAsync(email, GoodPassword);
    }

    [Fact]
    public async Task SecurityPage_WhenAnonymous_SendsToSignIn()
    {
        using var client = App.NewBrowserlikeClient();

        using var response = await client.GetAsync("/account/security");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task ChangePassword_ThenSignIn_TakesTheNewPasswordOnly()
    {
        var (client, email, personId) = await JoinAsync();
        const string newPassword = "Green-Lantern-Harbour-7";

        using var response = await PostSecurityAsync(client, "Password", new()
        {
            ["CurrentPassword"] = GoodPassword,
            ["NewPassword"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(response.Headers.Location!)).ShouldContain("Your password has been changed");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "the session survives its own password change");
        (await CanSignInAsync(email, GoodPassword)).ShouldBeFalse();
        (await CanSignInAsync(email, newPassword)).ShouldBeTrue();
        (await PersonEventsAsync(personId)).ShouldContain("person.password_changed");
        client.Dispose();
    }

    [Fact]
    public async Task ChangePassword_WithWrongCurrentPassword_ChangesNothing()
    {
        var (client, email, personId) = await JoinAsync();

        using var response = await PostSecurityAsync(client, "Password", new()
        {
            ["CurrentPassword"] = "Not-The-Password-1",
            ["NewPassword"] = "Green-Lantern-Harbour-7",
            ["ConfirmPassword"] = "Green-Lantern-Harbour-7",
        });
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("id=\"password-error\"");
        html.ShouldContain("The current password is not correct");
        (await CanSignInAsync(email, GoodPassword)).ShouldBeTrue();
        (await PersonEventsAsync(personId)).ShouldNotContain("person.password_changed");
        client.Dispose();
    }

    [Fact]
    public async Task ChangePassword_WithMismatchedConfirmation_ChangesNothing()
    {
        var (client, email, _) = await JoinAsync();

        using var response = await PostSecurityAsync(client, "Password", new()
        {
            ["CurrentPassword"] = GoodPassword,
            ["NewPassword"] = "Green-Lantern-Harbour-7",
            ["ConfirmPassword"] = "Green-Lantern-Harbour-8",
        });

        (await response.Content.ReadAsStringAsync()).ShouldContain("The two passwords are not the same");
        (await CanSignInAsync(email, GoodPassword)).ShouldBeTrue();
        client.Dispose();
    }

    [Fact]
    public async Task ChangePassword_ToWeakPassword_ChangesNothing()
    {
        var (client, email, personId) = await JoinAsync();

        using var response = await PostSecurityAsync(client, "Password", new()
        {
            ["CurrentPassword"] = GoodPassword,
            ["NewPassword"] = "weakpass1",
            ["ConfirmPassword"] = "weakpass1",
        });

        (await response.Content.ReadAsStringAsync()).ShouldContain("That password is too weak");
        (await CanSignInAsync(email, GoodPassword)).ShouldBeTrue();
        (await PersonEventsAsync(personId)).ShouldNotContain("person.password_changed");
        client.Dispose();
    }

    [Fact]
    public async Task TwoFactor_WhenEnabled_SignInNeedsTheCode()
    {
        var (client, email, personId) = await JoinAsync();

        var key = await EnableTwoFactorAsync(client);

        (await client.GetStringAsync("/account/security")).ShouldContain("data-enabled=\"true\"");
        (await PersonEventsAsync(personId)).ShouldContain("person.two_factor_enabled");
        using var next = App.NewBrowserlikeClient();
        using var password = await CertaTestApp.PostSignInAsync(next, email, GoodPassword);
        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        password.Headers.Location!.ToString().ShouldStartWith("/account/login-two-factor");
        (await next.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the password alone does not sign in");

        using var wrong = await PostTwoFactorCodeAsync(next, password.Headers.Location!.ToString(), Totp.WrongCode(key, DateTimeOffset.UtcNow));
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("That code is not correct");
        (await next.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var right = await PostTwoFactorCodeAsync(next, password.Headers.Location!.ToString(), Totp.Code(key, DateTimeOffset.UtcNow));
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.Location!.ToString().ShouldBe("/org");
        (await next.GetJsonAsync("/api/v1/me")).Str("actor").ShouldBe($"person:{personId}");
        client.Dispose();
    }

    [Fact]
    public async Task TwoFactorSignIn_AfterFiveWrongCodes_IsLockedOutEvenWithTheRightCode()
    {
        var (client, email, _) = await JoinAsync();
        var key = await EnableTwoFactorAsync(client);
        using var next = App.NewBrowserlikeClient();
        using var password = await CertaTestApp.PostSignInAsync(next, email, GoodPassword);
        var page = password.Headers.Location!.ToString();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await PostTwoFactorCodeAsync(next, page, Totp.WrongCode(key, DateTimeOffset.UtcNow));
        }

        using var right = await PostTwoFactorCodeAsync(next, page, Totp.Code(key, DateTimeOffset.UtcNow));

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.Content.ReadAsStringAsync()).ShouldContain("locked");
        (await next.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        client.Dispose();
    }

    [Fact]
    public async Task TwoFactor_WithWrongSetupCode_StaysOff()
    {
        var (client, email, personId) = await JoinAsync();
        using var start = await PostSecurityAsync(client, "StartTwoFactor", []);
        var key = KeyOn(await client.GetStringAsync(start.Headers.Location!));

        using var confirm = await PostSecurityAsync(client, "ConfirmTwoFactor", new() { ["Code"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
        var html = await confirm.Content.ReadAsStringAsync();

        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("id=\"twofactor-error\"");
        KeyOn(html).ShouldBe(key, "the same key is shown again for another try");
        (await CanSignInAsync(email, GoodPassword)).ShouldBeTrue("two-factor is still off");
        (await PersonEventsAsync(personId)).ShouldNotContain("person.two_factor_enabled");
        client.Dispose();
    }

    [Fact]
    public async Task TwoFactorSetup_ShowsGroupedKeyAndQrCode()
    {
        var (client, _, _) = await JoinAsync();
        using var start = await PostSecurityAsync(client, "StartTwoFactor", []);

        var html = await client.GetStringAsync(start.Headers.Location!);

        Regex.IsMatch(html, "id=\"twofactor-key\">([A-Z2-7]{4} )+[A-Z2-7]{1,4}<").ShouldBeTrue();
        html.ShouldContain("src=\"data:image/png;base64,");
        client.Dispose();
    }

    [Fact]
    public async Task TwoFactor_Disable_NeedsThePassword_ThenSignInNeedsNoCode()
    {
        var (client, email, personId) = await JoinAsync();
        await EnableTwoFactorAsync(client);

        using var refused = await PostSecurityAsync(client, "DisableTwoFactor", new() { ["CurrentPassword"] = "Not-The-Password-1" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("The current password is not correct");
        (await PersonEventsAsync(personId)).ShouldNotContain("person.two_factor_disabled");

        using var disabled = await PostSecurityAsync(client, "DisableTwoFactor", new() { ["CurrentPassword"] = GoodPassword });

        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(disabled.Headers.Location!)).ShouldContain("data-enabled=\"false\"");
        (await CanSignInAsync(email, GoodPassword)).ShouldBeTrue();
        (await PersonEventsAsync(personId)).ShouldContain("person.two_factor_disabled");
        client.Dispose();
    }

    [Fact]
    public async Task TwoFactorPage_WithoutThePasswordStep_SendsBackToSignIn()
    {
        using var client = App.NewBrowserlikeClient();

        var html = await client.GetStringAsync("/account/login-two-factor?returnUrl=%2Forg");

        html.ShouldContain("Your sign-in has timed out");
        html.ShouldNotContain("id=\"two-factor-form\"");
    }

    [Fact]
    public async Task DeniedPage_ForASignedInPerson_Explains()
    {
        using var client = await App.SignInAsync("reviewer@cqc.example");

        using var response = await client.GetAsync("/account/denied");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        html.ShouldContain("Zhang Wei");
        html.ShouldContain("your roles do not allow you to open that page");
        html.ShouldContain("id=\"denied-home\"");
    }

    [Fact]
    public async Task DeniedPage_InChinese_Explains()
    {
        using var client = await App.SignInAsync("reviewer@cqc.example");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await client.GetAsync("/account/denied");

        (await response.Content.ReadAsStringAsync()).ShouldContain("您的角色无权打开该页面");
    }

    [Fact]
    public void Totp_MatchesTheRfc6238TestVector()
    {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890" at T = 59 s: 94287082, of which the last 6 digits.
        Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)).ShouldBe("287082");
        Totp.Code("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", DateTimeOffset.FromUnixTimeSeconds(1111111109)).ShouldBe("081804");
    }

    /// <summary>Invites a new address to CQC as a reviewer, as the body admin; the link as a local path.</summary>
    private async Task<(string Email, string Link)> InviteAsync()
    {
        var email = $"invitee-{Guid.NewGuid():N}@cqc.example";
        using var admin = await App.SignInAsync(BodyAdmin);
        using var response = await admin.PostAsync("/api/v1/organisations/cqc/invitations",
            Json.Body(new { email, roles = new[] { "reviewer" } }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var link = new Uri((await response.ReadJsonAsync()).Str("link"));
        link.AbsolutePath.ShouldBe("/account/invitation");
        return (email, link.PathAndQuery);
    }

    /// <summary>A person who joined by invitation with <see cref="GoodPassword"/>, and their signed-in client.</summary>
    private async Task<(HttpClient Client, string Email, Guid PersonId)> JoinAsync()
    {
        var (email, link) = await InviteAsync();
        var client = App.NewBrowserlikeClient();
        using var response = await PostInvitationAsync(client, link, "Gao Yan", GoodPassword, GoodPassword);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var actor = (await client.GetJsonAsync("/api/v1/me")).Str("actor");
        return (client, email, Guid.Parse(actor["person:".Length..]));
    }

    private static async Task<HttpResponseMessage> PostInvitationAsync(HttpClient client, string link, string name, string password, string confirm)
    {
        var token = await CertaTestApp.AntiforgeryTokenAsync(client, link);
        return await client.PostAsync("/account/invitation", Form(new()
        {
            ["Token"] = TokenOf(link),
            ["DisplayName"] = name,
            ["Password"] = password,
            ["ConfirmPassword"] = confirm,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Posts the invitation form, expects the page again with its error, and returns the page.</summary>
    private static async Task<string> RefusedInvitationAsync(HttpClient client, string link, string name, string password, string confirm)
    {
        using var response = await PostInvitationAsync(client, link, name, password, confirm);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("id=\"invitation-error\"");
        html.ShouldContain("id=\"invitation-form\"", customMessage: "the form stays for another try");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        return html;
    }

    /// <summary>The invitation is still pending, nobody has the address, and it cannot sign in.</summary>
    private async Task ShouldHaveCreatedNothingAsync(string email, string password)
    {
        (await PendingInvitationEmailsAsync()).ShouldContain(email);
        using var admin = await App.SignInAsync(BodyAdmin);
        var people = await admin.GetJsonAsync("/api/v1/organisations/cqc/people");
        people.EnumerateArray().Select(p => p.Str("email")).ShouldNotContain(email);
        (await CanSignInAsync(email, password)).ShouldBeFalse();
    }

    private async Task<IReadOnlyList<string>> PendingInvitationEmailsAsync()
    {
        using var admin = await App.SignInAsync(BodyAdmin);
        var invitations = await admin.GetJsonAsync("/api/v1/organisations/cqc/invitations");
        return [.. invitations.EnumerateArray().Where(i => i.Str("status") == "pending").Select(i => i.Str("email"))];
    }

    /// <summary>Whether the password step of sign-in accepts <paramref name="password"/> (a redirect, to the app or to the code page).</summary>
    private async Task<bool> CanSignInAsync(string email, string password)
    {
        using var client = App.NewBrowserlikeClient();
        using var response = await CertaTestApp.PostSignInAsync(client, email, password);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    /// <summary>The actions of the audit events about <paramref name="personId"/>, as the body admin reads them.</summary>
    private async Task<IReadOnlyList<string>> PersonEventsAsync(Guid personId)
    {
        using var admin = await App.SignInAsync(BodyAdmin);
        var events = await admin.GetJsonAsync($"/api/v1/audit/events?entityType=person&entityId={personId}&pageSize=100");
        return [.. events.Items().Select(e => e.Str("action"))];
    }

    private static async Task<HttpResponseMessage> PostSecurityAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await CertaTestApp.AntiforgeryTokenAsync(client, "/account/security");
        return await client.PostAsync($"/account/security?handler={handler}", Form(fields));
    }

    /// <summary>Starts the set-up, reads the key off the page, confirms with a code computed from it; returns the key.</summary>
    private static async Task<string> EnableTwoFactorAsync(HttpClient client)
    {
        using var start = await PostSecurityAsync(client, "StartTwoFactor", []);
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var key = KeyOn(await client.GetStringAsync(start.Headers.Location!));
        using var confirm = await PostSecurityAsync(client, "ConfirmTwoFactor", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect, await confirm.Content.ReadAsStringAsync());
        (await client.GetStringAsync(confirm.Headers.Location!)).ShouldContain("Two-factor sign-in is now on");
        return key;
    }

    private static async Task<HttpResponseMessage> PostTwoFactorCodeAsync(HttpClient client, string page, string code)
    {
        var token = await CertaTestApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(page, Form(new() { ["Code"] = code, ["__RequestVerificationToken"] = token }));
    }

    private static string KeyOn(string html)
    {
        var match = SetupKey().Match(html);
        match.Success.ShouldBeTrue("the page shows the authenticator key");
        return match.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    private static string TokenOf(string link) =>
        Uri.UnescapeDataString(Regex.Match(link, "[?&]token=([^&]+)").Groups[1].Value);

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    [GeneratedRegex("id=\"twofactor-key\">([A-Z2-7 ]+)<")]
    private static partial Regex SetupKey();

    /// <summary>RFC 6238 time-based codes as an authenticator app makes them: HMAC-SHA1, 30-second steps, 6 digits.</summary>
    private static class Totp
    {
        private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static string Code(string base32Key, DateTimeOffset at) => CodeAt(Decode(base32Key), at.ToUnixTimeSeconds() / 30);

        /// <summary>A 6-digit code that none of the steps the server accepts around <paramref name="at"/> gives.</summary>
        public static string WrongCode(string base32Key, DateTimeOffset at)
        {
            var key = Decode(base32Key);
            var step = at.ToUnixTimeSeconds() / 30;
            var accepted = Enumerable.Range(-3, 7).Select(i => CodeAt(key, step + i)).ToHashSet();
            return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !accepted.Contains(c));
        }

        private static string CodeAt(byte[] key, long step)
        {
            var counter = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238's default, and what authenticator apps and ASP.NET Core Identity use.
            var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
            var offset = hash[^1] & 0x0f;
            var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
            return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        }

        private static byte[] Decode(string text)
        {
            var bytes = new List<byte>();
            int buffer = 0, bits = 0;
            foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
            {
                var value = Base32.IndexOf(c, StringComparison.Ordinal);
                value.ShouldBeGreaterThanOrEqualTo(0, $"'{c}' is not a base32 character");
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8)
                {
                    bits -= 8;
                    bytes.Add((byte)(buffer >> bits));
                    buffer &= (1 << bits) - 1;
                }
            }

            return [.. bytes];
        }
    }
}

[Collection("sqlite")]
public sealed class SqliteAccountPagesTests(SqliteDemoAppFixture fixture) : AccountPagesTests(fixture), IClassFixture<SqliteDemoAppFixture>;
