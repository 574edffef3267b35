using Certa.Domain.Certificates;
using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Certa.Infrastructure.Supervision.Watches;

/// <summary>
/// Makes every live certificate's watch again when the stored ones were made under other follow-up rules, or never (a
/// database from before watches). Readers of the watches call <see cref="EnsureCurrentAsync"/> first. Each batch is its own
/// transaction under the lock every commit takes (the audit trail's), so a certificate changed meanwhile is written by
/// whichever comes second, from what the first saved; two instances making them at once write the same rows.
/// </summary>
public sealed class CertificateWatchRebuild(IServiceScopeFactory scopes, FollowUpRules rules, TimeProvider clock, ILogger<CertificateWatchRebuild> log)
    : IDisposable
{
    /// <summary>Certificates read per batch.</summary>
    public const int BatchSize = 2_000;

    private readonly SemaphoreSlim one = new(1, 1);

    /// <summary>Whether the stored watches were made under this process's rules.</summary>
    public async Task<bool> IsCurrentAsync(CertaDbContext db, CancellationToken ct) =>
        await db.CertificateWatchRules.AsNoTracking().Where(r => r.Id == CertificateWatchRules.TheRow).Select(r => r.Fingerprint)
            .FirstOrDefaultAsync(ct) == rules.WatchFingerprint;

    /// <summary>Makes the watches again unless they are current; returns how many live certificates it read (0 when current).</summary>
    public async Task<int> EnsureCurrentAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (await IsCurrentAsync(scope.ServiceProvider.GetRequiredService<CertaDbContext>(), ct))
            {
                return 0;
            }
        }

        await one.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            return await IsCurrentAsync(db, ct) ? 0 : await RebuildAsync(db, ct);
        }
        finally
        {
            one.Release();
        }
    }

    private async Task<int> RebuildAsync(CertaDbContext db, CancellationToken ct)
    {
        log.LogInformation("Making the supervision watch of every live certificate under follow-up rules {Rules}.", rules.WatchFingerprint);
        var started = clock.GetTimestamp();
        await db.CertificateWatches.ExecuteDeleteAsync(ct);
        var read = 0;
        Guid? after = null;
        while (true)
        {
            var (count, last) = await BatchAsync(after, ct);
            read += count;
            if (last is null)
            {
                break;
            }

            after = last;
        }

        var row = await db.CertificateWatchRules.FirstOrDefaultAsync(r => r.Id == CertificateWatchRules.TheRow, ct);
        if (row is null)
        {
            row = new CertificateWatchRules();
            db.CertificateWatchRules.Add(row);
        }

        row.Fingerprint = rules.WatchFingerprint;
        row.MadeAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance made them at the same time and stored the row first; anything else is an error.
            db.ChangeTracker.Clear();
            if (!await IsCurrentAsync(db, ct))
            {
                throw;
            }
        }

        log.LogInformation("Made the supervision watches of {Count} live certificates in {Elapsed}.", read, clock.GetElapsedTime(started));
        return read;
    }

    public void Dispose() => one.Dispose();

    private async Task<(int Count, Guid? Last)> BatchAsync(Guid? after, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var keeper = scope.ServiceProvider.GetRequiredService<CertificateWatchKeeper>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await Audit.AuditLog.LockAsync(db, ct);

        var query = db.Certificates.AsNoTracking().Where(c => c.State == CertificateState.Active || c.State == CertificateState.Suspended);
        var page = after is { } last ? query.Where(c => c.Id.CompareTo(last) > 0) : query;
        var batch = await page.OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
        if (batch.Count == 0)
        {
            return (0, null);
        }

        await CertificateWatchKeeper.ReplaceAsync(db, [.. batch.Select(c => c.Id)], await keeper.WatchesOfAsync(db, batch, ct), c => db.SaveChangesAsync(c), ct);
        await transaction.CommitAsync(ct);
        return (batch.Count, batch.Count < BatchSize ? null : batch[^1].Id);
    }
}
