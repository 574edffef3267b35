using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Credit;

/// <summary>
/// Reads the credit records and weighs them by the rules: nothing but the events is stored, so the score and
/// level are computed here each time (ADR 017).
/// </summary>
public sealed class CreditLedger(CertaDbContext db, CreditRules rules)
{
    public CreditRules Rules => rules;

    /// <summary>The assessment of <paramref name="subject"/> at <paramref name="now"/>; a subject with no events has the starting score.</summary>
    public async Task<CreditAssessment> AssessAsync(CreditSubject subject, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var all = await AssessAllAsync(subject.Kind, [subject.Id], now, ct);
        return all[subject.Id];
    }

    /// <summary>The level of each of <paramref name="enterpriseIds"/> at <paramref name="now"/>, read in one query.</summary>
    public async Task<IReadOnlyDictionary<string, CreditLevel>> EnterpriseLevelsAsync(IReadOnlyCollection<string> enterpriseIds,
        DateTimeOffset now, CancellationToken ct)
    {
        var all = await AssessAllAsync(CreditSubjectKind.Enterprise, enterpriseIds, now, ct);
        return all.ToDictionary(a => a.Key, a => a.Value.Level, StringComparer.Ordinal);
    }

    /// <summary>The assessment of each of <paramref name="ids"/> (subjects of one kind) at <paramref name="now"/>, read in one query.</summary>
    public async Task<IReadOnlyDictionary<string, CreditAssessment>> AssessAllAsync(CreditSubjectKind kind, IReadOnlyCollection<string> ids,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        // No event counts longer than the longest-counting type, so older rows need not be read.
        var since = now.AddMonths(-rules.EventTypes.Max(t => t.CountsForMonths));
        var records = wanted.Count == 0
            ? []
            : await db.CreditRecords.AsNoTracking()
                .Where(r => r.SubjectKind == kind && wanted.Contains(r.SubjectId) && r.OccurredAt <= now && r.OccurredAt >= since)
                .ToListAsync(ct);
        var bySubject = records.ToLookup(r => r.SubjectId, StringComparer.Ordinal);
        return wanted.ToDictionary(id => id,
            id => CreditAssessment.Of(rules, new CreditSubject(kind, id), bySubject[id].Select(r => r.ToEvent()), now), StringComparer.Ordinal);
    }

    /// <summary>Every record of <paramref name="kind"/> that may count at <paramref name="now"/>, grouped by subject; for the public list.</summary>
    public async Task<IReadOnlyDictionary<string, CreditAssessment>> AssessRecordedAsync(CreditSubjectKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var ids = await db.CreditRecords.AsNoTracking().Where(r => r.SubjectKind == kind && r.OccurredAt <= now)
            .Select(r => r.SubjectId).Distinct().ToListAsync(ct);
        return await AssessAllAsync(kind, ids, now, ct);
    }
}
