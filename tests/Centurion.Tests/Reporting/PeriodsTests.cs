using Centurion.Features.Campaigns;
using Centurion.Infrastructure;
using Centurion.Tests.Support;

namespace Centurion.Tests.Reporting;

/// <summary>Period arithmetic and deadlines on their own. 1 July 2026 is a Wednesday; Shanghai is UTC+8 all year.</summary>
public class PeriodsTests
{
    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);
    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void A_daily_period_is_the_day_itself()
    {
        var p = Periods.Containing(Cadence.Daily, D(7, 3));
        Assert.Equal((D(7, 3), D(7, 3), 1, "2026-07-03"), (p.Start, p.End, p.Days, p.ToString()));
    }

    [Theory]
    [InlineData(6, 29, 6, 29)] // Monday: its own week
    [InlineData(7, 1, 6, 29)]  // Wednesday
    [InlineData(7, 5, 6, 29)]  // Sunday: still the week that began on Monday, not the next
    [InlineData(7, 6, 7, 6)]   // the next Monday starts the next week
    public void A_weekly_period_runs_Monday_to_Sunday(int month, int day, int mondayMonth, int monday)
    {
        var p = Periods.Containing(Cadence.Weekly, D(month, day));
        Assert.Equal((D(mondayMonth, monday), D(mondayMonth, monday).AddDays(6), 7), (p.Start, p.End, p.Days));
        Assert.Equal(DayOfWeek.Monday, p.Start.DayOfWeek);
    }

    [Fact]
    public void A_week_may_span_the_new_year()
    {
        var p = Periods.Containing(Cadence.Weekly, D(1, 1)); // Thursday 1 January 2026
        Assert.Equal((D(12, 29, 2025), D(1, 4)), (p.Start, p.End));
        Assert.Equal("2025-12-29–2026-01-04", p.ToString());
    }

    [Fact]
    public void Between_lists_every_period_that_overlaps_the_window()
    {
        Assert.Equal([D(6, 29), D(7, 6), D(7, 13)], Periods.Between(Cadence.Weekly, D(7, 1), D(7, 13)).Select(p => p.Start));
        Assert.Equal([D(7, 30), D(7, 31), D(8, 1), D(8, 2)], Periods.Between(Cadence.Daily, D(7, 30), D(8, 2)).Select(p => p.Start));
        Assert.Empty(Periods.Between(Cadence.Daily, D(7, 5), D(7, 3)));
    }

    [Theory]
    [InlineData(1, 10, 0, 7, 4, 2, 0)]   // 10:00 the next day in Shanghai is 02:00 UTC that day
    [InlineData(1, 6, 0, 7, 3, 22, 0)]   // 06:00 on 4 July in Shanghai is still 3 July in UTC
    [InlineData(1, 0, 0, 7, 3, 16, 0)]   // midnight starting 4 July in Shanghai: 16:00 UTC on 3 July
    [InlineData(1, 7, 59, 7, 3, 23, 59)] // the last minute before the UTC day turns
    [InlineData(1, 8, 0, 7, 4, 0, 0)]    // 08:00 in Shanghai is UTC midnight
    [InlineData(0, 23, 30, 7, 3, 15, 30)] // due the same evening
    [InlineData(3, 10, 0, 7, 6, 2, 0)]
    public void A_daily_deadline_is_days_after_the_period_at_a_time_in_province_time(int daysAfter, int hour, int minute, int month, int day, int utcHour, int utcMinute)
    {
        var deadline = Periods.DeadlineUtc(new Period(D(7, 3), D(7, 3)), daysAfter, new TimeOnly(hour, minute));
        Assert.Equal(Utc(month, day, utcHour, utcMinute), deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
    }

    [Fact]
    public void A_weekly_deadline_counts_from_the_Sunday()
    {
        var week = Periods.Containing(Cadence.Weekly, D(7, 1));
        Assert.Equal(Utc(7, 7, 10), Periods.DeadlineUtc(week, 2, new TimeOnly(18, 0))); // Tuesday 7 July 18:00 in Shanghai
        Assert.Equal(Utc(7, 5, 16), Periods.DeadlineUtc(week, 1, TimeOnly.MinValue));  // Monday 6 July 00:00 in Shanghai
    }

    [Fact]
    public void The_period_due_on_a_day_is_the_one_holding_that_day_less_the_days_to_the_deadline()
    {
        var daily = Campaign(Cadence.Daily, daysAfter: 1);
        var weekly = Campaign(Cadence.Weekly, daysAfter: 1);
        Assert.Equal(new Period(D(7, 3), D(7, 3)), daily.DueOn(D(7, 4)));
        Assert.Equal(new Period(D(6, 29), D(7, 5)), weekly.DueOn(D(7, 6))); // Monday: last week's report
        Assert.Equal(new Period(D(7, 6), D(7, 12)), weekly.DueOn(D(7, 7)));  // Tuesday: the week begun on Monday, which falls due next Monday
        Assert.Equal(Utc(7, 4, 2), daily.DeadlineUtc(daily.DueOn(D(7, 4))));
    }

    [Fact]
    public void Clamp_keeps_a_date_within_the_campaign()
    {
        var c = Campaign(Cadence.Daily, daysAfter: 1);
        Assert.Equal([D(7, 1), D(7, 15), D(7, 31)], new[] { D(6, 1), D(7, 15), D(12, 1) }.Select(c.Clamp));
    }

    [Theory]
    [InlineData(15, 59, 59, 7, 3)] // 23:59:59 on 3 July in Shanghai
    [InlineData(16, 0, 0, 7, 4)]   // midnight: 4 July in Shanghai while UTC is still 3 July
    public void Today_is_the_province_date_not_the_UTC_one(int hour, int minute, int second, int month, int day)
    {
        var clock = new TestClock { Now = new DateTimeOffset(2026, 7, 3, hour, minute, second, TimeSpan.Zero) };
        Assert.Equal(D(month, day), ProvinceTime.Today(clock));
    }

    private static Campaign Campaign(Cadence cadence, int daysAfter) => new()
    {
        Code = "t", NameZh = "测试", StartDate = D(7, 1), EndDate = D(7, 31), Cadence = cadence, DeadlineDaysAfter = daysAfter,
    };
}
