using Certa.Infrastructure.Identity;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Certa.Web.Pages.Account;

/// <summary>
/// The second step of sign-in for a person with two-factor on: the password was right, now the code
/// from the authenticator app. Wrong codes count towards the same lockout as wrong passwords.
/// </summary>
[EnableRateLimiting(AccessServices.SignInLimit)]
public sealed class LoginTwoFactorModel(SignInManager<CertaUser> signIn, UiText text, ILogger<LoginTwoFactorModel> log) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when the password step has timed out or never happened: the form is not shown then.</summary>
    public bool Expired { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => Expired = await signIn.GetTwoFactorAuthenticationUserAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            Expired = true;
            return Page();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length == 0)
        {
            Error = text["twofactor.login.missing"];
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            log.LogInformation("Signed in with two-factor: {Email}", user.Email);
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }

        var outcome = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong code";
        log.LogWarning("Two-factor sign-in refused for {Email}: {Outcome}", user.Email, outcome);
        Error = result.IsLockedOut ? text["login.locked"]
            : result.IsNotAllowed ? text["login.notallowed"]
            : text["twofactor.login.wrong"];
        return Page();
    }
}
