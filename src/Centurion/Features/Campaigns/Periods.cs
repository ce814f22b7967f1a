using Centurion.Infrastructure;

namespace Centurion.Features.Campaigns;

/// <summary>A reporting period: one day, or one Monday-to-Sunday week.</summary>
public readonly record struct Period(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;
    public bool Contains(DateOnly d) => d >= Start && d <= End;
    public override string ToString() => Start == End ? Start.ToString("yyyy-MM-dd") : $"{Start:yyyy-MM-dd}–{End:yyyy-MM-dd}";
}

/// <summary>Period arithmetic for a campaign's cadence, and deadlines in province time. Pure: no clock, no I/O.</summary>
public static class Periods
{
    public static Period Containing(Cadence cadence, DateOnly date)
    {
        if (cadence == Cadence.Daily) return new(date, date);
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return new(monday, monday.AddDays(6));
    }

    /// <summary>The periods that overlap [from, to], in order.</summary>
    public static IEnumerable<Period> Between(Cadence cadence, DateOnly from, DateOnly to)
    {
        for (var p = Containing(cadence, from); p.Start <= to; p = Containing(cadence, p.End.AddDays(1)))
            yield return p;
    }

    /// <summary>When a period's report is due, as a UTC instant: N days after the period ends, at the campaign's time of day in the province.</summary>
    public static DateTime DeadlineUtc(Period period, int daysAfter, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(period.End.AddDays(daysAfter).ToDateTime(time, DateTimeKind.Unspecified), ProvinceTime.Zone);

    public static DateTime DeadlineUtc(this Campaign c, Period period) => DeadlineUtc(period, c.DeadlineDaysAfter, c.DeadlineTime);

    /// <summary>The campaign day nearest to a date: the date itself within the campaign, else its first or last day.</summary>
    public static DateOnly Clamp(this Campaign c, DateOnly date) => date < c.StartDate ? c.StartDate : date > c.EndDate ? c.EndDate : date;

    /// <summary>The period whose report falls due on a given province-local day (for a daily campaign due the next day: yesterday).</summary>
    public static Period DueOn(this Campaign c, DateOnly day) =>
        Containing(c.Cadence, day.AddDays(-c.DeadlineDaysAfter));
}
