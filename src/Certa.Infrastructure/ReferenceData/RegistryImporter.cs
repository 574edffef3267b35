using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Certa.Domain.Registry;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.ReferenceData;

/// <summary>
/// Brings the database's registry in line with a data set, in one transaction: adds what is new,
/// updates what changed, removes what is gone. Running it twice on the same data changes nothing.
/// </summary>
public sealed class RegistryImporter(CertaDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions FingerprintJson = new() { WriteIndented = false };
    private const string AdvisorFileKind = "advisor-file";
    private bool unmigrated;

    /// <summary>Applies the snapshot; <paramref name="actor"/> (<c>cli:{user}</c>, <c>system</c>) is recorded in the audit trail.</summary>
    public async Task<ImportReport> ImportAsync(RegistrySnapshot snapshot, bool dryRun, CancellationToken ct, string actor = "system")
    {
        // A dry run against a database that is not migrated yet compares with an empty registry.
        unmigrated = dryRun && (await db.Database.GetPendingMigrationsAsync(ct)).Any();
        await using var transaction = dryRun ? null : await db.Database.BeginTransactionAsync(ct);
        var fingerprints = new List<string>();
        List<KindChanges> kinds =
        [
            await SyncAsync(RegistryKinds.Authority, db.Authorities, snapshot.Authorities, fingerprints, ct),
            await SyncAsync(RegistryKinds.Scheme, db.Schemes, snapshot.Schemes, fingerprints, ct),
            await SyncAsync(RegistryKinds.Rule, db.Rules, snapshot.Rules, fingerprints, ct),
            await SyncAsync(RegistryKinds.Standard, db.Standards, snapshot.Standards, fingerprints, ct),
            await SyncAsync(RegistryKinds.Category, db.Categories, snapshot.Categories, fingerprints, ct),
            await SyncAsync(RegistryKinds.ProductType, db.ProductTypes, snapshot.ProductTypes, fingerprints, ct),
            await SyncAsync(RegistryKinds.Change, db.CatalogueChanges, snapshot.Changes, fingerprints, ct),
            await SyncAsync(RegistryKinds.Body, db.Bodies, snapshot.Bodies.Where(b => b.Kind == BodyKind.CertificationBody).ToList(), fingerprints, ct, b => b.Kind == BodyKind.CertificationBody),
            await SyncAsync(RegistryKinds.Lab, db.Bodies, snapshot.Bodies.Where(b => b.Kind == BodyKind.Laboratory).ToList(), fingerprints, ct, b => b.Kind == BodyKind.Laboratory),
        ];
        kinds.Add(await SyncFilesAsync(snapshot.AdvisorFiles, fingerprints, ct));
        var report = new ImportReport(kinds, dryRun, Hash(string.Join("\n", fingerprints)));
        if (dryRun || (!report.HasChanges && await db.SearchEntries.AnyAsync(ct)))
        {
            db.ChangeTracker.Clear();
            return report;
        }

        await db.SearchEntries.ExecuteDeleteAsync(ct);
        db.SearchEntries.AddRange(snapshot.SearchEntries());
        if (report.HasChanges)
        {
            var now = clock.GetUtcNow();
            db.RegistryImports.Add(new RegistryImportRecord { ImportedAt = now, Fingerprint = report.Fingerprint, Summary = report.Summary });
            await Audit.AuditLog.AppendAsync(db, new Certa.Domain.Audit.AuditEntry(
                actor, null, "registry.imported", "reference-data", "registry",
                new { fingerprint = report.Fingerprint },
                System.Diagnostics.Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N"),
                new { kinds = report.Kinds.Select(k => new { kind = k.Kind, added = k.Added, changed = k.Changed, removed = k.Removed }) }),
                now, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction!.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return report;
    }

    private async Task<KindChanges> SyncAsync<T>(string kind, DbSet<T> set, IReadOnlyList<T> incoming,
        List<string> fingerprints, CancellationToken ct, Func<T, bool>? belongs = null)
        where T : class, IRegistryRecord
    {
        var stored = unmigrated ? [] : await set.ToListAsync(ct);
        var existing = stored.Where(e => belongs?.Invoke(e) ?? true)
            .ToDictionary(e => e.Key, StringComparer.Ordinal);
        int added = 0, changed = 0, unchanged = 0;
        foreach (var item in incoming)
        {
            var print = Fingerprint(item);
            fingerprints.Add($"{kind}:{item.Key}:{print}");
            if (!existing.Remove(item.Key, out var current))
            {
                set.Add(item);
                added++;
            }
            else if (Fingerprint(current) == print)
            {
                unchanged++;
            }
            else
            {
                // Replace every column of the stored row with the incoming record's values.
                db.Entry(current).State = EntityState.Detached;
                db.Entry(item).State = EntityState.Modified;
                changed++;
            }
        }

        set.RemoveRange(existing.Values);
        return new KindChanges(kind, added, changed, existing.Count, unchanged);
    }

    /// <summary>The advisor's files are stored whole; a file counts as changed when its text does.</summary>
    private async Task<KindChanges> SyncFilesAsync(IReadOnlyList<SourceFile> files, List<string> fingerprints, CancellationToken ct)
    {
        var existing = (unmigrated ? [] : await db.ReferenceFiles.ToListAsync(ct)).ToDictionary(f => f.Path, StringComparer.Ordinal);
        int added = 0, changed = 0, unchanged = 0;
        foreach (var file in files)
        {
            var hash = Hash(file.Text);
            fingerprints.Add($"{AdvisorFileKind}:{file.Path}:{hash}");
            if (!existing.Remove(file.Path, out var stored))
            {
                db.ReferenceFiles.Add(new ReferenceFileRecord { Path = file.Path, Text = file.Text, Hash = hash });
                added++;
            }
            else if (stored.Hash == hash)
            {
                unchanged++;
            }
            else
            {
                stored.Text = file.Text;
                stored.Hash = hash;
                changed++;
            }
        }

        db.ReferenceFiles.RemoveRange(existing.Values);
        return new KindChanges(AdvisorFileKind, added, changed, existing.Count, unchanged);
    }

    private static string Fingerprint<T>(T item) => Hash(JsonSerializer.Serialize(item, FingerprintJson));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
