using System.ComponentModel.DataAnnotations;
using Certa.Infrastructure.Identity;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Certa.Web.Pages.Account;

/// <summary>Sign-in with e-mail and password; a person with two-factor on continues at the code page.</summary>
[EnableRateLimiting(AccessServices.SignInLimit)]
public sealed class LoginModel(SignInManager<CertaUser> signIn, UiText text, ILogger<LoginModel> log) : PageModel
{
    [BindProperty]
    [Required]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    [Required]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Error = text["login.missing"];
            return Page();
        }

        var email = Email.Trim().ToLowerInvariant();
        var result = await signIn.PasswordSignInAsync(email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The e-mail is logged to trace sign-ins; the password never is.
            log.LogInformation("Signed in: {Email}", email);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginTwoFactor", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        }

        var outcome = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong e-mail or password";
        log.LogWarning("Sign-in refused for {Email}: {Outcome}", email, outcome);
        Error = result.IsLockedOut ? text["login.locked"]
            : result.IsNotAllowed ? text["login.notallowed"]
            : text["login.failed"];
        return Page();
    }

    /// <summary>Only local paths: a sign-in link must not send people elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } && Hosting.LocalPaths.IsLocal(returnUrl)
            ? returnUrl
            : "/org";
}
