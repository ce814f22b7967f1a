using Centurion.Features.Statistics;

namespace Centurion.Tests.Statistics;

/// <summary>Window arithmetic and significance, checked by hand (the arithmetic is in the comments).</summary>
public class ComparisonWindowsAndChangeTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static Window W(string from, string to) => new(D(from), D(to));

    [Fact]
    public void Across_the_year_boundary_last_year_is_the_same_days_and_the_previous_period_ends_the_day_before()
    {
        // 1–10 January 2022 is 10 days: a year earlier 1–10 January 2021; before it, 10 days ending 31 December 2021 = 22–31 December.
        Assert.Equal(W("2021-01-01", "2021-01-10"), ComparisonWindows.LastYear(D("2022-01-01"), D("2022-01-10")));
        Assert.Equal(W("2021-12-22", "2021-12-31"), ComparisonWindows.PreviousPeriod(D("2022-01-01"), D("2022-01-10")));
        Assert.Equal(10, ComparisonWindows.PreviousPeriod(D("2022-01-01"), D("2022-01-10")).Days);
    }

    [Fact]
    public void The_leap_day_maps_to_28_February_a_year_earlier()
    {
        Assert.Equal(W("2023-02-28", "2023-02-28"), ComparisonWindows.LastYear(D("2024-02-29"), D("2024-02-29")));
        // A window ending on the leap day ends on 28 February: 20–29 Feb 2024 (10 days) against 20–28 Feb 2023 (9 days).
        Assert.Equal(W("2023-02-20", "2023-02-28"), ComparisonWindows.LastYear(D("2024-02-20"), D("2024-02-29")));
        // From a non-leap year back into a leap year the dates simply move: 28 Feb–1 Mar 2025 against 28 Feb–1 Mar 2024, leap day included.
        Assert.Equal(W("2024-02-28", "2024-03-01"), ComparisonWindows.LastYear(D("2025-02-28"), D("2025-03-01")));
    }

    [Fact]
    public void A_previous_period_crossing_months_has_the_same_length()
    {
        // 1–10 March 2022: 1 March − 10 days = 19 February (February 2022 has 28 days), so 19–28 February.
        Assert.Equal(W("2022-02-19", "2022-02-28"), ComparisonWindows.PreviousPeriod(D("2022-03-01"), D("2022-03-10")));
        // In 2024 February has 29 days: 1 March − 10 days = 20 February, so 20–29 February.
        Assert.Equal(W("2024-02-20", "2024-02-29"), ComparisonWindows.PreviousPeriod(D("2024-03-01"), D("2024-03-10")));
        // The source's 26 days, 25 June–20 July 2022: 25 June − 26 days = 30 May, so 30 May–24 June.
        Assert.Equal(W("2022-05-30", "2022-06-24"), ComparisonWindows.PreviousPeriod(D("2022-06-25"), D("2022-07-20")));
        Assert.Equal(W("2021-06-25", "2021-07-20"), ComparisonWindows.LastYear(D("2022-06-25"), D("2022-07-20")));
    }

    [Fact]
    public void The_previous_month_is_the_same_days_a_calendar_month_earlier_and_a_whole_month_maps_to_the_whole_month()
    {
        Assert.Equal(W("2022-06-01", "2022-06-30"), ComparisonWindows.PreviousMonth(D("2022-07-01"), D("2022-07-31")));
        Assert.Equal(W("2024-02-05", "2024-02-20"), ComparisonWindows.PreviousMonth(D("2024-03-05"), D("2024-03-20")));
        Assert.Equal(W("2021-12-05", "2021-12-20"), ComparisonWindows.PreviousMonth(D("2022-01-05"), D("2022-01-20")));
        // 31 March has no 31 February: it becomes February's last day.
        Assert.Equal(W("2022-02-28", "2022-02-28"), ComparisonWindows.PreviousMonth(D("2022-03-31"), D("2022-03-31")));
        Assert.Equal(W("2024-02-01", "2024-02-29"), ComparisonWindows.PreviousMonth(D("2024-03-01"), D("2024-03-31")));
    }

    [Fact]
    public void Three_against_five_is_minus_forty_percent_but_noise()
    {
        // (3 − 5) / 5 = −0.4; z = 2(√3 − √5) = 2(1.7320508 − 2.2360680) = −1.0080344; |z| < 2; base 5 < 20.
        var c = Change.Compare(3, 5, isCount: true);
        Assert.Equal(-0.4, c.Change!.Value, 12);
        Assert.Equal(-1.0080344, c.Z!.Value, 6);
        Assert.False(c.Significant);
        Assert.True(c.LowBase);
    }

    [Fact]
    public void The_same_fall_on_large_counts_is_significant()
    {
        // (300 − 500) / 500 = −0.4; z = 2(√300 − √500) = 2(17.3205081 − 22.3606798) = −10.0803434.
        var c = Change.Compare(300, 500, isCount: true);
        Assert.Equal(-0.4, c.Change!.Value, 12);
        Assert.Equal(-10.0803434, c.Z!.Value, 6);
        Assert.True(c.Significant);
        Assert.False(c.LowBase);
        // The source's −14%: 86 against 100 is z = 2(9.2736185 − 10) = −1.4527630, not significant on its own.
        var source = Change.Compare(86, 100, isCount: true);
        Assert.Equal(-0.14, source.Change!.Value, 12);
        Assert.Equal(-1.4527630, source.Z!.Value, 6);
        Assert.False(source.Significant);
    }

    [Fact]
    public void A_zero_base_has_no_percentage_but_a_z_and_the_low_base_threshold_is_strict()
    {
        var fromZero = Change.Compare(4, 0, isCount: true);
        Assert.Null(fromZero.Change);
        Assert.Equal(4.0, fromZero.Z!.Value, 12); // 2(√4 − √0) = 4
        Assert.True(fromZero.Significant);
        Assert.True(fromZero.LowBase);
        Assert.Null(Change.Of(0, 0));
        Assert.Equal(0.0, Change.Of(7, 7));
        Assert.False(Change.Compare(25, 20, isCount: true).LowBase);
        Assert.True(Change.Compare(25, 19, isCount: true).LowBase);
        Assert.False(Change.Compare(25, 19, isCount: true, lowBase: 10).LowBase);
        // z = 2(√2 − √0) = 2.83 and 2(√1 − √0) = 2: two is the threshold, inclusive.
        Assert.True(Change.Compare(1, 0, isCount: true).Significant);
        Assert.False(Change.Compare(3, 1, isCount: true).Significant); // 2(1.7320508 − 1) = 1.464
    }

    [Fact]
    public void Figures_that_are_not_counts_get_a_change_but_no_z()
    {
        var c = Change.Compare(168_000, 150_000, isCount: false);
        Assert.Equal(0.12, c.Change!.Value, 12);
        Assert.Null(c.Z);
        Assert.False(c.Significant);
    }
}
