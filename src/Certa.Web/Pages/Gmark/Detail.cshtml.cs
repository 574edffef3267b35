using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Gmark;
using Certa.Infrastructure.Gmark;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Certa.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Gmark;

/// <summary>
/// <c>/gmark/{id}</c>: one G-mark registration with its history, and the buttons the reader's permissions allow: the
/// notified body submits and activates, an authority officer approves or rejects with a reason (the command refuses an
/// officer of another authority than the scheme's). Once active, links to the e-certificate, its PDFs and credential.
/// </summary>
public sealed class DetailModel(GmarkCommands commands, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public GmarkRegistration Registration { get; private set; } = null!;

    public string State => Web.Gmark.GmarkPages.State(Registration.State);

    public bool MaySubmit { get; private set; }

    public bool MayDecide { get; private set; }

    public bool MayActivate { get; private set; }

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => RunAsync(() => commands.SubmitAsync(HttpContext.Command(), Id, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => RunAsync(() => commands.ApproveAsync(HttpContext.Command(), Id, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        RunAsync(() => commands.RejectAsync(HttpContext.Command(), Id, Reason ?? string.Empty, ct), ct);

    public Task<IActionResult> OnPostActivateAsync(CancellationToken ct) => RunAsync(() => commands.ActivateAsync(HttpContext.Command(), Id, ct), ct);

    private async Task<IActionResult> RunAsync(Func<Task> command, CancellationToken ct)
    {
        var refusal = await PageCommands.RefusalOfAsync(command, text);
        if (refusal is null)
        {
            return Redirect($"/gmark/{Id}");
        }

        (Error, var status) = refusal.Value;
        var page = await ShowAsync(ct);
        Response.StatusCode = status;
        return page;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        try
        {
            Registration = await commands.ReadAsync(me, Id, ct);
        }
        catch (DomainException e) when (e.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            Refusal = e.Kind == RefusalKind.NotFound ? Lang.Format(text["gmark.notfound"], Id) : text["gmark.refused"];
            Response.StatusCode = ApplicationPages.StatusOf(e);
            return Page();
        }

        var ownBody = me.May(Permission.GmarkRegister, Registration.BodyId);
        MaySubmit = ownBody && Registration.State is GmarkState.Registered or GmarkState.Rejected;
        MayActivate = ownBody && Registration.State == GmarkState.Approved;
        // Only the scheme's own authority decides: a CNCA officer may read the registration but gets no approve button.
        MayDecide = Registration.State == GmarkState.Submitted && await commands.DecidesForAsync(me, Registration.SchemeId, ct);
        return Page();
    }
}
