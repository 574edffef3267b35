using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Certa.Web.Hosting;

/// <summary>
/// Failures that are the platform's state, not the request's: the database cannot be reached, or the disk under it or under the
/// file store is full. They answer 503 with a code and Retry-After instead of a bare 500, so clients wait and retry (with the same
/// Idempotency-Key) and people read what happened. Nothing is half-written: every change commits with its audit events in one
/// transaction, which a failed write rolls back; a file written before its row is content-addressed and harmless.
/// </summary>
internal static class UnavailableProblems
{
    /// <summary>What became unavailable, in the words the API and the page use.</summary>
    public sealed record Unavailable(string Code, int RetryAfterSeconds, string Title, string Detail, string TitleZh, string DetailZh);

    private const int SqliteFull = 13;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCantOpen = 14;

    // ENOSPC and EDQUOT on Linux (an IOException's HResult is the errno there); ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    private static readonly int[] DiskFullErrors = [28, 122, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    private static readonly Unavailable DatabaseUnavailable = new("database-unavailable", 5,
        "Database unavailable", "Certa cannot reach its database at the moment. Nothing was saved; try again shortly (with the same Idempotency-Key, if you sent one).",
        "数据库暂时无法访问", "Certa 目前无法连接数据库。本次操作未保存任何内容，请稍后重试。");

    private static readonly Unavailable StorageFull = new("storage-full", 60,
        "Storage full", "Certa's storage is full. Nothing was saved; try again later, once the operator has made room.",
        "存储空间已满", "Certa 的存储空间已满。本次操作未保存任何内容，请在管理员腾出空间后重试。");

    /// <summary>The unavailability behind <paramref name="error"/> (looking through wrapping exceptions), or null for any other failure.</summary>
    public static Unavailable? Classify(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            var found = e switch
            {
                SqliteException { SqliteErrorCode: SqliteFull } => StorageFull,
                SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoError or SqliteCantOpen } => DatabaseUnavailable,
                PostgresException p => Classify(p.SqlState),
                NpgsqlException { IsTransient: true } => DatabaseUnavailable,
                IOException io when DiskFullErrors.Contains(io.HResult) => StorageFull,
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The 503 problem for the API and for clients asking for JSON; a short page in English and Chinese for people.</summary>
    public static async Task WriteAsync(HttpContext http, Unavailable unavailable, bool wantsProblem)
    {
        if (unavailable == StorageFull)
        {
            http.RequestServices.GetRequiredService<StorageFailures>().Record();
        }

        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = unavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (wantsProblem)
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = unavailable.Title,
                    Detail = unavailable.Detail,
                    Extensions = { ["code"] = unavailable.Code, ["retryAfter"] = unavailable.RetryAfterSeconds },
                },
            });
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!doctype html><html><head><meta charset=utf-8><meta name=viewport content='width=device-width'><title>{unavailable.Title} · {unavailable.TitleZh}</title>" +
            "<link rel=stylesheet href='/assets/site.css'></head><body><main class=container>" +
            $"<h1>{unavailable.Title}</h1><p>{unavailable.Detail}</p><h1 lang=zh>{unavailable.TitleZh}</h1><p lang=zh>{unavailable.DetailZh}</p>" +
            $"<p>Try again in {unavailable.RetryAfterSeconds} s · 请 {unavailable.RetryAfterSeconds} 秒后重试 — <a href='/'>Certa home · 首页</a></p></main></body></html>",
            http.RequestAborted);
    }

    /// <summary>
    /// Class 08 (connection exception), 57P01–57P05 (shut down, cannot connect now, idle timeouts) and 53300 (too many connections)
    /// are the server being away; 53100 is its disk being full.
    /// </summary>
    private static Unavailable? Classify(string sqlState) => sqlState switch
    {
        "53100" => StorageFull,
        "53300" or "57P01" or "57P02" or "57P03" or "57P05" => DatabaseUnavailable,
        _ when sqlState.StartsWith("08", StringComparison.Ordinal) => DatabaseUnavailable,
        _ => null,
    };
}
