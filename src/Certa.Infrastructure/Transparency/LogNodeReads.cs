using System.Globalization;
using System.Text;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency.Merkle;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Transparency;

/// <summary>
/// Loads the stored nodes a proof or an append needs (O(log n) of them) in one query: the wanted (level, index) pairs go in
/// as one parameter — a JSON array read with <c>json_each</c> on SQLite, two arrays read with <c>unnest</c> on PostgreSQL —
/// and are joined to the nodes table on its primary key, so each pair is one index lookup.
/// </summary>
internal static class LogNodeReads
{
    private const string SqliteQuery =
        "SELECT n.\"Level\", n.\"Index\", n.\"Hash\" FROM json_each({0}) AS w "
        + "JOIN \"TransparencyLogNodes\" AS n ON n.\"Level\" = json_extract(w.value, '$[0]') AND n.\"Index\" = json_extract(w.value, '$[1]')";

    private const string PostgresQuery =
        "SELECT n.\"Level\", n.\"Index\", n.\"Hash\" FROM unnest({0}, {1}) AS w(level, index) "
        + "JOIN \"TransparencyLogNodes\" AS n ON n.\"Level\" = w.level AND n.\"Index\" = w.index";

    public static async Task<IReadOnlyList<MerkleNode>> ReadAsync(CertaDbContext db, IReadOnlyList<(int Level, long Index)> wanted, CancellationToken ct)
    {
        if (wanted.Count == 0)
        {
            return [];
        }

        var query = db.Database.IsNpgsql()
            ? db.LogNodes.FromSqlRaw(PostgresQuery, wanted.Select(w => w.Level).ToArray(), wanted.Select(w => w.Index).ToArray())
            : db.LogNodes.FromSqlRaw(SqliteQuery, Json(wanted));
        var rows = await query.AsNoTracking().ToListAsync(ct);
        if (rows.Count != wanted.Count)
        {
            throw new InvalidOperationException($"The transparency log is missing {wanted.Count - rows.Count} of the {wanted.Count} tree nodes it needs: the log tables are damaged.");
        }

        return [.. rows.Select(n => new MerkleNode(n.Level, n.Index, n.Hash))];
    }

    // [[level,index],…]: numbers only, so no escaping is needed.
    private static string Json(IReadOnlyList<(int Level, long Index)> wanted)
    {
        var json = new StringBuilder("[");
        foreach (var (level, index) in wanted)
        {
            json.Append(json.Length == 1 ? "[" : ",[").Append(level.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        return json.Append(']').ToString();
    }
}
