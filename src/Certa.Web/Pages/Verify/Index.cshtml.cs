using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Certificates;
using Certa.Web.Localization;
using Certa.Web.Pages.Certificates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Verify;

/// <summary>
/// <c>/verify/{number}</c>, where a certificate's QR code points: for anyone, without signing in or script, whether
/// the certificate stands today and why not, what it certifies, and its PDF and credential. An unknown number is a 404 page.
/// The full verification (state as of a date, the history) is a later page; this one answers "is it valid now".
/// </summary>
public sealed class IndexModel(CertaDbContext db, CertificateQueries queries, TimeProvider clock, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = string.Empty;

    public Certificate Certificate { get; private set; } = null!;

    public CertificateNames Names { get; private set; } = null!;

    /// <summary>The state today, by the history and the dates: past its last day it is expired even before the nightly expiry runs.</summary>
    public string State { get; private set; } = string.Empty;

    /// <summary>When the certificate entered its current state.</summary>
    public DateTimeOffset Since { get; private set; }

    public string? Unknown { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Certificate = await queries.PublicAsync(Number, ct);
        }
        catch (DomainException e) when (e.Kind == RefusalKind.NotFound)
        {
            Unknown = Lang.Format(text["verify.notfound"], Number);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        State = SnakeCaseNames.Of(Certificate.StateAt(clock.GetUtcNow()).ToString());
        Since = Certificate.StatusHistory[^1].At;
        Names = await CertificatePages.NamesOfAsync(db, Certificate, ct);
        return Page();
    }
}
