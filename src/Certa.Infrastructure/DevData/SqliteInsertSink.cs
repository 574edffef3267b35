using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.DevData;

/// <summary>
/// SQLite: one prepared INSERT a table, run once a row in the open transaction (in process, so no round trips). Guids go
/// as EF stores them there: upper-case text.
/// </summary>
internal sealed class SqliteInsertSink(DbContext db) : RowSink
{
    public override async Task WriteAsync(EntityRows rows, IEnumerable<object> entities, CancellationToken ct)
    {
        await using var insert = db.Database.GetDbConnection().CreateCommand();
        insert.Transaction = Transaction(db);
        insert.CommandText = $"INSERT INTO \"{rows.Table}\" ({string.Join(", ", rows.Columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", rows.Columns.Select((_, i) => $"@p{i}"))})";
        var parameters = new DbParameter[rows.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = insert.CreateParameter();
            parameters[i].ParameterName = $"@p{i}";
            insert.Parameters.Add(parameters[i]);
        }

        insert.Prepare();
        var values = new object?[rows.Columns.Count];
        foreach (var entity in entities)
        {
            rows.Values(entity, values);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(),
                    { } v => v,
                };
            }

            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
