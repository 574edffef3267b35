using Certa.Domain.Common;

namespace Certa.Domain.Declarations;

public enum DeclarationState
{
    /// <summary>Filed and public: the product may carry the mark.</summary>
    Filed,

    /// <summary>Withdrawn by the declarant; the record stays public with its reason.</summary>
    Withdrawn,
}

/// <summary>
/// The type-test report a declaration rests on: the lab (a Certa laboratory organisation, required and
/// designated for self-declaration B; any lab, named, for A), its report number and date, and the file.
/// </summary>
public sealed record TypeTestReport(string? LabId, string LabName, string ReportNumber, DateOnly IssuedOn, string Sha256, string FileName)
{
    public static TypeTestReport Of(string? labId, string? labName, string? reportNumber, DateOnly? issuedOn, string sha256, string fileName)
    {
        var number = reportNumber?.Trim() ?? string.Empty;
        if (number.Length == 0)
        {
            throw DomainException.Invalid("report-number-required", "Give the type-test report's number.", "report.number");
        }

        var name = labName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            throw DomainException.Invalid("lab-required", "Name the laboratory that issued the type-test report.", "report.lab");
        }

        return new TypeTestReport(string.IsNullOrWhiteSpace(labId) ? null : labId.Trim(), name, number,
            issuedOn ?? throw DomainException.Invalid("report-date-required", "Give the type-test report's date.", "report.issuedOn"), sha256, fileName);
    }
}
