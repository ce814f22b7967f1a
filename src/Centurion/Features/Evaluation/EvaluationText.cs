using System.Globalization;
using System.Text.RegularExpressions;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Infrastructure;

namespace Centurion.Features.Evaluation;

/// <summary>The evaluation's words in both languages: the rules' human names, the explanation's groups, the lists and their reasons.</summary>
public static partial class EvaluationText
{
    public static readonly Phrase Evaluation = new("考核评估", "Evaluation");
    public static readonly Phrase Months = new("考核月份", "Evaluation months");
    public static readonly Phrase Month = new("月份", "Month");
    public static readonly Phrase Days = new("覆盖日期", "Days covered");
    public static readonly Phrase Version = new("计分方案版本", "Scheme version");
    public static readonly Phrase VersionN = new("第 {0} 版（自 {1} 起适用）", "Version {0} (applies from {1})");
    public static readonly Phrase NoVersion = new("尚无适用的已发布计分方案", "No published scheme applies");
    public static readonly Phrase Scheme = new("计分方案", "Scoring scheme");
    public static readonly Phrase Incidents = new("负面事件与表扬登记", "Incidents and commendations");
    public static readonly Phrase AsOf = new("计算时点", "As of");
    public static readonly Phrase Ranking = new("排名", "Ranking");
    public static readonly Phrase Rank = new("名次", "Rank");
    public static readonly Phrase Unit = new("单位", "Unit");
    public static readonly Phrase Score = new("得分", "Score");
    public static readonly Phrase Deductions = new("扣分", "Deductions");
    public static readonly Phrase Bonuses = new("加分", "Bonuses");
    public static readonly Phrase List = new("红黑榜", "List");
    public static readonly Phrase ListReason = new("上榜原因", "Reason");
    public static readonly Phrase RedList = new("红榜", "Red list");
    public static readonly Phrase BlackList = new("黑榜", "Black list");
    public static readonly Phrase Nobody = new("无", "None");
    public static readonly Phrase Peers = new("参评单位", "Units compared");
    public static readonly Phrase Prefectures = new("各市（州）", "The prefectures");
    public static readonly Phrase CountiesOf = new("{0}所辖县（市、区）", "The counties of {0}");
    public static readonly Phrase Within = new("范围", "Compare");
    public static readonly Phrase WhatIf = new("模拟草案", "What-if under the draft");
    public static readonly Phrase WhatIfNote = new("模拟：按草案第 {0} 版计算同一月份的数据，仅供比较，不保存、不改变任何结果。",
        "What-if: the same month's facts under draft version {0}, for comparison only; nothing is stored and nothing changes.");
    public static readonly Phrase NoDraft = new("没有计分方案草案，无法模拟。", "There is no draft scheme to compare with.");
    public static readonly Phrase Draft = new("草案", "Draft");
    public static readonly Phrase Published = new("已发布", "Published");
    public static readonly Phrase Change = new("变化", "Change");
    public static readonly Phrase Show = new("显示", "Show");
    public static readonly Phrase OnlyOwn = new("计分方案不公开排名：您只能看到本单位的得分。", "The scheme does not publish the ranking: you see your own unit's score only.");
    public static readonly Phrase Explanation = new("得分说明", "Score explanation");
    public static readonly Phrase Rule = new("规则", "Rule");
    public static readonly Phrase Source = new("来源", "Source");
    public static readonly Phrase Value = new("取值", "Value");
    public static readonly Phrase Points = new("分值", "Points");
    public static readonly Phrase GroupTitle = new("类别", "Group");
    public static readonly Phrase Subtotal = new("小计", "Subtotal");
    public static readonly Phrase Total = new("合计（得分）", "Total (the score)");
    public static readonly Phrase RankOf = new("第 {0} 名（共 {1} 个单位）", "Rank {0} of {1}");
    public static readonly Phrase Back = new("返回排名", "Back to the ranking");
    public static readonly Phrase BadMonth = new("月份“{0}”应为 YYYY-MM。", "The month “{0}” should be YYYY-MM.");
    public static readonly Phrase NoMonth = new("本行动没有 {0} 这一考核月份。", "The campaign has no evaluation month {0}.");
    public static readonly Phrase NoUnit = new("找不到单位 {0} 的得分，或不在您的查看范围内。", "No score for unit {0}, or it is outside what you may see.");
    public static readonly Phrase NoPrefecture = new("{0} 不是本行动的市（州），或不在您的管辖范围内。", "{0} is not one of the campaign's prefectures, or it is outside your scope.");
    public static readonly Phrase WhatIfOffice = new("模拟草案仅限行动专班使用。", "The what-if belongs to the campaign office.");

    /// <summary>A phrase with its placeholders filled, still in both languages (for an error message).</summary>
    public static Phrase With(this Phrase p, params object?[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, p.Zh, args), string.Format(CultureInfo.InvariantCulture, p.En, args));

    public static Phrase Group(string group) => group switch
    {
        "base" => new("基础分", "Base"),
        "indicators" => new("指标得分", "Indicators"),
        "deductions" => Deductions,
        _ => Bonuses,
    };

    public static Phrase ListName(ListName list) => list switch
    {
        Scoring.ListName.Red => RedList,
        Scoring.ListName.Black => BlackList,
        _ => new("—", "—"),
    };

    public static string Code(ListName list) => list.ToString().ToLowerInvariant();

    private static readonly Dictionary<string, Phrase> Rules = new()
    {
        [Scorer.BaseRule] = new("基础分", "Base score"),
        ["late-report"] = new("迟报", "Late report"),
        ["missing-report"] = new("漏报", "Missing report"),
        ["overdue-item"] = new("整改逾期", "Overdue rectification item"),
        ["overdue-progress-report"] = new("挂牌督办进展逾期未报", "Overdue listed-supervision progress report"),
        ["failed-spot-check"] = new("应急值守抽查不合格", "Failed emergency-duty spot check"),
        ["reopened-trouble-spot"] = new("治安乱点反弹", "Reopened trouble spot"),
        ["negative-incident"] = new("负面事件", "Negative incident"),
        ["early-close-out"] = new("提前整改销号", "Item closed out early"),
        ["commendation"] = new("通报表扬", "Commendation"),
    };

    private static readonly Dictionary<string, Phrase> Methods = new()
    {
        ["rank"] = new("排名计分", "rank among peers"),
        ["target"] = new("目标完成", "attainment of target"),
        ["improvement"] = new("同比改善", "improvement on a year before"),
    };

    /// <summary>A deduction's or bonus's name, in both languages (the scheme's editor and the explanations say the same).</summary>
    public static Phrase KindName(FactKind kind) => Rules[Scorer.Name(kind)];

    /// <summary>A rule's human name; an indicator rule (<c>criminal-cases-filed:improvement</c>) by its indicator's name and method.</summary>
    public static string RuleName(string rule, Func<string, string?>? indicatorName = null)
    {
        if (Rules.TryGetValue(rule, out var name)) return name;
        var colon = rule.LastIndexOf(':');
        if (colon < 0) return rule;
        var (indicator, method) = (rule[..colon], rule[(colon + 1)..]);
        var shown = indicatorName?.Invoke(indicator) ?? indicator;
        return Methods.TryGetValue(method, out var m) ? $"{shown} · {m}" : shown;
    }

    /// <summary>The group a row belongs to: the base, an indicator, a deduction or a bonus.</summary>
    public static string GroupOf(PointRow row) =>
        row.Rule == Scorer.BaseRule ? "base" : row.Rule.Contains(':') ? "indicators" : IsBonus(row.Rule) ? "bonuses" : "deductions";

    private static bool IsBonus(string rule) => Enum.GetValues<FactKind>().Any(k => Scoring.Scheme.IsBonus(k) && Scorer.Name(k) == rule);

    public static readonly string[] Groups = ["base", "indicators", "deductions", "bonuses"];

    /// <summary>The scorer's value words (capped, major, low base, not significant) in the reader's language.</summary>
    public static string ValueText(string value) => value
        .Replace("not significant", Lang.IsEnglish ? "not significant" : "变化不显著")
        .Replace("low base", Lang.IsEnglish ? "low base" : "基数过低")
        .Replace("capped", Lang.IsEnglish ? "monthly cap reached" : "已达月封顶")
        .Replace("major", Lang.IsEnglish ? "major" : "重大");

    /// <summary>The scorer's list reason (<c>rank 19 of 21: bottom 3</c>, <c>major negative incident: …</c>) in the reader's language.</summary>
    public static string? Reason(string? reason)
    {
        if (reason is null) return null;
        if (RankReason().Match(reason) is { Success: true } m)
        {
            var (rank, of, end, n) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value);
            return end == "top"
                ? new Phrase($"第 {rank} 名（共 {of} 个）：前 {n} 名", $"rank {rank} of {of}: top {n}")
                : new Phrase($"第 {rank} 名（共 {of} 个）：后 {n} 名", $"rank {rank} of {of}: bottom {n}");
        }
        const string major = "major negative incident: ";
        if (reason.StartsWith(major, StringComparison.Ordinal)) return new Phrase($"重大负面事件：{reason[major.Length..]}", $"major negative incident: {reason[major.Length..]}");
        return reason;
    }

    /// <summary>Points with their sign, the minus a real one (−2, +1, 0).</summary>
    public static string Signed(decimal points) =>
        points < 0 ? "−" + (-points).ToString("0.##", CultureInfo.InvariantCulture) : points > 0 ? "+" + points.ToString("0.##", CultureInfo.InvariantCulture) : "0";

    public static string Number(decimal points) =>
        points < 0 ? "−" + (-points).ToString("0.##", CultureInfo.InvariantCulture) : points.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A rank change as an arrow: ↑2 moved up two places, ↓1 down one, – unchanged.</summary>
    public static string RankChange(int change) => change > 0 ? $"↑{change}" : change < 0 ? $"↓{-change}" : "–";

    public static string SourceType(string type) => type switch
    {
        "report" => new Phrase("报表", "Report"),
        "item" => new Phrase("整改事项", "Rectification item"),
        "spot-check" => new Phrase("值守抽查", "Spot check"),
        "trouble-spot" => new Phrase("治安乱点", "Trouble spot"),
        "figure" => new Phrase("指标数据", "Figure"),
        "incident" => new Phrase("负面事件", "Incident"),
        "commendation" => new Phrase("表扬", "Commendation"),
        "listing" => new Phrase("挂牌督办", "Listing"),
        _ => type,
    };

    [GeneratedRegex(@"^rank (\d+) of (\d+): (top|bottom) (\d+)$")]
    private static partial Regex RankReason();
}
