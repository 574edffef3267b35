using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Certificates;

/// <summary>
/// <c>/certificates/{id}</c>: every field of one certificate, for its holder, its body and the authority
/// (<see cref="CertificateQueries.ReadAsync"/>), with its status history, its versions and their documents;
/// and the operations the reader may use in its state (<c>Detail.Operations.cs</c>). Anyone else gets a
/// refusal page (403), an unknown id a 404 page.
/// </summary>
public sealed partial class DetailModel(CertaDbContext db, CertificateQueries certificates, CertificateCommands commands, CertificateDocuments documents,
    UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Actor Me { get; private set; } = null!;

    public Certificate Certificate { get; private set; } = null!;

    public CertificateNames Names { get; private set; } = null!;

    /// <summary>The versions that have a signed credential to download.</summary>
    public IReadOnlySet<int> SignedVersions { get; private set; } = new HashSet<int>();

    /// <summary>The renewal's id, when this certificate was superseded.</summary>
    public Guid? SupersededById { get; private set; }

    public string State => CertificatePages.State(Certificate);

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Me = HttpContext.RequiredActor();
        try
        {
            Certificate = await certificates.ReadAsync(Me, Id, ct);
        }
        catch (DomainException e) when (e.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            // The query's message names the organisations; the page says only that it is not yours to see.
            Refusal = e.Kind == RefusalKind.NotFound ? Lang.Format(text["cert.notfound"], Id) : text["cert.refused"];
            Response.StatusCode = ApplicationPages.StatusOf(e);
            return Page();
        }

        var c = Certificate;
        Names = await CertificatePages.NamesOfAsync(db, c, ct);
        SignedVersions = (await documents.CredentialsAsync(c, ct)).Select(v => v.Version).ToHashSet();
        // A renewal has the same body and holder, so whoever reads this one may open it.
        SupersededById = c.SupersededBy is { } renewal ? (await certificates.PublicAsync(renewal, ct)).Id : null;
        return Page();
    }
}
