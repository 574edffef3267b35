using System.Globalization;
using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Signing;
using Certa.Infrastructure.Signing;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Organisations;
using Certa.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Org;

/// <summary>
/// <c>/org/signing-keys</c>: a certification body's signing keys (<see cref="BodyKeys"/>), its DID and where
/// verifiers find the public keys; its admin rotates the key or revokes one from a moment on. The authority
/// reads any body's keys with <c>?body=</c>, and picks the body when it names none.
/// </summary>
public sealed class SigningKeysModel(OrganisationQueries queries, BodyKeys keys, IssuerIdentity identity, UiText text) : PageModel
{
    private static readonly HashSet<string> Outcomes = ["rotated", "revoked"];

    /// <summary>The body whose keys are shown; none means the reader's own organisation.</summary>
    [BindProperty(Name = "body", SupportsGet = true)]
    public string? Body { get; set; }

    [BindProperty]
    public string? KeyId { get; set; }

    /// <summary>From when the key counts as compromised (<c>yyyy-MM-ddTHH:mm</c>, UTC); none means now.</summary>
    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Actor Me { get; private set; } = null!;

    public Organisation Organisation { get; private set; } = null!;

    public IReadOnlyList<SigningKey> Keys { get; private set; } = [];

    /// <summary>The bodies to choose from, for a reader who may see every body's keys and named none.</summary>
    public IReadOnlyList<Organisation> Bodies { get; private set; } = [];

    public string Did => identity.Did(Organisation.Id);

    public bool MayManage => Me.May(Permission.SigningKeysManage, Organisation.Id);

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The key whose revoke form failed, or "rotate".</summary>
    public string? FailedForm { get; private set; }

    public string? Notice => Done is not null && Outcomes.Contains(Done) ? text["signing.done." + Done] : null;

    public string Here => string.IsNullOrWhiteSpace(Body) ? "/org/signing-keys" : $"/org/signing-keys?body={Uri.EscapeDataString(Body.Trim())}";

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostRotateAsync(CancellationToken ct) =>
        RunAsync("rotate", "rotated", id => keys.RotateAsync(HttpContext.Command(), id, ct), ct);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) =>
        RunAsync(KeyId ?? string.Empty, "revoked", id => keys.RevokeAsync(HttpContext.Command(), id, KeyId ?? string.Empty, Moment(From), Reason ?? string.Empty, ct), ct);

    public string? ReasonFor(string keyId) => FailedForm == keyId ? Reason : null;

    public string? FromFor(string keyId) => FailedForm == keyId ? From : null;

    private static DateTimeOffset? Moment(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw DomainException.Invalid("from-invalid", $"'{value}' is not a moment in the form YYYY-MM-DDTHH:MM (UTC).", "from");

    private async Task<IActionResult> RunAsync(string form, string outcome, Func<string, Task> command, CancellationToken ct)
    {
        var bodyId = BodyId();
        if (await PageCommands.RefusalOfAsync(() => command(bodyId), text) is not { } refusal)
        {
            return Redirect($"{Here}{(Here.Contains('?', StringComparison.Ordinal) ? '&' : '?')}done={outcome}");
        }

        (Error, var status) = refusal;
        FailedForm = form;
        var page = await ShowAsync(ct);
        Response.StatusCode = status;
        return page;
    }

    private string BodyId() => string.IsNullOrWhiteSpace(Body) ? HttpContext.RequiredActor().OrganisationId ?? string.Empty : Body.Trim();

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Me = HttpContext.RequiredActor();
        var id = BodyId();
        if (string.IsNullOrWhiteSpace(Body) && Me.ReachOf(Permission.SigningKeysRead) == Reach.Any && Me.OrganisationKind != OrganisationKind.CertificationBody)
        {
            Bodies = [.. (await queries.VisibleAsync(Me, ct)).Where(o => o.Kind == OrganisationKind.CertificationBody)];
            return Page();
        }

        if (!Me.May(Permission.SigningKeysRead, id))
        {
            Refusal = text["signing.refused"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (await queries.FindAsync(id, ct) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        Keys = [.. (await keys.ListAsync(Me, id, ct)).Reverse()];
        return Page();
    }
}
