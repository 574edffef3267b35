using Certa.Domain.Audit;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.DevData;

/// <summary>
/// Chains generated audit events onto the trail, in time order within a batch, with <see cref="AuditEvent.Next"/> as
/// <c>AuditLog</c> does: the same sequence, hashes and state digests Certa writes, so <c>certa audit verify</c> passes.
/// </summary>
internal sealed class AuditChainTail(AuditEvent? last)
{
    public AuditEvent? Last { get; private set; } = last;

    public static async Task<AuditChainTail> ReadAsync(CertaDbContext db, CancellationToken ct) =>
        new(await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct));

    public void Chain(GeneratedBatch batch)
    {
        foreach (var pending in batch.Pending.OrderBy(p => p.At))
        {
            var e = AuditEvent.Next(Last, pending.Entry, pending.At);
            batch.AuditEvents.Add(e);
            if (pending is { CertificateNumber: { } number, BodyId: { } body })
            {
                batch.ToLog.Add((e, number, body));
            }

            Last = e;
        }
    }
}
