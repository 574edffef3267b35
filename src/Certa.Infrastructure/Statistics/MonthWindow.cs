using System.Globalization;

namespace Certa.Infrastructure.Statistics;

/// <summary>The last <see cref="Count"/> calendar months (UTC) up to and including the current one, oldest first.</summary>
public sealed record MonthWindow(DateOnly FirstDay, int Count)
{
    public const int DefaultMonths = 24;

    public const int MaxMonths = 120;

    public static MonthWindow Ending(DateTimeOffset now, int months)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new MonthWindow(new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months), months);
    }

    /// <summary>Every month of the window as <c>yyyy-MM</c>, so a month with nothing still has its row (a line has no gaps).</summary>
    public IReadOnlyList<string> Keys => [.. Enumerable.Range(0, Count).Select(i => Key(FirstDay.AddMonths(i)))];

    public static string Key(int year, int month) => new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Key(DateOnly day) => Key(day.Year, day.Month);
}
