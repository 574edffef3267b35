using System.Data.Common;
using System.Text.Json;

namespace Certa.Infrastructure.Verification.Bulk;

/// <summary>
/// One narrow SELECT over rows picked by certificate number, run once per batch with the batch as one parameter: an array on
/// PostgreSQL (<c>= ANY(@numbers)</c>), a JSON array on SQLite, walked first (<c>json_each(@numbers) CROSS JOIN</c>, which SQLite never reorders) so each
/// number is one index lookup rather than a scan of the table. Binding
/// 2 000 separate parameters costs SQLite far more than the lookups (each is matched by name); one parameter keeps the text
/// fixed, so the statement stays prepared across batches. Identifiers are quoted, as PostgreSQL needs.
/// </summary>
internal sealed class NumberQuery : IAsyncDisposable
{
    private readonly DbCommand command;
    private readonly DbParameter numbers;
    private readonly bool postgres;

    public NumberQuery(DbConnection connection, bool postgres, string selectFrom)
    {
        this.postgres = postgres;
        command = connection.CreateCommand();
        command.CommandText = postgres
            ? $"{selectFrom} WHERE \"Number\" = ANY(@numbers)"
            : $"{selectFrom.Replace(" FROM ", " FROM json_each(@numbers) AS j CROSS JOIN ", StringComparison.Ordinal)} WHERE \"Number\" = j.value";
        numbers = command.CreateParameter();
        numbers.ParameterName = "numbers";
        command.Parameters.Add(numbers);
    }

    public Task<DbDataReader> ExecuteAsync(IReadOnlyList<string> batch, CancellationToken ct)
    {
        numbers.Value = postgres ? batch.ToArray() : JsonSerializer.Serialize(batch);
        return command.ExecuteReaderAsync(ct);
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
