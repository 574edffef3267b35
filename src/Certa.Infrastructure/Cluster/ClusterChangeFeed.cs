using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Infrastructure.Cluster;

/// <summary>
/// Tells this instance's caches about commits made by other instances on the same database. Every change that can alter a
/// verdict is an audited commit, so the newest audit sequence (the last entry of the primary key) moves with each of them;
/// status lists are published without an audit event, so the newest publication time is read beside it. When either moved
/// since the last look, <see cref="CertificateChanges.Generation"/> is bumped, which retires every cached answer. ADR 020.
/// </summary>
public sealed class ClusterChangeFeed(IServiceScopeFactory scopes, CertificateChanges changes)
{
    private Watermark? seen;

    /// <summary>Reads the watermark once; returns whether it moved (and the generation with it).</summary>
    public async Task<bool> PollAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        // Two index-only lookups in one round trip: max() of a primary key reads its last entry; StatusLists holds three rows a body.
        var mark = await db.Database.SqlQueryRaw<Watermark>(
                """SELECT (SELECT max("Sequence") FROM "AuditEvents") AS "Audit", (SELECT max("PublishedAt") FROM "StatusLists") AS "Lists" """)
            .SingleAsync(ct);
        if (mark == seen)
        {
            return false;
        }

        seen = mark;
        changes.Bump();
        return true;
    }

    internal sealed record Watermark(long? Audit, DateTimeOffset? Lists);
}
