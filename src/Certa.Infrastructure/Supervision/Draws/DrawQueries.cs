using Certa.Domain.Common;
using Certa.Domain.Supervision.Draws;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Draws;

/// <summary>The inspection a draw planned for one target, as the public sees it.</summary>
public sealed record DrawInspection(Guid Id, string CertificateNumber, InspectionState State, DateOnly PlannedOn, DateOnly? PerformedOn);

/// <summary>A published draw with what its record names, in words: organisations and inspectors by name, and the inspections planned.</summary>
public sealed record DrawDetail(
    Draw Draw,
    DrawRecord Record,
    IReadOnlyDictionary<string, string> InspectorNames,
    IReadOnlyDictionary<string, LocalizedText> OrganisationNames,
    IReadOnlyDictionary<string, DrawInspection> Inspections)
{
    public string InspectorName(string id) => InspectorNames.GetValueOrDefault(id, id);

    public string OrganisationName(string id, string language) => OrganisationNames.TryGetValue(id, out var name) ? name.In(language) : id;
}

/// <summary>Draws are public from the moment they are made: the list, one draw in words, and its record as stored.</summary>
public sealed class DrawQueries(CertaDbContext db)
{
    /// <summary>Every draw, or one authority's, newest first.</summary>
    public async Task<IReadOnlyList<Draw>> ListAsync(string? authorityId, CancellationToken ct)
    {
        var query = db.Draws.AsNoTracking();
        if (authorityId is not null)
        {
            query = query.Where(d => d.AuthorityId == authorityId);
        }

        // Ordered in memory: SQLite cannot order by a DateTimeOffset column.
        return [.. (await query.ToListAsync(ct)).OrderByDescending(d => d.MadeAt).ThenByDescending(d => d.Reference, StringComparer.Ordinal)];
    }

    public async Task<Draw> GetAsync(string reference, CancellationToken ct) =>
        await db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.Reference == reference, ct)
        ?? throw DomainException.NotFound("draw-not-found", $"There is no draw '{reference}'.");

    public async Task<DrawDetail> DetailAsync(string reference, CancellationToken ct)
    {
        var draw = await GetAsync(reference, ct);
        var record = draw.ToRecord();
        var people = record.Inputs.Definition.Pool.Select(i => Guid.TryParse(i.Id, out var g) ? g : Guid.Empty).ToList();
        var names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => new { p.Id, p.DisplayName })
            .ToDictionaryAsync(p => DrawPopulation.InspectorId(p.Id), p => p.DisplayName, StringComparer.Ordinal, ct);
        var organisations = record.Result.Targets.SelectMany(t => new[] { t.EnterpriseId, t.BodyId })
            .Concat(record.Inputs.Definition.Pool.Select(i => i.OrganisationId)).Append(draw.AuthorityId).Distinct(StringComparer.Ordinal).ToList();
        var orgNames = await db.Organisations.AsNoTracking().Where(o => organisations.Contains(o.Id)).Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => o.Name, StringComparer.Ordinal, ct);
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.DrawId == draw.Id)
            .Select(i => new DrawInspection(i.Id, i.CertificateNumber, i.State, i.PlannedOn, i.PerformedOn))
            .ToDictionaryAsync(i => i.CertificateNumber, StringComparer.Ordinal, ct);
        return new DrawDetail(draw, record, names, orgNames, inspections);
    }
}
