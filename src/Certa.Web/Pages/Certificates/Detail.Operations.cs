using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Web.Access;
using Certa.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Certa.Web.Pages.Certificates;

/// <summary>
/// The certificate page's operations (<c>_Operations.cshtml</c>): its body suspends, restores, withdraws, renews,
/// changes the holder and extends to new models; its holder cancels. Each form runs one of
/// <see cref="Infrastructure.Certificates.CertificateCommands"/> and redirects back with what it did; a refusal
/// shows its reason at the form, with the certificate as it was.
/// </summary>
public sealed partial class DetailModel
{
    /// <summary>Blank model rows the extend form offers: it works without script, so rows cannot be added on the page.</summary>
    public const int ExtendRows = 3;

    private static readonly HashSet<string> Outcomes = ["suspended", "restored", "withdrawn", "cancelled", "renewed", "holder_changed", "extended"];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateOnly? Deadline { get; set; }

    /// <summary>Ticked to confirm a withdrawal or cancellation, which cannot be undone.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    [BindProperty]
    public string? HolderNameEn { get; set; }

    [BindProperty]
    public string? HolderNameZh { get; set; }

    [BindProperty]
    public string? HolderAddressEn { get; set; }

    [BindProperty]
    public string? HolderAddressZh { get; set; }

    [BindProperty]
    public List<ModelRow> NewModels { get; set; } = [];

    /// <summary>What the last form did, after its redirect: one of <see cref="Outcomes"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    /// <summary>The form that failed, so only it shows the reason and what was typed into it.</summary>
    public string? FailedForm { get; private set; }

    public string? Notice => Done is not null && Outcomes.Contains(Done) ? text["cert.done." + Done] : null;

    /// <summary>The reader manages this body's certificates (body admin, decision maker).</summary>
    public bool IsBody => Me.May(Permission.CertificatesManage, Certificate.BodyId);

    /// <summary>The reader may cancel as the holder (its applicant users and admin).</summary>
    public bool IsHolder => Me.May(Permission.CertificatesCancel, Certificate.HolderId);

    public bool MaySuspend => IsBody && Certificate.Allows(CertificateOperation.Suspend);

    public bool MayRestore => IsBody && Certificate.Allows(CertificateOperation.Restore);

    public bool MayWithdraw => IsBody && Certificate.Allows(CertificateOperation.Withdraw);

    public bool MayCancel => IsHolder && Certificate.Allows(CertificateOperation.Cancel);

    public bool MayChange => IsBody && Certificate.Allows(CertificateOperation.Change);

    public bool MayOperate => MaySuspend || MayRestore || MayWithdraw || MayCancel || MayChange;

    public string? ReasonFor(string form) => FailedForm == form ? Reason : null;

    /// <summary>The extend form's rows: what was typed after a refusal, else blank ones.</summary>
    public IReadOnlyList<ModelRow> ModelRows() =>
        FailedForm == "extend" && NewModels.Count > 0 ? NewModels : [.. Enumerable.Range(0, ExtendRows).Select(_ => new ModelRow())];

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken ct) => RunAsync("suspend", "suspended", () => commands.SuspendAsync(HttpContext.Command(), Id,
        Reason ?? string.Empty, Deadline ?? throw DomainException.Invalid("deadline-required", text["cert.suspend.deadline.required"], "deadline"), ct), ct);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) =>
        RunAsync("restore", "restored", () => commands.RestoreAsync(HttpContext.Command(), Id, Reason, ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        RunAsync("withdraw", "withdrawn", Confirm(() => commands.WithdrawAsync(HttpContext.Command(), Id, Reason ?? string.Empty, ct)), ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct) =>
        RunAsync("cancel", "cancelled", Confirm(() => commands.CancelAsync(HttpContext.Command(), Id, Reason ?? string.Empty, ct)), ct);

    public Task<IActionResult> OnPostChangeHolderAsync(CancellationToken ct) => RunAsync("holder", "holder_changed", () => commands.ChangeHolderAsync(
        HttpContext.Command(), Id, Localized(HolderNameEn, HolderNameZh), Localized(HolderAddressEn, HolderAddressZh), Reason ?? string.Empty, ct), ct);

    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct) => RunAsync("extend", "extended", () => commands.ExtendAsync(HttpContext.Command(), Id,
        [.. NewModels.Where(m => !m.IsBlank).Select(m => new SeriesModel(m.Model?.Trim() ?? string.Empty, m.Differences?.Trim() ?? string.Empty))],
        Reason ?? string.Empty, ct), ct);

    /// <summary>Renews, then shows the renewal: a new certificate with its own number.</summary>
    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        Certificate? renewal = null;
        if (await PageCommands.RefusalOfAsync(async () => renewal = await commands.RenewAsync(HttpContext.Command(), Id, ct), text) is { } refusal)
        {
            return await RefusedAsync("renew", refusal, ct);
        }

        return Redirect($"/certificates/{renewal!.Id}?done=renewed");
    }

    /// <summary>A withdrawal or cancellation is final: it runs only with the box ticked (the page works without script, so no dialog).</summary>
    private Func<Task> Confirm(Func<Task> command) => () => Confirmed
        ? command()
        : throw DomainException.Invalid("confirmation-required", text["cert.unconfirmed"], "confirmed");

    private static LocalizedText Localized(string? en, string? zh) =>
        new(en?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(zh) ? null : zh.Trim());

    /// <summary>Runs a form's command and redirects back (so a reload does not repeat it).</summary>
    private async Task<IActionResult> RunAsync(string form, string outcome, Func<Task> command, CancellationToken ct) =>
        await PageCommands.RefusalOfAsync(command, text) is { } refusal
            ? await RefusedAsync(form, refusal, ct)
            : Redirect($"/certificates/{Id}?done={outcome}");

    private async Task<IActionResult> RefusedAsync(string form, (string Reason, int Status) refusal, CancellationToken ct)
    {
        (Error, var status) = refusal;
        FailedForm = form;
        var page = await ShowAsync(ct);
        Response.StatusCode = status;
        return page;
    }
}

/// <summary>One row of the extend form: a series model and how it differs from the main model.</summary>
public sealed class ModelRow
{
    public string? Model { get; set; }

    public string? Differences { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Model) && string.IsNullOrWhiteSpace(Differences);
}
