using System.Globalization;
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
/// <c>/org/api-keys</c>: the organisation's machine-client keys, issuing one (shown once) and
/// revoking one, through <see cref="ApiKeyCommands"/>.
/// </summary>
public sealed class ApiKeysModel(OrganisationQueries queries, ApiKeyCommands commands, UiText text) : PageModel
{
    /// <summary>Ticked on a fresh form, so the key can at least call <c>/api/v1/me</c>, as the example shows.</summary>
    private static readonly string DefaultScope = ApiKey.ScopeName(Permission.ProfileRead);

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    /// <summary>The optional expiry date (<c>yyyy-MM-dd</c>); the key stops working at 00:00 UTC that day.</summary>
    [BindProperty]
    public string? ExpiresOn { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Actor Me { get; private set; } = null!;

    public Organisation Organisation { get; private set; } = null!;

    public IReadOnlyList<ApiKeyDto> Keys { get; private set; } = [];

    public IReadOnlyList<Permission> AllowedScopes => AccessRules.ScopesFor(Organisation.Kind);

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public string? Notice => Done == "revoked" ? text["keys.done.revoked"] : null;

    /// <summary>The new key in plain text, on this one answer only: only its hash is kept.</summary>
    public string? NewKey { get; private set; }

    public string? NewKeyName { get; private set; }

    public string CurlExample => $"curl -H \"Authorization: Bearer {NewKey}\" {Request.Scheme}://{Request.Host}/api/v1/me";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scopes = [DefaultScope];
        return Refuse() ?? await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        try
        {
            var (key, plaintext) = await commands.IssueAsync(HttpContext.Command(), Me.OrganisationId!, Name ?? string.Empty,
                ApiKeyCommands.ParseScopes(Scopes), Expiry(ExpiresOn), ct);
            NewKey = plaintext;
            NewKeyName = key.Name;
            Name = ExpiresOn = null;
            Scopes = [DefaultScope];
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(string keyId, CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        try
        {
            await commands.RevokeAsync(HttpContext.Command(), Me.OrganisationId!, keyId ?? string.Empty, ct);
            return Redirect($"{Request.PathBase}{Request.Path}?done=revoked");
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }

        return await ShowAsync(ct);
    }

    private static DateTimeOffset? Expiry(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : throw DomainException.Invalid("invalid-expiry", $"'{text}' is not a date in the form YYYY-MM-DD.", "expiresAt");
    }

    /// <summary>The refusal page for an actor that manages no API keys; null when it may.</summary>
    private PageResult? Refuse()
    {
        Me = HttpContext.RequiredActor();
        if (Me.OrganisationId is { } own && Me.May(Permission.ApiKeysManage, own))
        {
            return null;
        }

        Refusal = text["keys.refused"];
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await queries.FindAsync(Me.OrganisationId!, ct) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        Keys = await queries.ApiKeysAsync(organisation.Id, ct);
        return Page();
    }
}
