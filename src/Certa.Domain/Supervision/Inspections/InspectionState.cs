namespace Certa.Domain.Supervision.Inspections;

/// <summary>Planned; then performed with an outcome (published at once), or cancelled before it took place.</summary>
public enum InspectionState
{
    Planned,
    Passed,
    Failed,
    Cancelled,
}
