using Certa.Domain.Certificates;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Domain.Signing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace Certa.Infrastructure.Persistence;

/// <summary>
/// Counts the commits that may have changed a certificate, or a key or designation its verdict depends on, so that caches of
/// verification answers can key on <see cref="Generation"/> and never serve an answer older than the last change seen. One per
/// application (a singleton, added to its DbContext options as an interceptor), not per process: two instances in one test
/// process must not see each other's commits through it. Commits made by other instances move it through
/// <see cref="Cluster.ClusterChangeFeed"/> (ADR 020).
/// </summary>
public sealed class CertificateChanges : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private long generation;

    public long Generation => Interlocked.Read(ref generation);

    public void Bump() => Interlocked.Increment(ref generation);

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        BumpIfCertificates(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        BumpIfCertificates(eventData);
        return result;
    }

    // A reader between SaveChanges and the commit still sees the old rows and may cache them under the new generation;
    // bumping again at commit retires that entry too.
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Bump();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Bump();
        return Task.CompletedTask;
    }

    private void BumpIfCertificates(DbContextEventData eventData)
    {
        // After the save the entries are Unchanged; any tracked entity a verdict depends on may have been part of it. A save
        // of one statement runs without a transaction, so a key revoked alone is caught here, not at commit.
        if (eventData.Context?.ChangeTracker.Entries().Any(e => e.Entity is Certificate or IssuedCredential or SigningKey or Organisation
                or RegistryBody or ProductType or StatusLists.PublishedStatusList) == true)
        {
            Bump();
        }
    }
}
