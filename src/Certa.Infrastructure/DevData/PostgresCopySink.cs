using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Certa.Infrastructure.DevData;

/// <summary>
/// PostgreSQL: one binary COPY a table a batch. In binary COPY the server decodes each field with its column's own type,
/// so every string goes as text (varchar and fixed-length char read the same bytes) and times go as UTC timestamptz.
/// </summary>
internal sealed class PostgresCopySink(DbContext db) : RowSink
{
    public override async Task WriteAsync(EntityRows rows, IEnumerable<object> entities, CancellationToken ct)
    {
        _ = Transaction(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var columns = string.Join(", ", rows.Columns.Select(c => $"\"{c}\""));
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"{rows.Table}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        var values = new object?[rows.Columns.Count];
        foreach (var entity in entities)
        {
            rows.Values(entity, values);
            await copy.StartRowAsync(ct);
            foreach (var value in values)
            {
                await WriteAsync(copy, value, ct);
            }
        }

        await copy.CompleteAsync(ct);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, object? value, CancellationToken ct) => value switch
    {
        null => copy.WriteNullAsync(ct),
        string s => copy.WriteAsync(s, NpgsqlDbType.Text, ct),
        Guid g => copy.WriteAsync(g, NpgsqlDbType.Uuid, ct),
        int i => copy.WriteAsync(i, NpgsqlDbType.Integer, ct),
        long l => copy.WriteAsync(l, NpgsqlDbType.Bigint, ct),
        short s => copy.WriteAsync(s, NpgsqlDbType.Smallint, ct),
        bool b => copy.WriteAsync(b, NpgsqlDbType.Boolean, ct),
        DateOnly d => copy.WriteAsync(d, NpgsqlDbType.Date, ct),
        DateTimeOffset t => copy.WriteAsync(t.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct),
        byte[] bytes => copy.WriteAsync(bytes, NpgsqlDbType.Bytea, ct),
        _ => throw new InvalidOperationException($"The generator cannot COPY a {value.GetType().Name}; add it here."),
    };
}
