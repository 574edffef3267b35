using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Certa.Domain.Audit;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Publication;

/// <summary>
/// Suspensions and withdrawals as notices, newest first, read from the audit trail (index on action and time): the trail
/// holds each one once, with its reason, deadline and, when Certa acted by itself, the rule, and it cannot be rewritten.
/// </summary>
internal static class PublishedActions
{
    public const string Suspended = "certificate.suspended";
    public const string Withdrawn = "certificate.withdrawn";

    // An audit event names its certificate by the id as text: lower-case on both databases, while SQLite keeps the key itself
    // as upper-case text and PostgreSQL as uuid. The key is compared in its own type, so the lookup is a primary-key seek.
    private const string SqliteKey = "upper(e.\"EntityId\")";
    private const string PostgresKey = "CAST(e.\"EntityId\" AS uuid)";

    public static IQueryable<AuditEvent> Matching(CertaDbContext db, NoticeFilter filter)
    {
        string[] actions = [.. Actions(filter)];
        var query = filter.NarrowsCertificates ? OfCertificates(db, filter, actions) : db.AuditEvents;
        query = query.AsNoTracking().Where(e => e.EntityType == "certificate" && actions.Contains(e.Action));
        if (filter.Since is { } since)
        {
            query = query.Where(e => e.OccurredAt >= since);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(e => e.OccurredAt < before);
        }

        return query;
    }

    /// <summary>Every matching action, newest first, read <paramref name="firstBatch"/> then <paramref name="batchSize"/> at a time.</summary>
    public static async IAsyncEnumerable<SupervisionNotice> ReadAsync(CertaDbContext db, NoticeFilter filter, int firstBatch, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        (DateTimeOffset At, long Sequence)? last = null;
        for (var size = firstBatch; ; size = batchSize)
        {
            var query = Matching(db, filter);
            if (last is var (at, sequence))
            {
                query = query.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Sequence < sequence));
            }

            var batch = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Sequence).Take(size).ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }

            var certificates = await NoticeCertificate.ReadAsync(db, batch.Select(e => Guid.Parse(e.EntityId)), ct);
            foreach (var e in batch)
            {
                // The trail outlives nothing it names (certificates are never deleted), so a miss would be a broken database.
                yield return Notice(e, certificates[Guid.Parse(e.EntityId)]);
            }

            last = (batch[^1].OccurredAt, batch[^1].Sequence);
            if (batch.Count < size)
            {
                yield break;
            }
        }
    }

    private static IEnumerable<string> Actions(NoticeFilter filter)
    {
        if (filter.Lists(NoticeKind.Suspension))
        {
            yield return Suspended;
        }

        if (filter.Lists(NoticeKind.Withdrawal))
        {
            yield return Withdrawn;
        }
    }

    /// <summary>
    /// The events whose certificate has the filter's scheme, body and holder, by a semi-join that EF cannot write itself
    /// (it cannot turn the event's text into the certificate's key type); the action is filtered in the same SQL so that
    /// PostgreSQL casts only certificate ids.
    /// </summary>
    private static IQueryable<AuditEvent> OfCertificates(CertaDbContext db, NoticeFilter filter, string[] actions)
    {
        var values = new List<object>();
        string Parameter(object value)
        {
            values.Add(value);
            return $"{{{values.Count - 1}}}";
        }

        var conditions = new List<string>();
        foreach (var (column, value) in new[] { ("SchemeId", filter.SchemeId), ("BodyId", filter.BodyId), ("HolderId", filter.EnterpriseId) })
        {
            if (value is not null)
            {
                conditions.Add($" AND c.\"{column}\" = {Parameter(value)}");
            }
        }

        var key = db.Database.IsNpgsql() ? PostgresKey : SqliteKey;
        var sql = "SELECT e.* FROM \"AuditEvents\" AS e WHERE e.\"EntityType\" = 'certificate' AND e.\"Action\" IN ("
            + string.Join(", ", actions.Select(Parameter)) + ") AND EXISTS (SELECT 1 FROM \"Certificates\" AS c WHERE c.\"Id\" = "
            + key + string.Concat(conditions) + ")";
        return db.AuditEvents.FromSqlRaw(sql, [.. values]);
    }

    private static SupervisionNotice Notice(AuditEvent e, NoticeCertificate certificate)
    {
        using var details = JsonDocument.Parse(e.Details);
        var d = details.RootElement;
        var reason = d.TryGetProperty("reason", out var r) ? r.GetString() ?? string.Empty : string.Empty;
        DateOnly? deadline = d.TryGetProperty("deadline", out var day) && day.ValueKind == JsonValueKind.String
            ? DateOnly.ParseExact(day.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        var rule = d.TryGetProperty("rule", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var kind = e.Action == Suspended ? NoticeKind.Suspension : NoticeKind.Withdrawal;
        return new SupervisionNotice($"audit:{e.Sequence.ToString(CultureInfo.InvariantCulture)}", kind, e.OccurredAt, certificate.Number,
            certificate.HolderId, certificate.HolderName, certificate.BodyId, certificate.SchemeId, certificate.ProductTypeId, null,
            new CertificateActionNotice(reason, deadline, rule));
    }
}
