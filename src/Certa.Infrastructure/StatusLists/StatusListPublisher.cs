using System.Security.Cryptography;
using System.Text;
using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Signing;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.StatusLists;

/// <summary>
/// Builds a body's three status lists from its certificates — revocation (withdrawn, cancelled), suspension, and message
/// (versions superseded by a newer version or a renewal) — and signs and stores each one whose bits changed. A list whose
/// bits did not change keeps its bytes and ETag, so caches keep it too.
/// </summary>
public sealed class StatusListPublisher(CertaDbContext db, BodyKeys keys, IssuerIdentity identity, TimeProvider clock)
{
    /// <summary>How long a verifier may cache a list (the credential's ttl); the worker republishes well within it.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);

    /// <summary>The advisory lock's first key (the second is the body's hash); ADR 020.</summary>
    private const int PublisherLock = 2026112811;

    public static readonly IReadOnlyList<StatusPurpose> Purposes = [StatusPurpose.Revocation, StatusPurpose.Suspension, StatusPurpose.Message];

    /// <summary>Publishes the lists of every body that has issued a certificate; returns how many lists changed.</summary>
    public async Task<int> PublishAllAsync(CancellationToken ct)
    {
        // From the organisations, each asked whether it has a certificate (one index probe): a DISTINCT over the certificates'
        // bodies reads the whole table, every round, however few bodies there are.
        var bodies = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.CertificationBody && db.Certificates.Any(c => c.BodyId == o.Id))
            .Select(o => o.Id).ToListAsync(ct);
        var changed = 0;
        foreach (var body in bodies.Order(StringComparer.Ordinal))
        {
            changed += await PublishAsync(body, ct);
        }

        return changed;
    }

    /// <summary>Rebuilds the body's lists and re-signs the ones whose bits differ from what is published; returns how many.</summary>
    public async Task<int> PublishAsync(string bodyId, CancellationToken ct)
    {
        // Several instances publish (each after a change it hears of): one at a time per body, and each reads the bits only once
        // it holds the lock, so a slower publisher cannot store older bits over newer ones. SQLite's single writer needs no lock.
        await using var transaction = db.Database.IsNpgsql() && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PublisherLock}, hashtext({bodyId}))", ct);
        }

        var now = clock.GetUtcNow();
        var changed = 0;
        foreach (var purpose in Purposes)
        {
            var bits = await BitsAsync(bodyId, purpose, ct);
            var name = CredentialStatusEntry.NameOf(purpose);
            var digest = bits.Sha256Hex();
            var stored = await db.StatusLists.FirstOrDefaultAsync(l => l.BodyId == bodyId && l.Purpose == name, ct);
            if (stored?.Digest == digest)
            {
                continue;
            }

            if (stored is null)
            {
                stored = new PublishedStatusList(bodyId, name);
                db.StatusLists.Add(stored);
            }

            var json = await SignAsync(bodyId, purpose, bits, now, ct);
            stored.Publish(json, ETagOf(json), digest, bits.SetCount, now);
            changed++;
        }

        if (changed > 0 || db.ChangeTracker.HasChanges())
        {
            // A body's first key may be made here; it is an aggregate with an event, so it goes through the audited commit.
            await db.CommitAsync(new CommandContext(Actor.System, $"status-lists-{bodyId}-{now:yyyyMMddHHmmss}"), now, ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return changed;
    }

    /// <summary>The published list, built first if the body has never published one; null for a body with no certificates.</summary>
    public async Task<PublishedStatusList?> CurrentAsync(string bodyId, StatusPurpose purpose, CancellationToken ct)
    {
        var name = CredentialStatusEntry.NameOf(purpose);
        var stored = await db.StatusLists.AsNoTracking().FirstOrDefaultAsync(l => l.BodyId == bodyId && l.Purpose == name, ct);
        if (stored is not null || !await db.Certificates.AnyAsync(c => c.BodyId == bodyId, ct))
        {
            return stored;
        }

        await db.RetryAsync(() => PublishAsync(bodyId, ct), ct);
        return await db.StatusLists.AsNoTracking().FirstOrDefaultAsync(l => l.BodyId == bodyId && l.Purpose == name, ct);
    }

    private async Task<Bitstring> BitsAsync(string bodyId, StatusPurpose purpose, CancellationToken ct)
    {
        List<int> set;
        int highest;
        if (purpose == StatusPurpose.Message)
        {
            highest = await db.IssuedCredentials.AsNoTracking().Where(c => c.BodyId == bodyId).MaxAsync(c => (int?)c.MessageListIndex, ct) ?? 0;
            // Only a certificate with a second version or a renewal has superseded credentials.
            set = await (from c in db.Certificates.AsNoTracking()
                         where c.BodyId == bodyId && (c.Version > 1 || c.State == CertificateState.Superseded)
                         join ic in db.IssuedCredentials.AsNoTracking() on c.Id equals ic.CertificateId
                         where ic.Version < c.Version || c.State == CertificateState.Superseded
                         select ic.MessageListIndex).ToListAsync(ct);
        }
        else
        {
            CertificateState[] states = purpose == StatusPurpose.Suspension
                ? [CertificateState.Suspended]
                : [CertificateState.Withdrawn, CertificateState.Cancelled];
            highest = await db.Certificates.AsNoTracking().Where(c => c.BodyId == bodyId).MaxAsync(c => (int?)c.StatusListIndex, ct) ?? 0;
            set = await db.Certificates.AsNoTracking().Where(c => c.BodyId == bodyId && states.Contains(c.State)).Select(c => c.StatusListIndex).ToListAsync(ct);
        }

        var bits = new Bitstring(Math.Max(Bitstring.MinimumBits, checked((highest / 8 + 1) * 8)));
        foreach (var index in set)
        {
            bits.Set(index);
        }

        return bits;
    }

    private async Task<string> SignAsync(string bodyId, StatusPurpose purpose, Bitstring bits, DateTimeOffset now, CancellationToken ct)
    {
        var key = await keys.ActiveKeyAsync(bodyId, now, ct);
        var method = identity.VerificationMethod(bodyId, key.KeyId);
        var unsigned = StatusListCredential.Build(identity.StatusListUrl(bodyId, CredentialStatusEntry.NameOf(purpose)), identity.Did(bodyId), purpose, bits, now, Ttl);
        var seed = keys.PrivateSeed(key);
        try
        {
            return DataIntegrityProof.Sign(unsigned, seed, method, now).ToJsonString();
        }
        finally
        {
            Array.Clear(seed);
        }
    }

    private static string ETagOf(string json) => $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)).AsSpan(0, 16))}\"";
}
