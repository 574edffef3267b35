using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Credit;
using Certa.Infrastructure.Supervision.Draws;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Authority.Draws;

/// <summary>One choice of the draw form: the value sent and the words shown.</summary>
public sealed record DrawOption(string Value, LocalizedText Label);

/// <summary>
/// What the draw form offers: the schemes, product types and regions that active certificates have now; the
/// certification bodies on Certa (for the population and for the inspector pool); the credit levels.
/// </summary>
public sealed record DrawFormOptions(
    IReadOnlyList<DrawOption> Schemes,
    IReadOnlyList<DrawOption> ProductTypes,
    IReadOnlyList<DrawOption> Regions,
    IReadOnlyList<DrawOption> Bodies,
    IReadOnlyList<DrawOption> RiskLevels)
{
    public static async Task<DrawFormOptions> ReadAsync(CertaDbContext db, DrawPopulation population, CreditLedger credit, CancellationToken ct)
    {
        var active = db.Certificates.AsNoTracking().Where(c => c.State == CertificateState.Active);
        var schemeIds = await active.Select(c => c.SchemeId).Distinct().ToListAsync(ct);
        var typeIds = await active.Select(c => c.ProductTypeId).Distinct().ToListAsync(ct);
        var holders = await active.Select(c => c.HolderId).Distinct().ToListAsync(ct);
        var regions = (await population.RegionsAsync(holders, ct)).Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var schemes = await db.Schemes.AsNoTracking().Where(s => schemeIds.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var types = await db.ProductTypes.AsNoTracking().Where(p => typeIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var bodies = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.CertificationBody).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return new DrawFormOptions(
            [.. schemes.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new DrawOption(s.Id, s.Name))],
            [.. types.OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => new DrawOption(t.Id, t.Name))],
            [.. regions.Select(r => new DrawOption(r, new LocalizedText(r)))],
            [.. bodies.OrderBy(b => b.Id, StringComparer.Ordinal).Select(b => new DrawOption(b.Id, b.Name))],
            [.. credit.Rules.Levels.Select(l => new DrawOption(l.Id, l.Meaning))]);
    }
}
