using System.Globalization;

namespace Centurion.Features.Escalation.Rules;

/// <summary>A unit's list in one published evaluation month (<c>2022-08</c>): <c>red</c>, <c>black</c> or <c>none</c>.</summary>
public sealed record MonthList(string Month, string List);

/// <summary>An open rectification item past its deadline, and by how many whole days.</summary>
public sealed record OverdueItemFact(long Id, string Label, int DaysOverdue);

/// <summary>A major negative incident recorded against the unit (withdrawn ones are left out).</summary>
public sealed record IncidentFact(long Id, DateOnly Date, string Label);

/// <summary>An interview commitment whose item was not closed out by its deadline.</summary>
public sealed record MissedCommitmentFact(long Id, long Interview, string Label, DateOnly Deadline);

/// <summary>What the ladder reads of one unit: its lists by month, its overdue items, its major incidents and its missed commitments.</summary>
public sealed record UnitHistory(string Unit, IReadOnlyList<MonthList> Lists, IReadOnlyList<OverdueItemFact> OverdueItems,
    IReadOnlyList<IncidentFact> MajorIncidents, IReadOnlyList<MissedCommitmentFact> MissedCommitments);

/// <summary>A proposal made before, whatever became of it (open, confirmed or waived): the same one is not made again.</summary>
public sealed record PriorProposal(string Unit, string Rule, string Key);

/// <summary>Why a rule holds: one source (a month's publication, an item, an incident, a commitment), its label and its value.</summary>
/// <param name="SourceType"><c>publication</c> (id: the month), <c>item</c>, <c>incident</c> or <c>commitment</c> (id: the record's).</param>
public sealed record Reason(string SourceType, string SourceId, string Label, string Value);

/// <summary>
/// What a rule opens for a unit. <paramref name="Key"/> says what it is about, so that it is made once: a black-list or
/// overdue rule once per evaluated month (<c>month:2022-08</c>: it may hold again next month), an incident or a missed
/// commitment once for good (<c>incident:7</c>, <c>commitment:3</c>).
/// </summary>
public sealed record Proposal(string Unit, Rung Rung, string Rule, string Key, IReadOnlyList<Reason> Reasons);

/// <summary>
/// The escalation ladder's rules over a plain history: pure, no clock, no database. Each rule is judged for each unit on its
/// own; what a unit has been proposed before (<see cref="PriorProposal"/>, in any state: a waiver with its reason counts) is
/// not proposed again.
/// </summary>
public static class LadderRules
{
    /// <summary>The proposals for <paramref name="month"/> (the evaluation month just published, or the latest one), in unit, rung and rule order.</summary>
    public static IReadOnlyList<Proposal> Evaluate(Ladder ladder, string month, IEnumerable<UnitHistory> units, IEnumerable<PriorProposal> prior)
    {
        var made = prior.Select(p => (p.Unit, p.Rule, p.Key)).ToHashSet();
        var result = new List<Proposal>();
        foreach (var u in units.OrderBy(u => u.Unit, StringComparer.Ordinal))
            foreach (var rule in ladder.Rules)
                foreach (var p in Holds(rule, month, u))
                    if (made.Add((p.Unit, p.Rule, p.Key))) result.Add(p);
        return [.. result.OrderBy(p => p.Unit, StringComparer.Ordinal).ThenBy(p => p.Rung).ThenBy(p => p.Rule, StringComparer.Ordinal).ThenBy(p => p.Key, StringComparer.Ordinal)];
    }

    private static IEnumerable<Proposal> Holds(LadderRule rule, string month, UnitHistory u)
    {
        switch (rule.When)
        {
            case Trigger.BlackListed:
                var months = Enumerable.Range(0, rule.Months ?? 1).Select(i => Key(Parse(month).AddMonths(-i))).ToList();
                var black = u.Lists.Where(l => l.List == "black").Select(l => l.Month).ToHashSet();
                if (months.All(black.Contains))
                    yield return new(u.Unit, rule.Rung, rule.Name, $"month:{month}",
                        [.. months.Order(StringComparer.Ordinal).Select(m => new Reason("publication", m, m, "black"))]);
                break;
            case Trigger.OverdueItem:
                var late = u.OverdueItems.Where(i => i.DaysOverdue > (rule.Days ?? 0)).OrderBy(i => i.Id).ToList();
                if (late.Count > 0)
                    yield return new(u.Unit, rule.Rung, rule.Name, $"month:{month}",
                        [.. late.Select(i => new Reason("item", Id(i.Id), i.Label, i.DaysOverdue.ToString(CultureInfo.InvariantCulture)))]);
                break;
            case Trigger.MajorIncident:
                foreach (var i in u.MajorIncidents.OrderBy(i => i.Date).ThenBy(i => i.Id))
                    yield return new(u.Unit, rule.Rung, rule.Name, $"incident:{Id(i.Id)}", [new("incident", Id(i.Id), i.Label, Day(i.Date))]);
                break;
            default:
                foreach (var c in u.MissedCommitments.OrderBy(c => c.Deadline).ThenBy(c => c.Id))
                    yield return new(u.Unit, rule.Rung, rule.Name, $"commitment:{Id(c.Id)}", [new("commitment", Id(c.Id), c.Label, Day(c.Deadline))]);
                break;
        }
    }

    /// <summary>The first day of a month key (<c>2022-08</c>); a key that is not one is the caller's bug.</summary>
    public static DateOnly Parse(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
