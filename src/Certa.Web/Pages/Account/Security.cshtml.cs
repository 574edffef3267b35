using Certa.Domain.Organisations;
using Certa.Infrastructure.Identity;
using Certa.Infrastructure.Organisations;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace Certa.Web.Pages.Account;

/// <summary>
/// A signed-in person's own credentials: change the password, turn two-factor sign-in (TOTP) on or
/// off. Each change is written to the audit trail (never the credential itself) and the session is
/// renewed, since Identity changes the security stamp with every credential change.
/// </summary>
[Authorize]
[EnableRateLimiting(AccessServices.SignInLimit)]
public sealed class SecurityModel(
    UserManager<CertaUser> users,
    SignInManager<CertaUser> signIn,
    PeopleCommands people,
    UiText text,
    ILogger<SecurityModel> log) : PageModel
{
    private CertaUser user = null!;

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Which change just succeeded (after the redirect): <c>password</c>, <c>twofactor-on</c>, <c>twofactor-off</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>Shows the key of a two-factor set-up that was started but not yet confirmed.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Setup { get; set; }

    public string Email { get; private set; } = string.Empty;

    public bool TwoFactorEnabled { get; private set; }

    /// <summary>The authenticator key in groups of four, while two-factor is being set up.</summary>
    public string? SetupKey { get; private set; }

    /// <summary>A <c>data:</c> URI of the PNG QR code of the <c>otpauth://</c> link.</summary>
    public string? SetupQrCode { get; private set; }

    public string? Notice { get; private set; }

    public string? PasswordError { get; private set; }

    public string? TwoFactorError { get; private set; }

    public string Rule => PasswordRule(text, users.Options.Password);

    /// <summary>The password policy in the reader's language, from Identity's options.</summary>
    public static string PasswordRule(UiText text, PasswordOptions options) =>
        Lang.Format(text["password.rule"], options.RequiredLength, options.RequiredUniqueChars);

    public async Task OnGetAsync()
    {
        Notice = Done switch
        {
            "password" => text["password.changed"],
            "twofactor-on" => text["twofactor.enabled"],
            "twofactor-off" => text["twofactor.disabled"],
            _ => null,
        };
        await LoadAsync(Setup);
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(CurrentPassword) || string.IsNullOrEmpty(NewPassword))
        {
            PasswordError = text["password.missing"];
        }
        else if (NewPassword != ConfirmPassword)
        {
            PasswordError = text["password.mismatch"];
        }
        else
        {
            var (current, next) = (CurrentPassword, NewPassword);
            var result = await people.ChangeCredentialsAsync(HttpContext.Command(), user.Id, CredentialChange.PasswordChanged,
                () => users.ChangePasswordAsync(user, current, next), ct);
            if (result.Succeeded)
            {
                await AfterChangeAsync(CredentialChange.PasswordChanged);
                return RedirectToPage(new { done = "password" });
            }

            log.LogWarning("Password change refused for {Email}: {Codes}", user.Email, string.Join(", ", result.Errors.Select(e => e.Code)));
            PasswordError = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? text["password.wrong-current"]
                : result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? $"{text["password.weak"]} {Rule}"
                : string.Join(" ", result.Errors.Select(e => e.Description));
        }

        await LoadAsync(setup: false);
        return Page();
    }

    /// <summary>Makes a new authenticator key; two-factor stays off until a code from it is confirmed.</summary>
    public async Task<IActionResult> OnPostStartTwoFactorAsync()
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        return RedirectToPage(new { setup = true });
    }

    public async Task<IActionResult> OnPostConfirmTwoFactorAsync(CancellationToken ct)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length > 0 && await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            await people.ChangeCredentialsAsync(HttpContext.Command(), user.Id, CredentialChange.TwoFactorEnabled,
                () => users.SetTwoFactorEnabledAsync(user, true), ct);
            await AfterChangeAsync(CredentialChange.TwoFactorEnabled);
            return RedirectToPage(new { done = "twofactor-on" });
        }

        log.LogWarning("Two-factor set-up code refused for {Email}", user.Email);
        TwoFactorError = text["twofactor.wrong-code"];
        await LoadAsync(setup: true);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync(CancellationToken ct)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }

        if (string.IsNullOrEmpty(CurrentPassword) || !await users.CheckPasswordAsync(user, CurrentPassword))
        {
            log.LogWarning("Turning off two-factor refused for {Email}: wrong password", user.Email);
            TwoFactorError = text["password.wrong-current"];
            await LoadAsync(setup: false);
            return Page();
        }

        await people.ChangeCredentialsAsync(HttpContext.Command(), user.Id, CredentialChange.TwoFactorDisabled, async () =>
        {
            var off = await users.SetTwoFactorEnabledAsync(user, false);
            // A device enrolled with the old key must not work again if two-factor is turned back on.
            return off.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : off;
        }, ct);
        await AfterChangeAsync(CredentialChange.TwoFactorDisabled);
        return RedirectToPage(new { done = "twofactor-off" });
    }

    /// <summary>Every handler works on the signed-in person's own account: anonymous requests are sent to sign in, machine clients refused.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpContext.Actor() is not { } actor)
        {
            context.Result = Challenge();
            return;
        }

        if (actor.PersonId is not { } id || await users.FindByIdAsync(id.ToString()) is not { } found)
        {
            context.Result = Forbid();
            return;
        }

        user = found;
        await next();
    }

    private async Task AfterChangeAsync(CredentialChange change)
    {
        await signIn.RefreshSignInAsync(user);
        log.LogInformation("Credential change for {Email}: {Change}", user.Email, change);
    }

    private async Task LoadAsync(bool setup)
    {
        Email = user.Email ?? string.Empty;
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (TwoFactorEnabled || !setup || await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return;
        }

        SetupKey = string.Join(' ', key.Chunk(4).Select(c => new string(c)));
        var link = $"otpauth://totp/Certa:{Uri.EscapeDataString(Email)}?secret={key}&issuer=Certa&digits=6";
        SetupQrCode = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(link, QRCodeGenerator.ECCLevel.Q, 5));
    }
}
