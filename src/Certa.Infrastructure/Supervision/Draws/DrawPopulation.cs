using Certa.Domain.Access;
using Certa.Domain.Audits;
using Certa.Domain.Certificates;
using Certa.Domain.Organisations;
using Certa.Domain.Supervision.Draws;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Credit;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Draws;

/// <summary>
/// The facts a draw is made on, read from the database at the moment of the draw: the active certificates as
/// candidates, the registered auditors of the chosen bodies as the inspector pool with their standing declared
/// relations, and who audited or inspected which enterprise when. All of it goes into the published record.
/// </summary>
public sealed class DrawPopulation(CertaDbContext db, CreditLedger credit)
{
    /// <summary>A candidate's region when its holder's organisation names neither a region nor a country.</summary>
    public const string UnknownRegion = "unknown";

    /// <summary>
    /// Every active certificate that passes <paramref name="filters"/>: number, holder, body, scheme, product type, the
    /// holder's region (ISO 3166-2, else its country) and the holder's credit level at <paramref name="now"/> as risk.
    /// </summary>
    public async Task<IReadOnlyList<DrawCandidate>> CandidatesAsync(DrawFilters filters, DateTimeOffset now, CancellationToken ct)
    {
        var query = db.Certificates.AsNoTracking().Where(c => c.State == CertificateState.Active);
        // Narrowed in SQL where a column holds the value; region and risk are worked out below.
        if (filters.SchemeIds.Count > 0)
        {
            query = query.Where(c => filters.SchemeIds.Contains(c.SchemeId));
        }

        if (filters.BodyIds.Count > 0)
        {
            query = query.Where(c => filters.BodyIds.Contains(c.BodyId));
        }

        if (filters.ProductTypeIds.Count > 0)
        {
            query = query.Where(c => filters.ProductTypeIds.Contains(c.ProductTypeId));
        }

        var certificates = await query.Select(c => new { c.Number, c.HolderId, c.BodyId, c.SchemeId, c.ProductTypeId }).ToListAsync(ct);
        var holders = certificates.Select(c => c.HolderId).Distinct(StringComparer.Ordinal).ToList();
        var places = await RegionsAsync(holders, ct);
        var levels = await credit.EnterpriseLevelsAsync(holders, now, ct);
        return [.. certificates
            .Select(c => new DrawCandidate(c.Number, c.HolderId, c.BodyId, c.SchemeId, c.ProductTypeId,
                places[c.HolderId], levels[c.HolderId].Id))
            .Where(filters.Matches)];
    }

    /// <summary>The region of each of <paramref name="holderIds"/>: its organisation's ISO 3166-2 region, else its country, else <see cref="UnknownRegion"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RegionsAsync(IReadOnlyCollection<string> holderIds, CancellationToken ct)
    {
        var places = await db.Organisations.AsNoTracking().Where(o => holderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Region, o.Country }).ToDictionaryAsync(o => o.Id, o => o.Region ?? o.Country, StringComparer.Ordinal, ct);
        return holderIds.Distinct(StringComparer.Ordinal)
            .ToDictionary(h => h, h => places.GetValueOrDefault(h) ?? UnknownRegion, StringComparer.Ordinal);
    }

    /// <summary>
    /// The active people with the auditor role in <paramref name="bodyIds"/> whose registration is valid on <paramref name="day"/>,
    /// each with the organisations they have declared a standing relation to.
    /// </summary>
    public async Task<IReadOnlyList<DrawInspector>> PoolAsync(IReadOnlyCollection<string> bodyIds, DateOnly day, CancellationToken ct)
    {
        var rows = await (from r in db.Set<AuditorRegistration>().AsNoTracking()
                          join p in db.People.AsNoTracking() on r.PersonId equals p.Id
                          where bodyIds.Contains(r.BodyId) && p.OrganisationId == r.BodyId && p.Status == PersonStatus.Active && r.ValidUntil >= day
                          select p).ToListAsync(ct);
        var auditors = rows.Where(p => p.Roles.Contains(Role.Auditor)).ToList();
        var ids = auditors.Select(p => p.Id).ToList();
        var relations = (await db.DeclaredRelations.AsNoTracking().Where(d => ids.Contains(d.PersonId) && d.EndedAt == null)
                .Select(d => new { d.PersonId, d.RelatedTo }).ToListAsync(ct))
            .ToLookup(d => d.PersonId, d => d.RelatedTo);
        return [.. auditors.Select(p => new DrawInspector(InspectorId(p.Id), p.OrganisationId, relations[p.Id]))];
    }

    /// <summary>
    /// Who of <paramref name="inspectorIds"/> audited (initial factory audits not cancelled, by their first day) or inspected
    /// (inspections with a result, by the day on site) which enterprise from <paramref name="since"/> to <paramref name="until"/>.
    /// </summary>
    public async Task<IReadOnlyList<PastAudit>> PastAuditsAsync(IReadOnlyCollection<string> inspectorIds, DateOnly since, DateOnly until, CancellationToken ct)
    {
        var wanted = inspectorIds.ToHashSet(StringComparer.Ordinal);
        var audits = await db.Set<FactoryAudit>().AsNoTracking()
            .Where(a => a.State != FactoryAuditState.Cancelled && a.StartsOn >= since && a.StartsOn <= until)
            .ToListAsync(ct);
        var inspections = await db.Inspections.AsNoTracking()
            .Where(i => (i.State == InspectionState.Passed || i.State == InspectionState.Failed) && i.PerformedOn >= since && i.PerformedOn <= until)
            .ToListAsync(ct);
        return [.. audits.SelectMany(a => a.Auditors.Select(t => new PastAudit(InspectorId(t.PersonId), a.ApplicantId, a.StartsOn)))
            .Concat(inspections.SelectMany(i => i.Inspectors.Select(id => new PastAudit(id, i.EnterpriseId, i.PerformedOn!.Value))))
            .Where(p => wanted.Contains(p.InspectorId))];
    }

    /// <summary>How a person is named in a draw's pool and an inspection's team.</summary>
    public static string InspectorId(Guid personId) => personId.ToString("D");
}
