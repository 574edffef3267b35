using System.Globalization;
using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Supervision.Draws;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Credit;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Draws;

/// <summary>
/// Makes a "double random" draw for an authority (ADR 015): checks the request against the registry, snapshots the
/// population, the inspector pool and the past audits, runs the draw and, in the same transaction, plans the inspection
/// of every target that got inspectors. A refused request writes nothing.
/// </summary>
public sealed class DrawCommands(CertaDbContext db, DrawPopulation population, CreditLedger credit, TimeProvider clock)
{
    public async Task<Draw> MakeAsync(CommandContext who, DrawRequest request, CancellationToken ct)
    {
        var authorityId = who.Actor.OrganisationId
            ?? throw DomainException.Forbidden("not-an-authority", "Only an officer of an authority makes draws.");
        who.Actor.Require(Permission.DrawsMake, authorityId);
        var filters = await FiltersAsync(request, ct);
        var pool = Ids(request.PoolBodyIds);
        if (pool.Count == 0)
        {
            throw DomainException.Invalid("draw-pool-bodies-required", "Choose at least one body whose registered auditors form the inspector pool.", "poolBodyIds");
        }

        await RequireBodiesAsync(pool, "poolBodyIds", ct);
        var sample = (request.SampleSize, request.SampleRate) switch
        {
            ({ } size, null) => DrawSample.OfSize(size),
            (null, { } rate) => DrawSample.OfRate(rate),
            _ => throw DomainException.Invalid("draw-sample-required", "Give either a sample size or a sample rate (0.05 is 5 %), not both.", "sampleSize"),
        };
        var exclusions = new DrawExclusions(request.ExcludeOwnOrganisation, request.RecentAuditYears, request.ExcludeDeclaredRelations);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var plannedOn = request.PlannedOn ?? throw DomainException.Invalid("planned-on-required", "Give the day the inspections are planned for.", "plannedOn");
        if (plannedOn < today)
        {
            throw DomainException.Invalid("planned-in-past", $"Inspections are planned for today or later, not {Day(plannedOn)}.", "plannedOn");
        }

        if (string.IsNullOrWhiteSpace(request.PublicRandom))
        {
            throw DomainException.Invalid("draw-public-random-missing",
                "Enter the public random value nobody could know before now, e.g. the randomness of the latest drand round.", "publicRandom");
        }

        return await db.RetryAsync(async () =>
        {
            var candidates = await population.CandidatesAsync(filters, now, ct);
            if (candidates.Count == 0)
            {
                throw DomainException.Conflict("draw-population-empty", "No active certificate passes the filters: there is nothing to draw from.");
            }

            var inspectors = await population.PoolAsync(pool, today, ct);
            var pastAudits = exclusions.RecentAuditYears is { } years
                ? await population.PastAuditsAsync([.. inspectors.Select(i => i.Id)], today.AddYears(-years), today, ct)
                : [];
            var reference = await NextReferenceAsync(authorityId, today, ct);
            var definition = new DrawDefinition(reference, authorityId, today, filters, sample, inspectors, exclusions, pastAudits, request.InspectorsPerTarget);
            var draw = Draw.Make(Guid.CreateVersion7(now), new DrawInputs(definition, candidates, request.PublicRandom), now);
            db.Draws.Add(draw);
            await PlanInspectionsAsync(draw, plannedOn, now, ct);
            await db.CommitAsync(who, now, ct);
            return draw;
        }, ct);
    }

    /// <summary>An inspection for every target with at least one inspector; a target without any stays a published shortfall.</summary>
    private async Task PlanInspectionsAsync(Draw draw, DateOnly plannedOn, DateTimeOffset now, CancellationToken ct)
    {
        var targets = draw.ToRecord().Result.Targets.Where(t => t.InspectorIds.Count > 0).ToList();
        var numbers = targets.Select(t => t.CertificateNumber).ToList();
        var certificates = (await db.Certificates.Where(c => numbers.Contains(c.Number) && c.State == CertificateState.Active).ToListAsync(ct))
            .ToDictionary(c => c.Number, StringComparer.Ordinal);
        foreach (var target in targets)
        {
            db.Inspections.Add(Inspection.PlanFromDraw(Guid.CreateVersion7(now), draw, target, certificates[target.CertificateNumber], plannedOn, now));
        }
    }

    private async Task<DrawFilters> FiltersAsync(DrawRequest request, CancellationToken ct)
    {
        var schemes = Ids(request.SchemeIds);
        var unknownScheme = schemes.Except(await db.Schemes.AsNoTracking().Where(s => schemes.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct)).FirstOrDefault();
        if (unknownScheme is not null)
        {
            throw DomainException.Invalid("draw-scheme-unknown", $"There is no scheme '{unknownScheme}'.", "schemeIds");
        }

        var types = Ids(request.ProductTypeIds);
        var unknownType = types.Except(await db.ProductTypes.AsNoTracking().Where(p => types.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).FirstOrDefault();
        if (unknownType is not null)
        {
            throw DomainException.Invalid("draw-product-type-unknown", $"There is no product type '{unknownType}'.", "productTypeIds");
        }

        var bodies = Ids(request.BodyIds);
        await RequireBodiesAsync(bodies, "bodyIds", ct);
        var risks = Ids(request.RiskLevels);
        if (risks.FirstOrDefault(r => !credit.Rules.Levels.Any(l => l.Id == r)) is { } unknownRisk)
        {
            throw DomainException.Invalid("draw-risk-level-unknown",
                $"'{unknownRisk}' is not a credit level; they are {string.Join(", ", credit.Rules.Levels.Select(l => l.Id))}.", "riskLevels");
        }

        return new DrawFilters(schemes, types, Ids(request.Regions), bodies, risks);
    }

    private async Task RequireBodiesAsync(IReadOnlyList<string> ids, string field, CancellationToken ct)
    {
        var known = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Kind == OrganisationKind.CertificationBody).Select(o => o.Id).ToListAsync(ct);
        if (ids.Except(known).FirstOrDefault() is { } unknown)
        {
            throw DomainException.Invalid("draw-body-unknown", $"'{unknown}' is not a certification body on Certa.", field);
        }
    }

    /// <summary><c>cnca-2026-11-27-1</c>: the authority, the day, and the draw's number that day.</summary>
    private async Task<string> NextReferenceAsync(string authorityId, DateOnly day, CancellationToken ct)
    {
        var count = await db.Draws.CountAsync(d => d.AuthorityId == authorityId && d.DrawDate == day, ct);
        return $"{authorityId}-{Day(day)}-{count + 1}";
    }

    private static List<string> Ids(IEnumerable<string>? values) =>
        [.. (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal)];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
