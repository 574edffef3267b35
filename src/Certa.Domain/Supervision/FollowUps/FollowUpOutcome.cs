namespace Certa.Domain.Supervision.FollowUps;

/// <summary>How a follow-up inspection ended.</summary>
public enum FollowUpOutcome
{
    /// <summary>Planned or missed: nobody has inspected the factory for this due day yet.</summary>
    NotPerformed,
    Passed,
    /// <summary>The factory did not conform; the findings say how.</summary>
    Failed,
}
