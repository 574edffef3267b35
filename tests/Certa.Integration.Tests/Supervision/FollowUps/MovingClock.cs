namespace Certa.Integration.Tests.Supervision.FollowUps;

/// <summary>The app's clock, which a test moves forward by days; timers keep real time.</summary>
public sealed class MovingClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>Moves to <paramref name="day"/>, at the same time of day.</summary>
    public void MoveTo(DateOnly day) => now = new DateTimeOffset(day.ToDateTime(TimeOnly.FromDateTime(now.UtcDateTime)), TimeSpan.Zero);
}
