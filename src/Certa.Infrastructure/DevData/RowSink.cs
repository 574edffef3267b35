using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Certa.Infrastructure.DevData;

/// <summary>Writes generated rows of one table on the open transaction, the fastest way the provider offers.</summary>
internal abstract class RowSink
{
    public static RowSink For(DbContext db) => db.Database.IsNpgsql() ? new PostgresCopySink(db) : new SqliteInsertSink(db);

    public abstract Task WriteAsync(EntityRows rows, IEnumerable<object> entities, CancellationToken ct);

    protected static DbTransaction Transaction(DbContext db) =>
        db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Generated rows are written inside a transaction.");
}
