using Centurion.Features.Evaluation.Scoring;
using CsCheck;

namespace Centurion.Tests.Evaluation;

/// <summary>The pure scoring of a month, on a small constructed campaign computed by hand below.</summary>
public class ScorerTests
{
    private static SourceRef Src(string type, string id) => new(type, id, $"{type} {id}");

    /// <summary>
    /// Base 60. Crimes filed: 0.5 a percentage point of year-on-year fall, cap 10, nothing on a prior year under 20 or for a
    /// change with |z| &lt; 2. Patrols: 10 for the first, to 0 for the last. Clearance rate: 10 at the target of 60, cap 12.
    /// Late reports −1 (cap 3 a month), overdue items −2 (cap 4), negative incidents −5 (cap 10); early close-outs +1 (cap 2).
    /// Red: the first; black: the last, and any unit with a major incident; black wins.
    /// </summary>
    private static readonly Scheme Summer = new(60,
        [
            new("criminal-cases-filed", IndicatorMethod.Improvement, 0.5m, 10, LowerIsBetter: true, LowBase: 20, RequireSignificance: true),
            new("patrols", IndicatorMethod.Rank, 10, 10),
            new("clearance-rate", IndicatorMethod.Target, 10, 12, Target: 60),
        ],
        [new(FactKind.LateReport, 1, 3), new(FactKind.OverdueItem, 2, 4), new(FactKind.NegativeIncident, 5, 10)],
        [new(FactKind.EarlyCloseOut, 1, 2)],
        new(RedTop: 1, BlackBottom: 1));

    private static UnitFacts Unit(string code, (decimal Now, decimal Prior) crimes, decimal patrols, decimal clearance, params Fact[] facts) => new(code,
        [
            new("criminal-cases-filed", crimes.Now, crimes.Prior, true, Src("report", $"{code}/crimes")),
            new("patrols", patrols, null, true, Src("report", $"{code}/patrols")),
            new("clearance-rate", clearance, null, false, Src("report", $"{code}/clearance")),
        ], facts);

    private static Fact[] Many(FactKind kind, string code, int n, bool major = false) =>
        [.. Enumerable.Range(1, n).Select(i => new Fact(kind, Src(Scorer.Name(kind), $"{code}-{i}"), major))];

    private static readonly UnitFacts[] Month =
    [
        // 400 against 500: −20% (z = 2(20 − 22.36) = −4.7) → 10; patrols 300, first with B → 10; 66/60 → 11; −2 late, −5 major incident.
        Unit("A", (400, 500), 300, 66, [.. Many(FactKind.LateReport, "A", 2), .. Many(FactKind.NegativeIncident, "A", 1, major: true)]),
        // 18 against 30: −40% (z = −2.47) → 20, capped at 10; patrols first → 10; 90/60 = 15, capped at 12; 4 late → −3 (cap); +1 early.
        Unit("B", (18, 30), 300, 90, [.. Many(FactKind.LateReport, "B", 4), .. Many(FactKind.EarlyCloseOut, "B", 1)]),
        // 4 against 10: low base → 0; patrols third of four → 10 × 1/3 = 3.33; 30/60 → 5; 3 overdue items → −2, −2, 0 (cap 4).
        Unit("C", (4, 10), 200, 30, Many(FactKind.OverdueItem, "C", 3)),
        // 480 against 500: −4%, but z = −0.90 → 0; patrols last → 0; at the target → 10; nothing else.
        Unit("D", (480, 500), 100, 60),
    ];

    [Fact]
    public void A_hand_computed_month_scores_ranks_and_lists_every_unit()
    {
        var scores = Scorer.Score(Summer, Month).ToDictionary(s => s.Unit);

        Assert.Equal(60 + 10 + 10 + 11 - 2 - 5, scores["A"].Score);
        Assert.Equal(60 + 10 + 10 + 12 - 3 + 1, scores["B"].Score);
        Assert.Equal(60 + 0 + 3.33m + 5 - 4, scores["C"].Score);
        Assert.Equal(60 + 0 + 0 + 10, scores["D"].Score);
        Assert.Equal(["B", "A", "D", "C"], Scorer.Score(Summer, Month).Select(s => s.Unit));
        Assert.Equal([1, 2, 3, 4], new[] { "B", "A", "D", "C" }.Select(u => scores[u].Rank));
        // A's major incident puts it on the black list at rank 2; C is last; the red list goes to the first unit not black-listed.
        Assert.Equal((ListName.Red, ListName.Black, ListName.None, ListName.Black), (scores["B"].List, scores["A"].List, scores["D"].List, scores["C"].List));
        Assert.Contains("major negative incident", scores["A"].ListReason);
        Assert.Contains("bottom 1", scores["C"].ListReason);
    }

    [Fact]
    public void Every_point_has_its_row_with_the_source_that_produced_it_and_caps_and_noise_are_shown()
    {
        var scores = Scorer.Score(Summer, Month).ToDictionary(s => s.Unit);

        var b = scores["B"].Points;
        Assert.Equal([-1m, -1m, -1m, 0m], b.Where(r => r.Rule == "late-report").Select(r => r.Points));
        Assert.Equal(["B-1", "B-2", "B-3", "B-4"], b.Where(r => r.Rule == "late-report").Select(r => r.Source!.Id));
        Assert.Equal("capped", b.Last(r => r.Rule == "late-report").Value);
        Assert.Equal(10m, b.Single(r => r.Rule == "criminal-cases-filed:improvement").Points);
        Assert.Equal("18 / 30 · −40%", b.Single(r => r.Rule == "criminal-cases-filed:improvement").Value);
        Assert.Equal(12m, b.Single(r => r.Rule == "clearance-rate:target").Points);
        Assert.Equal("B/clearance", b.Single(r => r.Rule == "clearance-rate:target").Source!.Id);

        Assert.Equal("4 / 10 · low base", scores["C"].Points.Single(r => r.Rule == "criminal-cases-filed:improvement").Value);
        Assert.Equal([-2m, -2m, 0m], scores["C"].Points.Where(r => r.Rule == "overdue-item").Select(r => r.Points));
        Assert.Equal("100 · 4/4", scores["D"].Points.Single(r => r.Rule == "patrols:rank").Value);
        Assert.EndsWith("not significant", scores["D"].Points.Single(r => r.Rule == "criminal-cases-filed:improvement").Value);
        Assert.Equal(-5m, scores["A"].Points.Single(r => r.Rule == "negative-incident").Points);
        Assert.All(scores.Values, s => Assert.Equal(s.Score, s.Points.Sum(p => p.Points)));
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_the_list_cut_off_takes_fewer_deductions_then_the_code()
    {
        // Both 70: X lost 2 points to a late report and earned them back; Y lost nothing. Z trails.
        var scheme = Summer with { Indicators = [], Lists = new(RedTop: 1, BlackBottom: 1) };
        var units = new UnitFacts[]
        {
            new("X", [], [.. Many(FactKind.LateReport, "X", 2), .. Many(FactKind.EarlyCloseOut, "X", 2)]),
            new("Y", [], []),
            new("Z", [], Many(FactKind.OverdueItem, "Z", 1)),
        };
        var scores = Scorer.Score(scheme, units);

        Assert.Equal(["Y", "X", "Z"], scores.Select(s => s.Unit));
        Assert.Equal([1, 1, 3], scores.Select(s => s.Rank));
        Assert.Equal([ListName.Red, ListName.None, ListName.Black], scores.Select(s => s.List));
        // With no deductions either way, the code decides.
        var twins = Scorer.Score(scheme, [new("Q", [], []), new("P", [], [])]);
        Assert.Equal(["P", "Q"], twins.Select(s => s.Unit));
        Assert.Equal([ListName.Red, ListName.Black], twins.Select(s => s.List));
    }

    [Fact]
    public void With_red_winning_a_first_placed_unit_with_a_major_incident_stays_red()
    {
        var month = Month.Select(u => u.Unit == "B" ? u with { Facts = [.. u.Facts, new(FactKind.NegativeIncident, Src("incident", "B-major"), Major: true)] } : u).ToArray();
        var black = Scorer.Score(Summer, month).ToDictionary(s => s.Unit);
        var red = Scorer.Score(Summer with { Lists = Summer.Lists with { Precedence = ListPrecedence.RedWins } }, month).ToDictionary(s => s.Unit);

        // B is still first (90 − 5 = 85 > A's 84): black wins, so the red list passes to the first unit not black-listed, D.
        Assert.Equal((ListName.Black, ListName.Black, ListName.Red), (black["B"].List, black["A"].List, black["D"].List));
        Assert.Equal((ListName.Red, ListName.Black, ListName.None), (red["B"].List, red["A"].List, red["D"].List));
        Assert.DoesNotContain(Scorer.Score(Summer with { Lists = Summer.Lists with { MajorIncidentBlacklists = false } }, month), s => s.Unit == "A" && s.List == ListName.Black);
    }

    [Fact]
    public void A_figure_where_lower_is_better_earns_by_target_and_rank_the_other_way_round()
    {
        var scheme = Summer with
        {
            Indicators = [new("robberies", IndicatorMethod.Target, 10, 15, LowerIsBetter: true, Target: 50), new("robberies", IndicatorMethod.Rank, 6, 6, LowerIsBetter: true)],
            Deductions = [], Bonuses = [],
        };
        UnitFacts U(string code, decimal n) => new(code, [new("robberies", n, null, true, Src("report", code))], []);
        var scores = Scorer.Score(scheme, [U("A", 40), U("B", 100), U("C", 0)]).ToDictionary(s => s.Unit);

        // Target: 50/40 × 10 = 12.5; 50/100 × 10 = 5; none at all → the cap, 15. Rank: C first (6), A second (3), B last (0).
        Assert.Equal(60 + 12.5m + 3, scores["A"].Score);
        Assert.Equal(60 + 5m + 0, scores["B"].Score);
        Assert.Equal(60 + 15m + 6, scores["C"].Score);
    }

    [Fact]
    public void A_unit_without_the_figure_earns_nothing_for_it_and_says_so()
    {
        var month = Month.Select(u => u.Unit == "D" ? u with { Figures = [] } : u).ToArray();
        var d = Scorer.Score(Summer, month).Single(s => s.Unit == "D");

        Assert.Equal(60m, d.Score);
        Assert.All(d.Points.Where(p => p.Rule != Scorer.BaseRule), p => Assert.Equal(("—", 0m), (p.Value, p.Points)));
        // The others now rank patrols among three: A and B first (10), C last (0).
        Assert.Equal(0m, Scorer.Score(Summer, month).Single(s => s.Unit == "C").Points.Single(p => p.Rule == "patrols:rank").Points);
    }

    [Fact]
    public void The_version_applying_to_a_month_is_the_latest_whose_month_has_begun()
    {
        var v1 = new SchemeVersion(1, new(2022, 6, 1), Summer);
        var v2 = new SchemeVersion(2, new(2022, 8, 1), Summer with { Base = 70 });

        Assert.Null(SchemeVersion.ApplyingTo([v1, v2], new(2022, 5, 1)));
        Assert.Equal(1, SchemeVersion.ApplyingTo([v1, v2], new(2022, 7, 1))!.Number);
        Assert.Equal(2, SchemeVersion.ApplyingTo([v2, v1], new(2022, 8, 1))!.Number);
        Assert.Equal(2, SchemeVersion.ApplyingTo([v1, v2], new(2022, 9, 1))!.Number);
    }

    [Fact]
    public void A_scheme_with_wrong_fields_names_each_one()
    {
        var bad = Summer with
        {
            Base = -1,
            Indicators = [new("x", IndicatorMethod.Target, 0, 5), new("x", IndicatorMethod.Target, 1, 5, Target: 3)],
            Deductions = [new(FactKind.EarlyCloseOut, 1, 0)],
            Bonuses = [new(FactKind.LateReport, 1, 1)],
            Lists = new(-1, 1),
            AppealDays = 0,
        };
        var problems = bad.Problems();

        Assert.Equal(["appealDays", "base", "bonuses[0].kind", "deductions[0].kind", "deductions[0].monthlyCap", "indicators[0].target", "indicators[0].weight",
            "indicators[1].indicator", "lists.redTop"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(Summer.Problems());
        Assert.Empty(Centurion.Features.Demo.DemoEvaluation.SummerScheme.Problems());
    }

    private static readonly Gen<UnitFacts[]> Units =
        Gen.Select(Gen.Int[0, 600], Gen.Int[0, 600], Gen.Int[0, 400], Gen.Int[0, 100], Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, 3], Gen.Bool)
            .Select(t => (t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8))
            .Array[1, 25]
            .Select(rows => rows.Select((r, i) => Unit($"U{i:00}", (r.Item1, r.Item2), r.Item3, r.Item4,
                [.. Many(FactKind.LateReport, $"U{i}", r.Item5), .. Many(FactKind.OverdueItem, $"U{i}", r.Item6), .. Many(FactKind.NegativeIncident, $"U{i}", r.Item7, r.Item8)])).ToArray());

    [Fact]
    public void For_any_month_the_rows_add_up_ranks_follow_scores_and_the_order_of_the_units_changes_nothing()
    {
        Units.Sample(units =>
        {
            var scores = Scorer.Score(Summer, units);
            var reversed = Scorer.Score(Summer, [.. units.Reverse()]);
            return scores.All(s => s.Score == s.Points.Sum(p => p.Points))
                && scores.All(s => s.Rank == 1 + scores.Count(o => o.Score > s.Score))
                && scores.Select(s => (s.Unit, s.Score, s.Rank, s.List)).SequenceEqual(reversed.Select(s => (s.Unit, s.Score, s.Rank, s.List)))
                && scores.All(s => s.List != ListName.Red || !units.Single(u => u.Unit == s.Unit).Facts.Any(f => f.Major))
                && scores.Count(s => s.List == ListName.Red) == Math.Min(Summer.Lists.RedTop, scores.Count(s => s.List != ListName.Black));
        });
    }
}
