using Certa.Domain.Verification;

namespace Certa.Infrastructure.Verification.Bulk;

/// <summary>How a bulk request's lines are written: RFC 4180 CSV (<c>number,model,holder</c>) or one JSON object a line.</summary>
public enum BulkFormat
{
    Csv,
    Ndjson,
}

/// <summary>
/// One input line of a bulk verification: what it asks, or why it cannot be read. <paramref name="Line"/> is the line of the
/// body it starts on (1 = the first, a CSV header included, blank lines counted).
/// </summary>
public readonly record struct BulkLine(int Line, string? Number, string? Model, string? Holder, string? Error)
{
    public static BulkLine Invalid(int line, string message) => new(line, null, null, null, message);
}

/// <summary>
/// The answer to one line: a <see cref="Verdict"/> (with the certificate's last valid day when it exists), or an error that
/// kept the line from being checked. <see cref="Line"/> is null for an error about the request as a whole (too many lines).
/// </summary>
public readonly record struct BulkResult(int? Line, Verdict? Verdict, DateOnly? ValidUntil, BulkError? Error);

/// <summary>Why a line, or the rest of the request, was not checked.</summary>
public sealed record BulkError(string Code, string Message)
{
    public const string LineInvalid = "line-invalid";
    public const string TooManyLines = "too-many-lines";
}
