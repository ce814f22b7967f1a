using Centurion.Infrastructure;

namespace Centurion.Features.Escalation.Rules;

/// <summary>The rungs of the ladder, lowest first: circulated criticism in the notice (通报批评), an interview (约谈), accountability (问责).</summary>
public enum Rung { Criticism, Interview, Accountability }

/// <summary>
/// What a rule watches: being on the black list (in <c>months</c> consecutive months), rectification items overdue by more than
/// <c>days</c>, a major negative incident, or an interview's commitment not met by its deadline.
/// </summary>
public enum Trigger { BlackListed, OverdueItem, MajorIncident, MissedCommitment }

/// <summary>One rule of the ladder: when <paramref name="When"/> holds for a unit, propose <paramref name="Rung"/>.</summary>
/// <param name="Name">The rule's name, unique in the ladder (e.g. <c>black-twice</c>); proposals and their history name it.</param>
/// <param name="Months">BlackListed: how many consecutive evaluation months on the black list, ending with the month evaluated (1 = this month).</param>
/// <param name="Days">OverdueItem: an open item counts once it is more than this many days past its deadline.</param>
public sealed record LadderRule(string Name, Trigger When, Rung Rung, int? Months = null, int? Days = null);

/// <summary>A campaign's escalation ladder: its rules, each evaluated on its own (a unit may meet several in one month).</summary>
public sealed record Ladder(IReadOnlyList<LadderRule> Rules)
{
    public const int NameLength = 64;

    /// <summary>The ladder, which a campaign's first draft starts from: black-listed once → criticism; twice running, or an item over 30 days late → interview; a major incident or a missed commitment → accountability.</summary>
    public static readonly Ladder Standard = new(
    [
        new("black-once", Trigger.BlackListed, Rung.Criticism, Months: 1),
        new("black-twice", Trigger.BlackListed, Rung.Interview, Months: 2),
        new("overdue-30", Trigger.OverdueItem, Rung.Interview, Days: 30),
        new("major-incident", Trigger.MajorIncident, Rung.Accountability),
        new("missed-commitment", Trigger.MissedCommitment, Rung.Accountability),
    ]);

    /// <summary>What is wrong with the ladder, by field path as the JSON names it (<c>rules[1].months</c>); empty when it is sound.</summary>
    public IReadOnlyDictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, List<string>>();
        void Add(string field, Phrase message)
        {
            if (!problems.TryGetValue(field, out var list)) problems[field] = list = [];
            list.Add(message);
        }
        if (Rules.Count == 0) Add("rules", new("至少要有一条规则", "the ladder needs at least one rule"));
        for (var i = 0; i < Rules.Count; i++)
        {
            var r = Rules[i];
            var at = $"rules[{i}]";
            var name = r.Name?.Trim() ?? "";
            if (name.Length is 0 or > NameLength || name.Any(ch => !(char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-')))
                Add($"{at}.name", new($"规则名须为小写字母、数字和连字符（最多 {NameLength} 个）", $"the name must be lower-case letters, digits and hyphens (at most {NameLength})"));
            else if (Rules.Take(i).Any(o => o.Name == r.Name)) Add($"{at}.name", new($"规则名 {r.Name} 重复", $"the name {r.Name} appears twice"));
            if (r.When == Trigger.BlackListed) { if (r.Months is not (>= 1 and <= 12)) Add($"{at}.months", new("连续上黑榜的月数须为 1 至 12", "the consecutive months must be 1 to 12")); }
            else if (r.Months is not null) Add($"{at}.months", new("只有上黑榜规则使用月数", "only a black-list rule takes months"));
            if (r.When == Trigger.OverdueItem) { if (r.Days is not (>= 0 and <= 365)) Add($"{at}.days", new("逾期天数须为 0 至 365", "the days overdue must be 0 to 365")); }
            else if (r.Days is not null) Add($"{at}.days", new("只有整改逾期规则使用天数", "only an overdue-item rule takes days"));
            if (r.When == Trigger.MissedCommitment && r.Rung != Rung.Accountability)
                Add($"{at}.rung", new("未兑现约谈承诺须升至约谈的上一级：问责", "a missed interview commitment climbs above the interview: accountability"));
        }
        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }
}
