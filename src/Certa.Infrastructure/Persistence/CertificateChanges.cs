using Certa.Domain.Certificates;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Domain.Signing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace Certa.Infrastructure.Persistence;

/// <summary>
/// Counts the commits that may have changed a certificate, or a key or designation its verdict depends on, in this process, so that caches of verification answers can key
/// on <see cref="Generation"/> and never serve an answer older than the last change made here. (Other instances' changes
/// reach a cache when its entries expire.)
/// </summary>
public sealed class CertificateChanges : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly CertificateChanges Instance = new();

    private static long generation;

    public static long Generation => Interlocked.Read(ref generation);

    public static void Bump() => Interlocked.Increment(ref generation);

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

    private static void BumpIfCertificates(DbContextEventData eventData)
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
