namespace Certa.Infrastructure.Supervision.Scheduling;

/// <summary>
/// When Certa supervises by itself (configuration section <c>Certa:Supervision</c>): a daily round at
/// <see cref="DailyAt"/> (UTC) and one as each instance starts. Tests that do not want the scheduler set
/// <see cref="Scheduler"/> to false and run <see cref="FollowUps.SupervisionRound"/> themselves.
/// </summary>
public sealed class SupervisionOptions
{
    public const string Section = "Certa:Supervision";

    /// <summary>Whether Quartz runs the supervision job at all.</summary>
    public bool Scheduler { get; set; } = true;

    /// <summary>The time of day (UTC) of the daily round, <c>HH:mm</c> or <c>HH:mm:ss</c>.</summary>
    public TimeOnly DailyAt { get; set; } = new(2, 0);

    /// <summary>Whether each instance also runs a round as it starts, so a day missed while Certa was down is not lost.</summary>
    public bool RunAtStart { get; set; } = true;
}
