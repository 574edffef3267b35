using Certa.Infrastructure.Persistence;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Hostile;

/// <summary>
/// What a refused request must leave as it was: the row count of every table of the model, the audit chain's head (its last
/// sequence and hash: any change made through an aggregate writes an event) and the number of stored files.
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, long> Rows, long AuditSequence, string AuditHash, int Files)
{
    /// <summary>
    /// Tables a request may change without changing anything a person sees: the public rate limiter's windows (counted on
    /// every public lookup, refused or not, when the limiter keeps them in the database) and the Data Protection key ring
    /// (made on first use by whichever request first protects something: a cookie, an idempotency record).
    /// </summary>
    public static IReadOnlySet<string> Excluded { get; } = new HashSet<string>(StringComparer.Ordinal) { "RateLimitWindows", "DataProtectionKeys" };

    public static async Task<DatabaseSnapshot> TakeAsync(CertaTestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var tables = db.Model.GetEntityTypes().Where(t => t.GetViewName() is null && t.GetTableName() is not null)
            .Select(t => t.GetTableName()!).Where(t => !Excluded.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\""));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var head = await db.AuditEvents.OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync();
        var files = Path.Combine(app.Database.DataDirectory, "files");
        var fileCount = Directory.Exists(files) ? Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Count() : 0;
        return new DatabaseSnapshot(rows, head?.Sequence ?? 0, head?.Hash ?? string.Empty, fileCount);
    }

    /// <summary>What differs from <paramref name="before"/>, one phrase each; empty when nothing does.</summary>
    public IReadOnlyList<string> ChangesSince(DatabaseSnapshot before)
    {
        var changes = Rows.Where(r => before.Rows.GetValueOrDefault(r.Key) != r.Value)
            .Select(r => $"{r.Key} {before.Rows.GetValueOrDefault(r.Key)} → {r.Value} rows").ToList();
        if (AuditSequence != before.AuditSequence || AuditHash != before.AuditHash)
        {
            changes.Add($"audit head {before.AuditSequence} → {AuditSequence}");
        }

        if (Files != before.Files)
        {
            changes.Add($"stored files {before.Files} → {Files}");
        }

        return changes;
    }
}
