using System.Runtime.CompilerServices;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Publication;

/// <summary>
/// Recorded inspection results as notices, newest first: an inspection is published the moment its result is recorded
/// (<see cref="Inspection.RecordedAt"/>). Filters run in SQL on the inspection's own columns, which copy the
/// certificate's number, holder, body, scheme and product type when it is planned.
/// </summary>
internal static class PublishedResults
{
    public static IQueryable<Inspection> Matching(CertaDbContext db, NoticeFilter filter)
    {
        var query = db.Inspections.AsNoTracking().Where(i => i.State == InspectionState.Passed || i.State == InspectionState.Failed);
        if (filter.Since is { } since)
        {
            query = query.Where(i => i.RecordedAt >= since);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(i => i.RecordedAt < before);
        }

        if (filter.SchemeId is { } scheme)
        {
            query = query.Where(i => i.SchemeId == scheme);
        }

        if (filter.BodyId is { } body)
        {
            query = query.Where(i => i.BodyId == body);
        }

        if (filter.EnterpriseId is { } enterprise)
        {
            query = query.Where(i => i.EnterpriseId == enterprise);
        }

        return query;
    }

    /// <summary>Every matching result, newest first, read <paramref name="firstBatch"/> then <paramref name="batchSize"/> at a time.</summary>
    public static async IAsyncEnumerable<SupervisionNotice> ReadAsync(CertaDbContext db, NoticeFilter filter, int firstBatch, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Keyset paging on the publication time; results published in the same instant are told apart by the ids already read.
        DateTimeOffset? lastAt = null;
        var readAtLast = new List<Guid>();
        for (var size = firstBatch; ; size = batchSize)
        {
            var query = Matching(db, filter);
            if (lastAt is { } at)
            {
                var read = readAtLast.ToList();
                query = query.Where(i => i.RecordedAt < at || (i.RecordedAt == at && !read.Contains(i.Id)));
            }

            var batch = await query.OrderByDescending(i => i.RecordedAt).ThenByDescending(i => i.Id).Take(size).ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }

            var certificates = await NoticeCertificate.ReadAsync(db, batch.Select(i => i.CertificateId), ct);
            var drawIds = batch.Where(i => i.DrawId is not null).Select(i => i.DrawId!.Value).Distinct().ToList();
            var draws = drawIds.Count == 0 ? [] : await db.Draws.AsNoTracking().Where(d => drawIds.Contains(d.Id))
                .ToDictionaryAsync(d => d.Id, d => d.Reference, ct);
            foreach (var i in batch)
            {
                yield return Notice(i, certificates[i.CertificateId], i.DrawId is { } draw ? draws.GetValueOrDefault(draw) : null);
            }

            var oldest = batch[^1].RecordedAt!.Value;
            readAtLast = oldest == lastAt ? readAtLast : [];
            readAtLast.AddRange(batch.Where(i => i.RecordedAt == oldest).Select(i => i.Id));
            lastAt = oldest;
            if (batch.Count < size)
            {
                yield break;
            }
        }
    }

    private static SupervisionNotice Notice(Inspection i, NoticeCertificate certificate, string? drawReference) =>
        new($"inspection:{i.Id}", NoticeKind.Inspection, i.RecordedAt!.Value, i.CertificateNumber, i.EnterpriseId,
            certificate.HolderName, i.BodyId, i.SchemeId, i.ProductTypeId,
            new InspectionNotice(i.Id, i.Kind, drawReference, i.PerformedOn!.Value, i.State, i.Findings, i.Summary), null);
}
