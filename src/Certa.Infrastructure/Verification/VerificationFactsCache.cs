using System.Collections.Concurrent;
using Certa.Domain.Signing;
using Certa.Infrastructure.Persistence;

namespace Certa.Infrastructure.Verification;

/// <summary>
/// The signing keys and designation answers verification has looked up, shared by every request of the process: there are
/// a handful of each, and without sharing every uncached lookup would read them again. A snapshot lives until a commit
/// may have changed them (<see cref="CertificateChanges.Generation"/>) and at most <see cref="Lifetime"/>, which
/// bounds how long another instance's change (a key revoked there) goes unseen here.
/// </summary>
public sealed class VerificationFactsCache(TimeProvider clock, CertificateChanges changes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private Snapshot current = new(-1, DateTimeOffset.MinValue);

    /// <summary>The facts valid now: the current snapshot, or a fresh empty one when it has gone stale.</summary>
    public Snapshot Now()
    {
        var snapshot = Volatile.Read(ref current);
        var generation = changes.Generation;
        var now = clock.GetUtcNow();
        if (snapshot.Generation == generation && now < snapshot.Until)
        {
            return snapshot;
        }

        var fresh = new Snapshot(generation, now + Lifetime);
        Interlocked.CompareExchange(ref current, fresh, snapshot);
        return fresh;
    }

    public sealed class Snapshot(long generation, DateTimeOffset until)
    {
        public long Generation { get; } = generation;

        public DateTimeOffset Until { get; } = until;

        public ConcurrentDictionary<(string Body, string Key), SigningKey?> Keys { get; } = new();

        /// <summary>Why a body was not designated for a product type on a day, null when it was.</summary>
        public ConcurrentDictionary<(string Body, string ProductType), Func<DateOnly, string?>> Designations { get; } = new();

        /// <summary>Whether a body has any revoked or retired key, the only case where its signatures can fail the key check.</summary>
        public ConcurrentDictionary<string, bool> BodiesWithRetiredKeys { get; } = new(StringComparer.Ordinal);
    }
}
