using System.Runtime.CompilerServices;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Publication;

/// <summary>
/// The public record of supervision, newest first: recorded inspection results, and certificates suspended or
/// withdrawn. No table of its own: results are read from the inspections, actions from the audit trail, each filtered
/// and ordered in SQL by its index, and the two sorted streams merged as they are read, so a page reads a page of each
/// and an export holds one batch at a time.
/// </summary>
/// <param name="db">The database to read.</param>
/// <param name="batch">Rows read from each source at a time once past the first page; tests make it small.</param>
public sealed class SupervisionNotices(CertaDbContext db, int batch = SupervisionNotices.Batch)
{
    public const int Batch = 500;

    /// <summary>How many notices match, across all pages.</summary>
    public async Task<int> CountAsync(NoticeFilter filter, CancellationToken ct) =>
        (filter.Lists(NoticeKind.Inspection) ? await PublishedResults.Matching(db, filter).CountAsync(ct) : 0)
        + (filter.Lists(NoticeKind.Suspension) || filter.Lists(NoticeKind.Withdrawal) ? await PublishedActions.Matching(db, filter).CountAsync(ct) : 0);

    /// <summary>The notices after the first <paramref name="skip"/>, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<SupervisionNotice>> PageAsync(NoticeFilter filter, int skip, int take, CancellationToken ct)
    {
        var page = new List<SupervisionNotice>(take);
        await foreach (var notice in ReadAsync(filter, Math.Min(batch, skip + take), ct).Skip(skip).Take(take).WithCancellation(ct))
        {
            page.Add(notice);
        }

        return page;
    }

    /// <summary>Every matching notice, newest first, streamed.</summary>
    public IAsyncEnumerable<SupervisionNotice> AllAsync(NoticeFilter filter, CancellationToken ct) => ReadAsync(filter, batch, ct);

    private IAsyncEnumerable<SupervisionNotice> ReadAsync(NoticeFilter filter, int firstBatch, CancellationToken ct)
    {
        var results = filter.Lists(NoticeKind.Inspection) ? PublishedResults.ReadAsync(db, filter, firstBatch, batch, ct) : AsyncEnumerable.Empty<SupervisionNotice>();
        var actions = filter.Lists(NoticeKind.Suspension) || filter.Lists(NoticeKind.Withdrawal)
            ? PublishedActions.ReadAsync(db, filter, firstBatch, batch, ct)
            : AsyncEnumerable.Empty<SupervisionNotice>();
        return NewestFirst(results, actions, ct);
    }

    /// <summary>Merges two streams that are each newest first; at the same instant, the first stream's notice comes first.</summary>
    private static async IAsyncEnumerable<SupervisionNotice> NewestFirst(IAsyncEnumerable<SupervisionNotice> first, IAsyncEnumerable<SupervisionNotice> second,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var a = first.GetAsyncEnumerator(ct);
        await using var b = second.GetAsyncEnumerator(ct);
        var (hasA, hasB) = (await a.MoveNextAsync(), await b.MoveNextAsync());
        while (hasA || hasB)
        {
            if (hasA && (!hasB || a.Current.PublishedAt >= b.Current.PublishedAt))
            {
                yield return a.Current;
                hasA = await a.MoveNextAsync();
            }
            else
            {
                yield return b.Current;
                hasB = await b.MoveNextAsync();
            }
        }
    }
}
