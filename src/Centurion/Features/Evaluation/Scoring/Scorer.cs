using System.Globalization;
using Centurion.Features.Statistics;

namespace Centurion.Features.Evaluation.Scoring;

/// <summary>What produced a point: a report, an item, a check, an incident. <paramref name="Id"/> is what its page is found by.</summary>
public sealed record SourceRef(string Type, string Id, string Label);

/// <summary>A unit's figure of an indicator for the month, with the same period a year before where known.</summary>
public sealed record IndicatorFigure(string Indicator, decimal Current, decimal? Prior, bool IsCount, SourceRef Source);

/// <summary>One fact that costs or earns points. <paramref name="Major"/>: a major negative incident.</summary>
public sealed record Fact(FactKind Kind, SourceRef Source, bool Major = false);

/// <summary>Everything a month's score is computed from, for one unit.</summary>
public sealed record UnitFacts(string Unit, IReadOnlyList<IndicatorFigure> Figures, IReadOnlyList<Fact> Facts);

/// <summary>A row of the explanation: which rule, from what, the value it looked at, and the points (negative for a deduction).</summary>
public sealed record PointRow(string Rule, SourceRef? Source, string Value, decimal Points);

/// <summary>A unit's month: its score (the sum of its rows, exactly), its rank among the peers (equal scores share one), its list.</summary>
public sealed record UnitScore(string Unit, decimal Score, int Rank, ListName List, string? ListReason, IReadOnlyList<PointRow> Points);

/// <summary>
/// A month's scores under a scheme, for a set of peers (e.g. the 21 prefectures). Pure: the facts come in, the scores and their
/// explanations go out, and the same facts always give the same result. Every point is a row, rounded to two places before it
/// is added, so the rows add up to the score.
/// </summary>
public static class Scorer
{
    public const string BaseRule = "base";

    public static IReadOnlyList<UnitScore> Score(Scheme scheme, IReadOnlyList<UnitFacts> units)
    {
        var rows = units.ToDictionary(u => u.Unit, u => new List<PointRow> { new(BaseRule, null, "", Round(scheme.Base)) });
        foreach (var rule in scheme.Indicators)
            foreach (var (unit, row) in IndicatorRows(rule, units)) rows[unit].Add(row);
        foreach (var u in units)
        {
            foreach (var rule in scheme.Deductions) rows[u.Unit].AddRange(FactRows(rule, u.Facts, sign: -1));
            foreach (var rule in scheme.Bonuses) rows[u.Unit].AddRange(FactRows(rule, u.Facts, sign: +1));
        }

        var scored = units.Select(u => (u.Unit, Score: rows[u.Unit].Sum(r => r.Points), Deducted: rows[u.Unit].Where(r => r.Points < 0).Sum(r => -r.Points),
                Major: u.Facts.FirstOrDefault(f => f.Kind == FactKind.NegativeIncident && f.Major)))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Deducted).ThenBy(s => s.Unit, StringComparer.Ordinal).ToList();
        var lists = Lists(scheme.Lists, scored.Select(s => (s.Unit, s.Major)).ToList());
        return [.. scored.Select(s =>
        {
            var (list, reason) = lists[s.Unit];
            return new UnitScore(s.Unit, s.Score, 1 + scored.Count(o => o.Score > s.Score), list, reason, rows[s.Unit]);
        })];
    }

    private static IEnumerable<(string Unit, PointRow Row)> IndicatorRows(IndicatorRule rule, IReadOnlyList<UnitFacts> units)
    {
        var figures = units.Select(u => (u.Unit, Figure: u.Figures.FirstOrDefault(f => f.Indicator == rule.Indicator))).ToList();
        var ranked = figures.Where(f => f.Figure is not null).Select(f => f.Figure!.Current).ToList();
        foreach (var (unit, f) in figures)
        {
            if (f is null) { yield return (unit, new(rule.Name, null, "—", 0)); continue; }
            var (points, value) = rule.Method switch
            {
                IndicatorMethod.Rank => RankPoints(rule, f.Current, ranked),
                IndicatorMethod.Target => TargetPoints(rule, f.Current),
                _ => ImprovementPoints(rule, f),
            };
            yield return (unit, new(rule.Name, f.Source, value, Round(Math.Clamp(points, 0, rule.Cap))));
        }
    }

    /// <summary>The first earns the weight, the last nothing, evenly between; equal figures share the better rank.</summary>
    private static (decimal, string) RankPoints(IndicatorRule rule, decimal value, List<decimal> all)
    {
        var rank = 1 + all.Count(v => rule.LowerIsBetter ? v < value : v > value);
        var points = all.Count <= 1 ? rule.Weight : rule.Weight * (all.Count - rank) / (all.Count - 1);
        return (points, $"{Number(value)} · {rank}/{all.Count}");
    }

    /// <summary>The weight at the target, pro rata: for a figure where lower is better, target ÷ figure (at or under 0, the cap).</summary>
    private static (decimal, string) TargetPoints(IndicatorRule rule, decimal value)
    {
        var target = rule.Target!.Value;
        var points = rule.LowerIsBetter ? (value <= 0 ? rule.Cap : rule.Weight * target / value) : rule.Weight * value / target;
        return (points, $"{Number(value)} / {Number(target)}");
    }

    /// <summary>The weight per percentage point better than a year before; nothing without a base, on a low base, or for noise.</summary>
    private static (decimal, string) ImprovementPoints(IndicatorRule rule, IndicatorFigure f)
    {
        if (f.Prior is not { } prior || prior == 0) return (0, $"{Number(f.Current)} / —");
        var value = $"{Number(f.Current)} / {Number(prior)}";
        if (rule.LowBase is { } low && prior < low) return (0, $"{value} · low base");
        if (rule.RequireSignificance && f.IsCount && Math.Abs(Change.Z((long)f.Current, (long)prior)) < Change.SignificantZ)
            return (0, $"{value} · not significant");
        var change = (f.Current - prior) / prior * 100;
        var better = rule.LowerIsBetter ? -change : change;
        return (rule.Weight * better, $"{value} · {(change >= 0 ? "+" : "−")}{Number(Math.Abs(Math.Round(change, 1)))}%");
    }

    /// <summary>Each fact of the rule's kind, in the order given, its points until the month's cap is reached, then 0 (still listed).</summary>
    private static IEnumerable<PointRow> FactRows(PointsRule rule, IEnumerable<Fact> facts, int sign)
    {
        var left = rule.MonthlyCap;
        foreach (var f in facts.Where(f => f.Kind == rule.Kind))
        {
            var points = Math.Min(rule.Points, left);
            left -= points;
            yield return new(Name(rule.Kind), f.Source, points < rule.Points ? "capped" : (f.Major ? "major" : ""), Round(sign * points));
        }
    }

    /// <summary>
    /// Black: the last few in order, and with the rule every unit with a major incident. Red: the first few. A unit on both
    /// stays where the precedence says; with black winning, red is filled from the next units not on the black list.
    /// </summary>
    private static Dictionary<string, (ListName, string?)> Lists(ListRules rules, List<(string Unit, Fact? Major)> ordered)
    {
        var n = ordered.Count;
        var black = new Dictionary<string, string>();
        for (var i = Math.Max(0, n - rules.BlackBottom); i < n; i++) black[ordered[i].Unit] = $"rank {i + 1} of {n}: bottom {rules.BlackBottom}";
        if (rules.MajorIncidentBlacklists)
            foreach (var (unit, major) in ordered.Where(o => o.Major is not null)) black[unit] = $"major negative incident: {major!.Source.Label}";
        var red = new Dictionary<string, string>();
        var candidates = rules.Precedence == ListPrecedence.BlackWins ? ordered.Where(o => !black.ContainsKey(o.Unit)) : ordered;
        foreach (var (unit, _) in candidates.Take(rules.RedTop)) red[unit] = $"rank {ordered.FindIndex(o => o.Unit == unit) + 1} of {n}: top {rules.RedTop}";
        return ordered.ToDictionary(o => o.Unit, o =>
            red.TryGetValue(o.Unit, out var r) ? (ListName.Red, (string?)r)
            : black.TryGetValue(o.Unit, out var b) ? (ListName.Black, b)
            : (ListName.None, null));
    }

    public static string Name(FactKind kind) => kind switch
    {
        FactKind.LateReport => "late-report",
        FactKind.MissingReport => "missing-report",
        FactKind.OverdueItem => "overdue-item",
        FactKind.OverdueProgressReport => "overdue-progress-report",
        FactKind.FailedSpotCheck => "failed-spot-check",
        FactKind.ReopenedTroubleSpot => "reopened-trouble-spot",
        FactKind.NegativeIncident => "negative-incident",
        FactKind.EarlyCloseOut => "early-close-out",
        _ => "commendation",
    };

    private static decimal Round(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);

    private static string Number(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
