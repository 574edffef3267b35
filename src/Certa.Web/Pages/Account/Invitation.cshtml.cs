using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Identity;
using Certa.Infrastructure.Organisations;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Registry;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Certa.Web.Pages.Account;

/// <summary>
/// The page an invitation link opens: the invitee sees who invited them with which roles, chooses a
/// name and a password, and is signed in as the new person. A link that cannot be used says why.
/// </summary>
[EnableRateLimiting(AccessServices.SignInLimit)]
public sealed class InvitationModel(
    PeopleCommands people,
    UserManager<CertaUser> users,
    SignInManager<CertaUser> signIn,
    UiText text,
    TimeProvider clock,
    ILogger<InvitationModel> log) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public TextDto? OrganisationName { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Why the link cannot be used; the form is not shown then.</summary>
    public string? Unusable { get; private set; }

    public string? Error { get; private set; }

    public string PasswordRule => SecurityModel.PasswordRule(text, users.Options.Password);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            Error = text["invite.name-required"];
            return Page();
        }

        if (string.IsNullOrEmpty(Password))
        {
            Error = text["password.required"];
            return Page();
        }

        if (Password != ConfirmPassword)
        {
            Error = text["password.mismatch"];
            return Page();
        }

        Person person;
        try
        {
            var correlation = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
            person = await people.AcceptInvitationAsync(Token!, DisplayName, Password, correlation, ct);
        }
        catch (DomainException e)
        {
            log.LogInformation("Invitation for {Email} not accepted: {Code}", Email, e.Code);
            Error = e.Code switch
            {
                "weak-password" => $"{text["password.weak"]} {PasswordRule}",
                "name-required" => text["invite.name-required"],
                "email-taken" => Lang.Format(text["invite.email-taken"], Email),
                _ => e.Message,
            };
            // Accepted or withdrawn meanwhile: show why, without the form.
            await LoadAsync(ct);
            return Page();
        }

        var user = await users.FindByIdAsync(person.Id.ToString())
            ?? throw new InvalidOperationException($"Person {person.Id} ({person.Email}) was created without a sign-in account.");
        await signIn.SignInAsync(user, isPersistent: false);
        log.LogInformation("Invitation accepted and signed in: {Email}", person.Email);
        return LocalRedirect("/org");
    }

    /// <summary>Fills the invitation's facts; false, with <see cref="Unusable"/> set, when the link cannot be used.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await people.FindInvitationAsync(Token ?? string.Empty, ct) is not (var invitation, var organisation))
        {
            Unusable = text["invite.invalid"];
            return false;
        }

        OrganisationName = TextDto.From(organisation.Name);
        Email = invitation.Email;
        Roles = invitation.Roles;
        ExpiresAt = invitation.ExpiresAt;
        Unusable = invitation.WhyNotAcceptable(Token!.Trim(), clock.GetUtcNow()) is null ? null
            : invitation.Status switch
            {
                InvitationStatus.Accepted => text["invite.used"],
                InvitationStatus.Revoked => text["invite.revoked"],
                InvitationStatus.Pending => Lang.Format(text["invite.expired"], invitation.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            };
        return Unusable is null;
    }
}
