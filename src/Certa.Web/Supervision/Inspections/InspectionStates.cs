using Certa.Domain.Common;
using Certa.Domain.Supervision.Inspections;

namespace Certa.Web.Supervision.Inspections;

public static class InspectionStates
{
    /// <summary>A state filter as the API and the pages spell it (<c>planned</c>), or none when empty.</summary>
    public static InspectionState? Parse(string? state) =>
        string.IsNullOrWhiteSpace(state) ? null
        : SnakeCaseNames.TryParse(state.Trim(), ignoreCase: true, out InspectionState parsed) ? parsed
        : throw DomainException.Invalid("state-invalid", $"'{state}' is not an inspection state; states are {SnakeCaseNames.List<InspectionState>()}.", "state");
}
