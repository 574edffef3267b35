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
/// a holder's own, a body's issued ones, all for an authority officer; newest first, narrowed to one state by <c>?state=</c>.
/// </summary>
public sealed class IndexModel(CertaDbContext db, CertificateQueries certificates, UiText text) : PageModel
{
    /// <summary>The state to show (snake case, as <see cref="CertificatePages.States"/>); none or an unknown one shows all.</summary>
    [BindProperty(Name = "state", SupportsGet = true)]
    public string? Filter { get; set; }

    public IReadOnlyList<CertificateRow> Rows { get; private set; } = [];

    /// <summary>How many of the reader's certificates are in each state, before the filter.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public int Total { get; private set; }

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

        var all = await certificates.ListAsync(me, null, ct);
        Total = all.Count;
        Counts = all.GroupBy(CertificatePages.State).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Filter = CertificatePages.States.Contains(Filter) ? Filter : null;
        var list = Filter is null ? all : [.. all.Where(c => CertificatePages.State(c) == Filter)];
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

/// <summary>A certificate's body (in the reader's language), scheme and product type, by name.</summary>
public sealed record CertificateNames(string BodyName, LocalizedText? SchemeName, LocalizedText? ProductTypeName);

/// <summary>What the certificate pages share.</summary>
public static class CertificatePages
{
    /// <summary>Every state's name, in the enum's order: the filter's choices and the keys of their texts (<c>cert.state.*</c>).</summary>
    public static IReadOnlyList<string> States { get; } = [.. Enum.GetValues<CertificateState>().Select(s => SnakeCaseNames.Of(s.ToString()))];

    public static string State(Certificate certificate) => SnakeCaseNames.Of(certificate.State.ToString());

    /// <summary>The names a certificate's page shows beside its ids: its body, scheme and product type.</summary>
    public static async Task<CertificateNames> NamesOfAsync(CertaDbContext db, Certificate c, CancellationToken ct) => new(
        (await NamesAsync(db, [c.BodyId], ct)).GetValueOrDefault(c.BodyId) ?? c.BodyId,
        await db.Schemes.AsNoTracking().Where(s => s.Id == c.SchemeId).Select(s => s.Name).FirstOrDefaultAsync(ct),
        await db.ProductTypes.AsNoTracking().Where(p => p.Id == c.ProductTypeId).Select(p => p.Name).FirstOrDefaultAsync(ct));

    /// <summary>The names of organisations in the reader's language, by id.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(CertaDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var language = UiText.CurrentLanguage;
        return await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name.In(language), StringComparer.Ordinal, ct);
    }
}
