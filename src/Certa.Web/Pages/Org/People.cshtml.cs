using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Organisations;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Organisations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Org;

/// <summary>
/// <c>/org/people</c> and <c>/org/{id}/people</c>: an organisation's people and pending invitations;
/// for those who manage people, the forms that invite, change roles, deactivate and reactivate
/// through <see cref="PeopleCommands"/>. A refusal shows the command's reason and changes nothing.
/// </summary>
public sealed class PeopleModel(OrganisationQueries queries, PeopleCommands commands, UiText text) : PageModel
{
    private static readonly HashSet<string> Outcomes = ["roles", "deactivated", "reactivated", "withdrawn"];

    /// <summary>The organisation in the URL; none means the actor's own.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(Name = "Roles")]
    public List<string> InviteRoles { get; set; } = [];

    /// <summary>What the last form did, after its redirect: one of <see cref="Outcomes"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Actor Me { get; private set; } = null!;

    public string OrganisationId { get; private set; } = string.Empty;

    public Organisation Organisation { get; private set; } = null!;

    public IReadOnlyList<PersonDto> People { get; private set; } = [];

    public IReadOnlyList<InvitationDto> Invitations { get; private set; } = [];

    public IReadOnlyList<Role> KindRoles => Roles.For(Organisation.Kind);

    public bool MayManage => Me.May(Permission.PeopleManage, OrganisationId);

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public string? Notice => Done is not null && Outcomes.Contains(Done) ? text["people.done." + Done] : null;

    /// <summary>The new invitation's link, shown on this one answer only: only its hash is kept.</summary>
    public string? InvitationLink { get; private set; }

    public string? InvitedEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => Refuse() ?? await ShowAsync(ct);

    public Task<IActionResult> OnPostInviteAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var (invitation, token) = await commands.InviteAsync(HttpContext.Command(), OrganisationId, Email ?? string.Empty,
            Roles.Parse(InviteRoles), ct);
        InvitationLink = OrganisationEndpoints.InvitationLink(HttpContext, token);
        InvitedEmail = invitation.Email;
        Email = null;
        InviteRoles = [];
        return null;
    }, ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid invitationId, CancellationToken ct) => RunAsync(async () =>
    {
        await commands.RevokeInvitationAsync(HttpContext.Command(), OrganisationId, invitationId, ct);
        return "withdrawn";
    }, ct);

    public Task<IActionResult> OnPostRolesAsync(Guid personId, List<string> personRoles, CancellationToken ct) => RunAsync(async () =>
    {
        await commands.SetRolesAsync(HttpContext.Command(), OrganisationId, personId, Roles.Parse(personRoles), ct);
        return "roles";
    }, ct);

    public Task<IActionResult> OnPostDeactivateAsync(Guid personId, CancellationToken ct) => RunAsync(async () =>
    {
        await commands.DeactivateAsync(HttpContext.Command(), OrganisationId, personId, ct);
        return "deactivated";
    }, ct);

    public Task<IActionResult> OnPostReactivateAsync(Guid personId, CancellationToken ct) => RunAsync(async () =>
    {
        await commands.ReactivateAsync(HttpContext.Command(), OrganisationId, personId, ct);
        return "reactivated";
    }, ct);

    public bool IsMe(PersonDto person) => person.Id == Me.PersonId;

    /// <summary>
    /// Runs a form's command. A change that needs no more than the table redirects back (so a reload
    /// does not repeat it); a refusal shows its reason on the page with nothing changed.
    /// </summary>
    private async Task<IActionResult> RunAsync(Func<Task<string?>> command, CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        try
        {
            if (await command() is { } outcome)
            {
                return Redirect($"{Request.PathBase}{Request.Path}?done={outcome}");
            }
        }
        catch (DomainException e)
        {
            Error = e.Message;
            if (e.Kind == RefusalKind.Forbidden)
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }
        }

        return await ShowAsync(ct);
    }

    /// <summary>The refusal page when the actor may not see this organisation's people; null when it may.</summary>
    private PageResult? Refuse()
    {
        Me = HttpContext.RequiredActor();
        OrganisationId = (string.IsNullOrWhiteSpace(Id) ? Me.OrganisationId : Id.Trim()) ?? string.Empty;
        if (OrganisationId.Length > 0 && Me.May(Permission.PeopleRead, OrganisationId))
        {
            return null;
        }

        Refusal = Me.ReachOf(Permission.PeopleRead) == Reach.None
            ? text["people.refused.none"]
            : Lang.Format(text["people.refused.other"], OrganisationId, Me.OrganisationId);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await queries.FindAsync(OrganisationId, ct) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        People = await queries.PeopleAsync(OrganisationId, ct);
        Invitations = await queries.PendingInvitationsAsync(OrganisationId, ct);
        return Page();
    }
}
