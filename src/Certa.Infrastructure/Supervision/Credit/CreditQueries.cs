using Certa.Domain.Common;
using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Credit;

/// <summary>The public read side of credit records: every enterprise and body with its level, and one subject with its events.</summary>
public sealed class CreditQueries(CertaDbContext db, CreditLedger ledger, TimeProvider clock)
{
    public CreditRules Rules => ledger.Rules;

    /// <summary>
    /// Enterprises (applicant organisations) and certification bodies with their level now, and any other subject that has
    /// records; narrowed to <paramref name="kind"/>, to <paramref name="level"/> and to ids or names containing <paramref name="search"/>.
    /// </summary>
    public async Task<IReadOnlyList<CreditStanding>> ListAsync(CreditSubjectKind? kind, string? level, string? search, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var standings = new List<CreditStanding>();
        foreach (var k in kind is { } only ? [only] : Enum.GetValues<CreditSubjectKind>())
        {
            var organisationKind = CreditSubjects.Organisations(k);
            var names = await db.Organisations.AsNoTracking().Where(o => o.Kind == organisationKind)
                .ToDictionaryAsync(o => o.Id, o => o.Name, StringComparer.Ordinal, ct);
            var recorded = await ledger.AssessRecordedAsync(k, now, ct);
            var unrecorded = await ledger.AssessAllAsync(k, [.. names.Keys.Where(id => !recorded.ContainsKey(id))], now, ct);
            standings.AddRange(recorded.Concat(unrecorded).Select(a => new CreditStanding(names.GetValueOrDefault(a.Key) ?? new LocalizedText(a.Key), a.Value)));
        }

        var text = search?.Trim();
        return [.. standings
            .Where(s => string.IsNullOrEmpty(level) || string.Equals(s.Assessment.Level.Id, level.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(s => string.IsNullOrEmpty(text) || Contains(s.Subject.Id, text) || Contains(s.Name.En, text) || Contains(s.Name.Zh, text))
            .OrderBy(s => s.Subject.Kind).ThenBy(s => s.Name.En, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Subject.Id, StringComparer.Ordinal)];
    }

    /// <summary>One subject now, or null when Certa has neither an organisation of that kind by the id nor records of it.</summary>
    public async Task<CreditStanding?> SubjectAsync(CreditSubjectKind kind, string id, CancellationToken ct)
    {
        var organisationKind = CreditSubjects.Organisations(kind);
        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == id && o.Kind == organisationKind).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (name is null && !await db.CreditRecords.AnyAsync(r => r.SubjectKind == kind && r.SubjectId == id, ct))
        {
            return null;
        }

        var assessment = await ledger.AssessAsync(new CreditSubject(kind, id), clock.GetUtcNow(), ct);
        return new CreditStanding(name ?? new LocalizedText(id), assessment);
    }

    /// <summary>The flag a body handling a new application of <paramref name="enterpriseId"/> sees now, or null when its level flags nothing.</summary>
    public async Task<ApplicationFlag?> FlagAsync(string enterpriseId, CancellationToken ct) =>
        ApplicationFlag.For(ledger.Rules, await ledger.AssessAsync(CreditSubject.Enterprise(enterpriseId), clock.GetUtcNow(), ct));

    private static bool Contains(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
}
