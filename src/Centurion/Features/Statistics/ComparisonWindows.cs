namespace Centurion.Features.Statistics;

/// <summary>An inclusive range of province-local days.</summary>
public readonly record struct Window(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}

/// <summary>The comparison windows of a statistic. Pure: no clock, no I/O.</summary>
public static class ComparisonWindows
{
    /// <summary>The same days one year earlier (同比). 29 February maps to 28 February, so the window may be a day shorter.</summary>
    public static Window LastYear(DateOnly from, DateOnly to) => new(YearEarlier(from), YearEarlier(to));

    /// <summary>The window of the same length ending the day before <paramref name="from"/> (环比).</summary>
    public static Window PreviousPeriod(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        return new(from.AddDays(-days), from.AddDays(-1));
    }

    /// <summary>
    /// The same days one calendar month earlier (月环比): 5–20 July → 5–20 June. A day the earlier month lacks becomes its last
    /// day (31 March → 28 or 29 February), and a window ending on a month's last day ends on the earlier month's last day,
    /// so a whole month compares with the whole month before.
    /// </summary>
    public static Window PreviousMonth(DateOnly from, DateOnly to)
    {
        var end = to.AddMonths(-1);
        if (to.Day == DateTime.DaysInMonth(to.Year, to.Month)) end = new DateOnly(end.Year, end.Month, DateTime.DaysInMonth(end.Year, end.Month));
        return new(from.AddMonths(-1), end);
    }

    private static DateOnly YearEarlier(DateOnly d) =>
        d is { Month: 2, Day: 29 } ? new DateOnly(d.Year - 1, 2, 28) : new DateOnly(d.Year - 1, d.Month, d.Day);
}
