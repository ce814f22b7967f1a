using System.Globalization;
using Centurion.Features.Campaigns;
using Centurion.Infrastructure;

namespace Centurion.Features.Dashboard;

public static class DashboardText
{
    public static readonly Phrase Title = new("态势", "Dashboard");
    public static readonly Phrase AsOf = new("截至", "As of");
    public static readonly Phrase Window = new("{0} 至 {1}，共 {2} 天，与去年同期（同比）和前一等长时段（环比）比较", "{0} to {1}, {2} days, against the same days last year (yoy) and the period just before (pop)");
    public static readonly Phrase Yoy = new("同比", "yoy");
    public static readonly Phrase Pop = new("环比", "pop");
    public static readonly Phrase NotSignificant = new("不显著", "n.s.");
    public static readonly Phrase NotSignificantHelp = new("变化在随机波动范围内（|z| < 2）", "Within random variation (|z| < 2)");
    public static readonly Phrase LowBase = new("基数小", "low base");
    public static readonly Phrase LowBaseHelp = new("比较基数小于 20，百分比变化意义不大", "The base is under 20, so a percentage change means little");
    public static readonly Phrase Trend = new("{0}：每日走势与去年同期", "{0}: daily, against last year");
    public static readonly Phrase Reports = new("报表报送（{0} 期）", "Reports due ({0})");
    public static readonly Phrase MapTitle = new("各市（州）{0}同比变化", "{0}, change on last year by prefecture");
    public static readonly Phrase MapLegend = new("绿色为向好、红色为向坏，颜色越深变化越大；浅色为变化不显著。点击市（州）查看详情。",
        "Green is better, red is worse, deeper for larger changes; faded where the change is not significant. Click a prefecture to drill down.");
    public static readonly Phrase Units = new("下级单位", "Units below");
    public static readonly Phrase TableNote = new("点击列名排序；每格为数值及其同比变化。", "Click a column to sort; each cell shows the value, then its change on last year.");

    /// <summary>A change as a signed whole percent with a true minus sign: −14%, +10%; a dash where there is no base.</summary>
    public static string Percent(double? change) => change is not { } c ? "–"
        : (c < 0 ? "−" : "+") + Math.Abs(Math.Round(c * 100, MidpointRounding.AwayFromZero)).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A map fill from the change: toward green when good for the public, toward red when bad, saturating at ±50%.</summary>
    public static string Shade(double? change, GoodDirection good)
    {
        if (change is not { } c || good == GoodDirection.Neutral) return "#e3e7ee";
        var t = Math.Clamp(Math.Abs(c) / 0.5, 0, 1);
        var better = (c > 0) == (good == GoodDirection.Up);
        var (r, g, b) = better ? (46, 125, 79) : (179, 38, 30);
        int Mix(int from, int to) => (int)Math.Round(from + (to - from) * (0.15 + 0.85 * t));
        return $"#{Mix(244, r):x2}{Mix(246, g):x2}{Mix(249, b):x2}";
    }
}
