using Centurion.Features.Campaigns;
using Centurion.Features.Reporting;

namespace Centurion.Tests.Reporting;

/// <summary>The submission checks on their own, with medians worked out by hand.</summary>
public class ReportRulesTests
{
    private static readonly Indicator Deployments = new() { Id = 1, Code = "police-deployments", NameZh = "出动警力", NameEn = "Police deployments" };
    private static readonly Indicator Screened = new() { Id = 2, Code = "disputes-screened", NameZh = "排查矛盾纠纷", NameEn = "Disputes screened" };
    private static readonly Indicator Resolved = new() { Id = 3, Code = "disputes-resolved", NameZh = "化解矛盾纠纷", NameEn = "Disputes resolved", AtMostCode = "disputes-screened" };
    private static readonly Indicator[] All = [Deployments, Screened, Resolved];

    private static ReportRules.Check Check(long? deployments, long? screened, long? resolved,
        Dictionary<string, long>? totalsBefore = null, Dictionary<string, IReadOnlyList<long>>? history = null, Indicator[]? indicators = null) =>
        ReportRules.OnSubmit(indicators ?? All,
            new Dictionary<string, long?> { [Deployments.Code] = deployments, [Screened.Code] = screened, [Resolved.Code] = resolved },
            totalsBefore ?? [], history ?? []);

    [Fact]
    public void Figures_filled_in_non_negative_and_within_the_cap_pass()
    {
        var check = Check(100, 5, 3);
        Assert.False(check.Refused);
        Assert.Empty(check.Errors);
        Assert.Empty(check.Unusual);
    }

    [Fact]
    public void A_blank_figure_is_refused_and_0_is_a_figure()
    {
        var check = Check(null, 0, 0);
        var problem = Assert.Single(check.Errors);
        Assert.Equal("police-deployments", problem.Indicator);
        Assert.Equal("“出动警力”未填写；没有数据请填 0 或报零报告。", problem.Message.Zh);
        Assert.Equal("“Police deployments” is blank; enter 0 or file a nil return.", problem.Message.En);
    }

    [Fact]
    public void A_figure_the_caller_did_not_send_at_all_is_blank()
    {
        var check = ReportRules.OnSubmit(All, new Dictionary<string, long?> { [Deployments.Code] = 1 }, new Dictionary<string, long>(), new Dictionary<string, IReadOnlyList<long>>());
        Assert.Equal(["disputes-screened", "disputes-resolved"], check.Errors.Select(e => e.Indicator));
    }

    [Fact]
    public void A_negative_figure_is_refused_and_not_also_called_unusual()
    {
        var check = Check(-1, 5, 3, history: new() { ["police-deployments"] = [100, 100, 100, 100, 100, 100, 100] });
        var problem = Assert.Single(check.Errors);
        Assert.Equal(("police-deployments", "“Police deployments” cannot be negative."), (problem.Indicator, problem.Message.En));
        Assert.Empty(check.Unusual);
    }

    [Fact]
    public void The_running_total_resolved_may_reach_but_not_pass_the_running_total_screened()
    {
        var before = new Dictionary<string, long> { ["disputes-screened"] = 10, ["disputes-resolved"] = 8 };

        var equal = Check(1, 2, 4, before);   // 8 + 4 = 12 against 10 + 2 = 12
        var over = Check(1, 2, 5, before);    // 13 against 12

        Assert.False(equal.Refused);
        var problem = Assert.Single(over.Errors);
        Assert.Equal("disputes-resolved", problem.Indicator);
        Assert.Equal("累计“化解矛盾纠纷”（13）不能多于累计“排查矛盾纠纷”（12）。", problem.Message.Zh);
        Assert.Equal("Total “Disputes resolved” (13) cannot exceed total “Disputes screened” (12).", problem.Message.En);
    }

    [Fact]
    public void The_cap_applies_to_this_period_alone_when_nothing_came_before()
    {
        Assert.Equal(["disputes-resolved"], Check(1, 2, 3).Errors.Select(e => e.Indicator));
    }

    [Fact]
    public void The_cap_is_not_checked_when_the_campaign_lacks_the_capping_indicator_or_a_figure_is_blank()
    {
        Assert.False(Check(1, 2, 3, indicators: [Deployments, Resolved]).Refused);
        var blankCap = Check(1, null, 3);
        Assert.Equal(["disputes-screened"], blankCap.Errors.Select(e => e.Indicator)); // only the blank, no cap error beside it
    }

    [Fact]
    public void An_unusual_figure_is_not_refused_but_named_with_the_units_median()
    {
        // 96..102: the median of seven is the fourth, 99; 900 is more than 4 × 99 = 396.
        var history = new Dictionary<string, IReadOnlyList<long>> { ["police-deployments"] = [102, 96, 100, 98, 101, 97, 99] };

        var check = Check(900, 5, 3, history: history);

        Assert.False(check.Refused);
        var problem = Assert.Single(check.Unusual);
        Assert.Equal("police-deployments", problem.Indicator);
        Assert.Equal("“Police deployments” is 900, far from this unit's usual level (about 99); check it and confirm.", problem.Message.En);
        Assert.Equal("“出动警力”为 900，远离本单位近期通常水平（约 99），请核实后确认。", problem.Message.Zh);
    }

    public static readonly TheoryData<long, long[], long?> Outliers = new()
    {
        // Fewer than seven earlier values: never unusual.
        { 1000, [10, 10, 10, 10, 10, 10], null },
        // Sorted 8 9 10 10 11 12 13: median 10. High means more than 4 × 10 = 40.
        { 40, [10, 12, 9, 11, 10, 13, 8], null },
        { 41, [10, 12, 9, 11, 10, 13, 8], 10 },
        // Sorted 1 1 2 2 2 2 3: median 2; 9 is over 4 × 2 but under 10, too small to matter; 10 is unusual.
        { 9, [1, 2, 2, 2, 3, 2, 1], null },
        { 10, [1, 2, 2, 2, 3, 2, 1], 2 },
        // Sorted 18 19 20 20 21 22 25: median 20. Low means under a quarter: 4 × 4 = 16 < 20, but 4 × 5 = 20 is not.
        { 4, [20, 22, 18, 21, 19, 20, 25], 20 },
        { 5, [20, 22, 18, 21, 19, 20, 25], null },
        // A median under 20 is too small to call anything low: 0 against 19.
        { 0, [19, 19, 19, 19, 19, 19, 19], null },
        { 0, [20, 20, 20, 20, 20, 20, 20], 20 },
        // Eight values, 10..80: the median is (40 + 50) / 2 = 45; 4 × 45 = 180.
        { 180, [10, 20, 30, 40, 50, 60, 70, 80], null },
        { 181, [80, 70, 60, 50, 40, 30, 20, 10], 45 },
        // Eight values 1..8: the median is 4.5, so 4 × 4.5 = 18 is the bar: 18 is not above it, 19 is.
        { 18, [1, 2, 3, 4, 5, 6, 7, 8], null },
        { 19, [1, 2, 3, 4, 5, 6, 7, 8], 4 },
    };

    [Theory, MemberData(nameof(Outliers))]
    public void A_value_is_unusual_only_far_from_the_median_of_at_least_seven_earlier_values(long value, long[] history, long? median) =>
        Assert.Equal(median, ReportRules.Outlier(value, history));
    [Fact]
    public void The_running_total_rule_does_not_wrap_round_on_a_stored_total_near_the_64_bit_limit()
    {
        // Before: long.MaxValue + 1 wrapped to long.MinValue, so the resolved total looked smaller than the screened one.
        var check = Check(100, 1, 1, totalsBefore: new() { [Resolved.Code] = long.MaxValue, [Screened.Code] = 10 });

        var problem = Assert.Single(check.Errors);
        Assert.Equal(("disputes-resolved", "Total “Disputes resolved” (9223372036854775808) cannot exceed total “Disputes screened” (11)."),
            (problem.Indicator, problem.Message.En));
    }

    [Fact]
    public void The_outlier_check_does_not_wrap_round_on_stored_values_near_the_64_bit_limit() =>
        // Before: twice the median wrapped negative and 10 counted as four times above it; it is far below it.
        Assert.Equal(long.MaxValue - 1, ReportRules.Outlier(10, [.. Enumerable.Repeat(long.MaxValue - 1, 7)]));

    [Fact]
    public void A_figure_beyond_its_measures_limit_is_refused_by_field_and_the_limit_itself_passes()
    {
        Indicator nights = new() { Id = 4, Code = "night-operations", NameZh = "夜查清查整治行动", NameEn = "Night operations", Measure = Measure.Operations };
        var values = new Dictionary<string, long?> { [Deployments.Code] = 10_000_001, [nights.Code] = 1_000_000, [Screened.Code] = long.MaxValue, [Resolved.Code] = -10_000_001 };

        var problems = ReportRules.OutOfRange([Deployments, nights, Screened, Resolved], values);

        Assert.Equal(["police-deployments", "disputes-screened", "disputes-resolved"], problems.Select(p => p.Indicator));
        Assert.Equal("“Police deployments” is out of range: at most 10,000,000 per unit and period (no unit comes near it; the bound keeps the province's and the campaign's totals in range).",
            problems[0].Message.En);
        Assert.True(Check(100, long.MaxValue, 3).Refused);
    }
}
