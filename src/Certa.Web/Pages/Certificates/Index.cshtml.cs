using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Certificates;

/// <summary>
/// <c>/certificates</c>: the certificates the reader may see (<see cref="CertificateQueries.ListAsync"/>):
/// a holder's own, a body's issued ones, all for an authority officer; newest first.
/// </summary>
public sealed class IndexModel(CertaDbContext db, CertificateQueries certificates, UiText text) : PageModel
{
    public IReadOnlyList<CertificateRow> Rows { get; private set; } = [];

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        if (me.ReachOf(Permission.CertificatesRead) == Reach.None)
        {
            Refusal = text["cert.list.refused"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var list = await certificates.ListAsync(me, null, ct);
        var bodies = await CertificatePages.NamesAsync(db, list.Select(c => c.BodyId), ct);
        Rows = [.. list.Select(c => new CertificateRow(c, bodies.GetValueOrDefault(c.BodyId) ?? c.BodyId))];
        return Page();
    }
}

/// <summary>A certificate in the list, with its body's name in the reader's language.</summary>
public sealed record CertificateRow(Certificate Certificate, string BodyName)
{
    public string State => CertificatePages.State(Certificate);
}

/// <summary>What the certificate pages share.</summary>
public static class CertificatePages
{
    public static string State(Certificate certificate) => SnakeCaseNames.Of(certificate.State.ToString());

    /// <summary>The names of organisations in the reader's language, by id.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(CertaDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var language = UiText.CurrentLanguage;
        return await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name.In(language), StringComparer.Ordinal, ct);
    }
}
