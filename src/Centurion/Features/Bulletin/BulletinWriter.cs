using Centurion.Features.Campaigns;

namespace Centurion.Features.Bulletin;

/// <summary>One headline figure of the bulletin: its value and, where the bulletin reports one, a change and its significance.</summary>
public sealed record Headline(string IndicatorCode, string NameZh, string NameEn, Measure Measure, long Value,
    double? Change = null, double? Z = null, bool LowBase = false, bool YearOnYear = true);

/// <summary>
/// Writes the public summary of a campaign so far, the way the source bulletin's second paragraph does: what was done
/// (totals), then how crime moved (changes). A change is stated as a rise or fall only when it is significant
/// (|z| ≥ 2) and not on a small base; otherwise the text says it is within normal variation. Pure.
/// </summary>
public static class BulletinWriter
{
    public const double Significant = 2;
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    /// <param name="where">Whose figures: ("全省", "across the province"), or a prefecture's name in each language.</param>
    public static string Write(string lang, (string Zh, string En) where, string campaignZh, string campaignEn, DateOnly start, DateOnly asOf,
        IReadOnlyList<Headline> totals, IReadOnlyList<Headline> changes) =>
        lang == "en" ? English(where.En, campaignEn, start, asOf, totals, changes) : Chinese(where.Zh, campaignZh, start, asOf, totals, changes);

    private static string Chinese(string where, string campaign, DateOnly start, DateOnly asOf, IReadOnlyList<Headline> totals, IReadOnlyList<Headline> changes)
    {
        var done = string.Join("，", totals.Select(t => ChineseDeed(t)));
        var moved = string.Join("，", changes.Select(c => $"{c.NameZh}{(c.YearOnYear ? "同比" : "环比")}{ChineseMove(c)}"));
        return $"截至{asOf.ToString("yyyy年M月d日", Invariant)}，{Quoted(campaign)}自{start.ToString("M月d日", Invariant)}开展以来，{where}公安机关{done}。" + (moved.Length > 0 ? $"{where}{moved}。" : "");
    }

    /// <summary>A campaign name in quotation marks, unless it already has its own (“百日行动”), which would nest.</summary>
    private static string Quoted(string name) => name.Contains('“') || name.Contains('"') ? name : $"“{name}”";

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static string ChineseDeed(Headline t)
    {
        var n = PressNumbers.Chinese(t.Value);
        return t.IndicatorCode switch
        {
            "police-deployments" => $"共出动警力{n}人次",
            "social-forces" => $"发动群防群治力量{n}人次",
            "offence-suspects" => $"查获违法犯罪嫌疑人{n}名",
            "disputes-resolved" => $"化解矛盾纠纷{n}起",
            "night-operations" => $"开展夜查清查整治行动{n}次",
            "controlled-instrument-cases" => $"查处公共场所携带管制器具案件{n}起",
            _ => $"{t.NameZh}{n}{ChineseUnit(t.Measure)}",
        };
    }

    private static string ChineseUnit(Measure m) => m switch
    {
        Measure.PersonTimes => "人次", Measure.Persons => "名", Measure.Operations => "次", Measure.Places => "处", _ => "起",
    };

    private static string ChineseMove(Headline c)
    {
        if (c.Change is not { } change) return "无可比数据";
        var p = PressNumbers.Percent(change);
        if (c.LowBase) return $"{(change < 0 ? "下降" : "上升")}{p}（基数较小，仅供参考）";
        if (c.Z is not { } z || Math.Abs(z) < Significant) return $"变化{(change < 0 ? "−" : "+")}{p}，在正常波动范围内";
        return $"{(change < 0 ? "下降" : "上升")}{p}";
    }

    private static string English(string where, string campaign, DateOnly start, DateOnly asOf, IReadOnlyList<Headline> totals, IReadOnlyList<Headline> changes)
    {
        var deeds = totals.Select(EnglishDeed).ToList();
        var done = deeds.Count <= 1 ? string.Concat(deeds) : string.Join(", ", deeds[..^1]) + " and " + deeds[^1];
        // One sentence: only its first clause starts with a capital.
        var moved = changes.Select((c, i) => $"{(i == 0 ? c.NameEn : LowerFirst(c.NameEn))} {EnglishMove(c)}").ToList();
        return $"Since the {campaign} began on {start.ToString("d MMMM", Invariant)}, police {where} have {done}, as of {asOf.ToString("d MMMM yyyy", Invariant)}."
            + (moved.Count > 0 ? " " + string.Join("; ", moved) + "." : "");
    }

    private static string EnglishDeed(Headline t)
    {
        var n = PressNumbers.InEnglish(t.Value);
        return t.IndicatorCode switch
        {
            "police-deployments" => $"made {n} police person-deployments",
            "social-forces" => $"mobilised {n} person-times of social forces",
            "offence-suspects" => $"caught {n} offence suspects",
            "disputes-resolved" => $"resolved {n} disputes",
            "night-operations" => $"carried out {n} night sweep-and-rectify operations",
            "controlled-instrument-cases" => $"dealt with {n} cases of carrying controlled instruments in public places",
            _ => $"recorded {n} {t.NameEn.ToLowerInvariant()}",
        };
    }

    private static string EnglishMove(Headline c)
    {
        if (c.Change is not { } change) return "has no comparable figure";
        var p = PressNumbers.Percent(change);
        var basis = c.YearOnYear ? "year-on-year" : "on the previous period";
        if (c.LowBase) return $"{(change < 0 ? "fell" : "rose")} {p} {basis}, on a small base";
        if (c.Z is not { } z || Math.Abs(z) < Significant) return $"changed {(change < 0 ? "−" : "+")}{p} {basis}, within normal variation";
        return $"{(change < 0 ? "fell" : "rose")} {p} {basis}";
    }
}
