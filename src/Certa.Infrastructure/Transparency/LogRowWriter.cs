using System.Data.Common;
using System.Globalization;
using Certa.Infrastructure.Transparency.Merkle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Certa.Infrastructure.Transparency;

/// <summary>
/// Writes a sequencer batch's rows with prepared INSERTs on the open transaction: thousands of entries and nodes a batch,
/// which EF's change tracking would make several times slower: one prepared INSERT a row on SQLite (in-process, no round
/// trips), one INSERT … SELECT FROM unnest(arrays) a table on PostgreSQL. Times are written as the model stores them (UTC
/// text with microseconds on SQLite, timestamptz on PostgreSQL).
/// </summary>
internal sealed class LogRowWriter(DbContext db)
{
    private readonly bool postgres = db.Database.IsNpgsql();

    public async Task WriteAsync(IReadOnlyList<LogEntry> entries, IReadOnlyList<MerkleNode> nodes, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Log rows are written inside the sequencer's transaction.");
        if (postgres)
        {
            // One statement a table: each row would otherwise be a round trip to the server.
            await using (var rows = Command(connection, transaction,
                "INSERT INTO \"TransparencyLogEntries\" (\"Index\", \"AuditSequence\", \"CertificateNumber\", \"Leaf\", \"LeafHash\", \"Timestamp\") "
                + "SELECT * FROM unnest(@p0, @p1, @p2, @p3, @p4, @p5)", 6))
            {
                await RunAsync(rows, ct, entries.Select(e => e.Index).ToArray(), entries.Select(e => e.AuditSequence).ToArray(),
                    entries.Select(e => e.CertificateNumber).ToArray(), entries.Select(e => e.Leaf).ToArray(), entries.Select(e => e.LeafHash).ToArray(),
                    entries.Select(e => e.Timestamp.ToUniversalTime()).ToArray());
            }

            await using (var rows = Command(connection, transaction,
                "INSERT INTO \"TransparencyLogNodes\" (\"Level\", \"Index\", \"Hash\") SELECT * FROM unnest(@p0, @p1, @p2)", 3))
            {
                await RunAsync(rows, ct, nodes.Select(n => n.Level).ToArray(), nodes.Select(n => n.Index).ToArray(), nodes.Select(n => n.Hash).ToArray());
            }

            return;
        }

        await using (var insert = Command(connection, transaction,
            "INSERT INTO \"TransparencyLogEntries\" (\"Index\", \"AuditSequence\", \"CertificateNumber\", \"Leaf\", \"LeafHash\", \"Timestamp\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6))
        {
            foreach (var e in entries)
            {
                await RunAsync(insert, ct, e.Index, e.AuditSequence, e.CertificateNumber, e.Leaf, e.LeafHash, Time(e.Timestamp));
            }
        }

        await using (var insert = Command(connection, transaction,
            "INSERT INTO \"TransparencyLogNodes\" (\"Level\", \"Index\", \"Hash\") VALUES (@p0, @p1, @p2)", 3))
        {
            foreach (var n in nodes)
            {
                await RunAsync(insert, ct, n.Level, n.Index, n.Hash);
            }
        }
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"p{i}";
            command.Parameters.Add(p);
        }

        return command;
    }

    private static Task<int> RunAsync(DbCommand command, CancellationToken ct, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQueryAsync(ct);
    }
}
