using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Statistics;

/// <summary>How many completed stays in a state (the history's enum number) lasted this many tenths of a day.</summary>
public sealed class StepTimeBucket
{
    public int State { get; init; }

    public long Tenths { get; init; }

    public long Count { get; init; }
}

/// <summary>
/// The time applications spent in each state, read from their state history (<c>Applications.History</c>, a JSON array
/// of <c>{state, at}</c>) in the database: each entry paired with the next one, the gap bucketed to a tenth of a day
/// and counted per state. Only the histogram leaves the database, never the applications; a state still current has
/// no end yet and does not count. SQL per provider: JSON and time arithmetic differ between SQLite and PostgreSQL.
/// </summary>
internal static class StepTimeSql
{
    private const string Sqlite =
        "SELECT CAST(json_extract(e.value, '$.state') AS INTEGER) AS \"State\", "
        + "CAST((julianday(json_extract(a.\"History\", '$[' || (e.key + 1) || '].at')) - julianday(json_extract(e.value, '$.at'))) * 10 AS INTEGER) AS \"Tenths\", "
        + "COUNT(*) AS \"Count\" "
        + "FROM \"Applications\" AS a, json_each(a.\"History\") AS e "
        + "WHERE json_extract(a.\"History\", '$[' || (e.key + 1) || '].at') IS NOT NULL {0}"
        + "GROUP BY 1, 2";

    private const string Postgres =
        "SELECT (e.value ->> 'state')::int AS \"State\", "
        + "floor(extract(epoch FROM ((a.h -> e.ordinality::int ->> 'at')::timestamptz - (e.value ->> 'at')::timestamptz)) / 8640)::bigint AS \"Tenths\", "
        + "count(*) AS \"Count\" "
        + "FROM (SELECT \"History\"::jsonb AS h FROM \"Applications\" WHERE TRUE {0}) AS a "
        + "CROSS JOIN LATERAL jsonb_array_elements(a.h) WITH ORDINALITY AS e(value, ordinality) "
        + "WHERE a.h -> e.ordinality::int IS NOT NULL "
        + "GROUP BY 1, 2";

    public static Task<List<StepTimeBucket>> HistogramAsync(CertaDbContext db, string? bodyId, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        // Two texts rather than "@body IS NULL OR …": PostgreSQL cannot type a parameter that is only ever null.
        var filter = bodyId is null ? "" : postgres ? "AND \"BodyId\" = {0} " : "AND a.\"BodyId\" = {0} ";
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, postgres ? Postgres : Sqlite, filter);
        object[] parameters = bodyId is null ? [] : [bodyId];
        return db.Database.SqlQueryRaw<StepTimeBucket>(sql, parameters).ToListAsync(ct);
    }
}
