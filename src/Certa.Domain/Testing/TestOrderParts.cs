using Certa.Domain.Common;

namespace Certa.Domain.Testing;

public enum TestOrderState
{
    /// <summary>The body has ordered the tests; the applicant sends the samples to the lab.</summary>
    Ordered,

    /// <summary>The lab has received the samples.</summary>
    Received,

    /// <summary>Every standard of the order has a result.</summary>
    Completed,

    Cancelled,
}

/// <summary>How a completed order came out; an open or cancelled order has no outcome.</summary>
public enum TestOutcome
{
    Passed,
    Failed,
}

/// <summary>
/// Samples of one of the application's models for the lab; <paramref name="Basis"/> says what the body based the
/// choice on (the documents' technical data: "critical components list rev. 3").
/// </summary>
public sealed record Sample(string Model, int Quantity, string? Basis = null);

/// <summary>The lab's verdict against one standard, with the clauses it noted.</summary>
public sealed record StandardResult(string Standard, bool Passed, string? ClauseNotes, Guid? RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The lab's test report, stored content-addressed like the application's documents.</summary>
public sealed record LabReport(string Sha256, string FileName)
{
    public static LabReport Of(string? sha256, string? fileName)
    {
        var hash = sha256?.Trim().ToLowerInvariant() ?? string.Empty;
        if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
        {
            throw DomainException.Invalid("report-sha256-invalid", $"'{sha256}' is not a SHA-256 (64 hex digits) of the lab's report.", "report.sha256");
        }

        return string.IsNullOrWhiteSpace(fileName)
            ? throw DomainException.Invalid("report-file-name-required", "The lab's report needs a file name.", "report.fileName")
            : new LabReport(hash, Path.GetFileName(fileName.Trim()));
    }
}

/// <summary>What the applicant must put right after a failed test, by when, and the order that retests it.</summary>
public sealed record CorrectiveAction(string Description, DateOnly Deadline, Guid RetestOrderId);
