using Centurion.Infrastructure;

namespace Centurion.Features.Evaluation.Scoring;

/// <summary>How an indicator earns points: by rank among the peers, by attainment of a target, or by year-on-year improvement.</summary>
public enum IndicatorMethod { Rank, Target, Improvement }

/// <summary>A fact that costs or earns points. The first six are deductions, the last two bonuses.</summary>
public enum FactKind
{
    LateReport, MissingReport, OverdueItem, OverdueProgressReport, FailedSpotCheck, ReopenedTroubleSpot, NegativeIncident,
    EarlyCloseOut, Commendation,
}

public enum ListName { None, Red, Black }

/// <summary>Which list a unit stays on when the rules put it on both.</summary>
public enum ListPrecedence { BlackWins, RedWins }

/// <summary>
/// Points from one indicator. <paramref name="Weight"/> means, by method: Rank, the points of the first (falling evenly to 0 for
/// the last); Target, the points at exactly the target (pro rata around it); Improvement, the points per percentage point of
/// improvement on the same period a year before. No method earns more than <paramref name="Cap"/> or less than 0.
/// </summary>
/// <param name="LowerIsBetter">From the indicator: fewer crimes is better.</param>
/// <param name="Target">The target, for the Target method.</param>
/// <param name="LowBase">Improvement: a prior-year figure under this earns nothing (a percentage on a small base is noise).</param>
/// <param name="RequireSignificance">Improvement on a count: a change with |z| &lt; 2 earns nothing.</param>
public sealed record IndicatorRule(string Indicator, IndicatorMethod Method, decimal Weight, decimal Cap, bool LowerIsBetter = false,
    decimal? Target = null, long? LowBase = null, bool RequireSignificance = false)
{
    public string Name => $"{Indicator}:{Method switch { IndicatorMethod.Rank => "rank", IndicatorMethod.Target => "target", _ => "improvement" }}";
}

/// <summary>Points for each fact of a kind, up to a cap a month. Deductions and bonuses are both written as positive numbers.</summary>
public sealed record PointsRule(FactKind Kind, decimal Points, decimal MonthlyCap);

/// <summary>
/// The lists: the first <paramref name="RedTop"/> by score on the red list, the last <paramref name="BlackBottom"/> on the black
/// list, and with <paramref name="MajorIncidentBlacklists"/> any unit with a major negative incident on the black list whatever
/// its score. The order for the cut-offs is the score, then fewer deduction points, then the unit's code.
/// </summary>
public sealed record ListRules(int RedTop, int BlackBottom, bool MajorIncidentBlacklists = true, ListPrecedence Precedence = ListPrecedence.BlackWins);

/// <summary>A scoring scheme's rules. <paramref name="Base"/> is what every unit starts from.</summary>
/// <param name="PublishRanking">Whether a unit sees its peers' ranking (it always sees its own score and explanation).</param>
/// <param name="AppealDays">How many province days after a month's publication a unit may appeal a deduction.</param>
public sealed record Scheme(decimal Base, IReadOnlyList<IndicatorRule> Indicators, IReadOnlyList<PointsRule> Deductions,
    IReadOnlyList<PointsRule> Bonuses, ListRules Lists, bool PublishRanking = true, int AppealDays = 5)
{
    public static bool IsBonus(FactKind kind) => kind is FactKind.EarlyCloseOut or FactKind.Commendation;

    /// <summary>What is wrong with the scheme, by field path (as the JSON names it); empty when it is sound.</summary>
    public IReadOnlyDictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, List<string>>();
        void Add(string field, Phrase message)
        {
            if (!problems.TryGetValue(field, out var list)) problems[field] = list = [];
            list.Add(message);
        }
        if (Base < 0) Add("base", new("基础分不能为负", "the base cannot be negative"));
        for (var i = 0; i < Indicators.Count; i++)
        {
            var r = Indicators[i];
            var at = $"indicators[{i}]";
            if (string.IsNullOrWhiteSpace(r.Indicator)) Add($"{at}.indicator", new("请选择指标", "choose an indicator"));
            if (r.Weight <= 0) Add($"{at}.weight", new("权重须大于 0", "the weight must be above 0"));
            if (r.Cap <= 0) Add($"{at}.cap", new("封顶分须大于 0", "the cap must be above 0"));
            if (r.Method == IndicatorMethod.Target && r.Target is not > 0) Add($"{at}.target", new("按目标计分须填写大于 0 的目标值", "the target method needs a target above 0"));
            if (r.LowBase is < 0) Add($"{at}.lowBase", new("低基数阈值不能为负", "the low-base threshold cannot be negative"));
            if (Indicators.Take(i).Any(o => o.Name == r.Name)) Add($"{at}.indicator", new($"指标 {r.Indicator} 的此计分方式重复", $"{r.Indicator} is scored this way twice"));
        }
        Rules("deductions", Deductions, bonus: false);
        Rules("bonuses", Bonuses, bonus: true);
        if (Lists.RedTop < 0) Add("lists.redTop", new("红榜名额不能为负", "the red list's size cannot be negative"));
        if (Lists.BlackBottom < 0) Add("lists.blackBottom", new("黑榜名额不能为负", "the black list's size cannot be negative"));
        if (AppealDays is < 1 or > 30) Add("appealDays", new("申诉期限须为 1 至 30 天", "the appeal period must be 1 to 30 days"));
        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray());

        void Rules(string name, IReadOnlyList<PointsRule> rules, bool bonus)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var r = rules[i];
                var at = $"{name}[{i}]";
                if (IsBonus(r.Kind) != bonus)
                    Add($"{at}.kind", bonus ? new($"{r.Kind} 是扣分项，不是加分项", $"{r.Kind} is a deduction, not a bonus") : new($"{r.Kind} 是加分项，不是扣分项", $"{r.Kind} is a bonus, not a deduction"));
                if (r.Points <= 0) Add($"{at}.points", new("分值须大于 0", "the points must be above 0"));
                if (r.MonthlyCap < r.Points) Add($"{at}.monthlyCap", new("月封顶分不能小于单次分值", "the monthly cap cannot be below the points of one"));
                if (rules.Take(i).Any(o => o.Kind == r.Kind)) Add($"{at}.kind", new($"{r.Kind} 重复", $"{r.Kind} appears twice"));
            }
        }
    }
}

/// <summary>A scheme version published to apply from a month on, until a later version's month.</summary>
public sealed record SchemeVersion(int Number, DateOnly From, Scheme Scheme)
{
    /// <summary>The version that applies to <paramref name="month"/> (its first day): the latest whose month has begun by then.</summary>
    public static SchemeVersion? ApplyingTo(IEnumerable<SchemeVersion> published, DateOnly month) =>
        published.Where(v => v.From <= month).OrderByDescending(v => v.From).ThenByDescending(v => v.Number).FirstOrDefault();
}
