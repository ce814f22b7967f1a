using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Demo;
using Centurion.Features.Evaluation;
using Centurion.Features.Evaluation.Schemes;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Features.Statistics;
using Centurion.Infrastructure;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Evaluation;

/// <summary>Evaluation months, the scheme's JSON, a version's draft-to-published rules, and a month computed on the demo.</summary>
public class SchemeVersionTests
{
    private static Campaign Campaign(DateOnly from, DateOnly to) => new() { Code = "t", NameZh = "t", StartDate = from, EndDate = to };

    [Fact]
    public void A_short_first_or_last_month_joins_its_neighbour()
    {
        var summer = EvaluationMonths.Of(Campaign(new(2022, 6, 25), new(2022, 10, 2)));
        Assert.Equal(["2022-07", "2022-08", "2022-09"], summer.Select(m => m.Key));
        Assert.Equal(new Window(new(2022, 6, 25), new(2022, 7, 31)), summer[0].Window);
        Assert.Equal(new Window(new(2022, 8, 1), new(2022, 8, 31)), summer[1].Window);
        Assert.Equal(new Window(new(2022, 9, 1), new(2022, 10, 2)), summer[2].Window);
        Assert.Equal(new DateOnly(2022, 7, 1), summer[0].Month);

        // 15 days is long enough to stand alone; a campaign of a few days is one month however short.
        var fifteen = EvaluationMonths.Of(Campaign(new(2022, 6, 16), new(2022, 7, 20)));
        Assert.Equal(["2022-06", "2022-07"], fifteen.Select(m => m.Key));
        Assert.Equal(["2022-06"], EvaluationMonths.Of(Campaign(new(2022, 6, 25), new(2022, 6, 30))).Select(m => m.Key));
        Assert.Null(EvaluationMonths.Find(Campaign(new(2022, 6, 25), new(2022, 10, 2)), "2022-06"));
        Assert.Null(EvaluationMonths.Find(Campaign(new(2022, 6, 25), new(2022, 10, 2)), "July"));
    }

    [Fact]
    public void The_json_round_trips_and_names_the_wrong_field()
    {
        var json = SchemeJson.Write(DemoEvaluation.SummerScheme);
        Assert.Contains("\"method\": \"improvement\"", json);
        Assert.Contains("\"kind\": \"overdue-progress-report\"", json);
        Assert.Contains("\"precedence\": \"black-wins\"", json);
        Assert.Equal(json, SchemeJson.Write(SchemeJson.Read(json)));

        Assert.Equal("indicators[0].weight", Refused(json.Replace("\"weight\": 0.5", "\"weight\": -1")));
        Assert.Equal("deductions[2].kind", Refused(json.Replace("\"overdue-item\"", "\"overdue\"")).Replace("$.", ""));
        Assert.Equal("lists.colour", Refused(json.Replace("\"redTop\": 5", "\"redTop\": 5, \"colour\": 1")));
        Assert.Equal("appealDays", Refused(json.Replace("\"appealDays\": 5", "\"appealDays\": 40")));
        Assert.Equal("json", Refused("{"));

        static string Refused(string text)
        {
            var e = Assert.Throws<DomainException>(() => SchemeJson.Read(text));
            Assert.Equal(422, e.Status);
            return Assert.Single(e.Errors!).Key;
        }
    }

    [Fact]
    public void A_published_version_never_changes_and_a_new_one_must_start_later()
    {
        var c = Campaign(new(2022, 6, 25), new(2022, 10, 2));
        var at = new DateTime(2022, 6, 24, 9, 0, 0, DateTimeKind.Utc);
        var v1 = ScoringSchemeVersion.Draft(c, 1, new(2022, 6, 10), DemoEvaluation.SummerScheme, "office", at);
        Assert.Equal(new DateOnly(2022, 6, 1), v1.FromMonth);
        v1.Edit(DemoEvaluation.SummerScheme with { Base = 90 }, new(2022, 7, 1), "office", at.AddMinutes(5));
        v1.Publish([], "office", at.AddHours(1));
        Assert.Equal([SchemeEvent.Drafted, SchemeEvent.Edited, SchemeEvent.Published], v1.History.Select(h => h.Event));
        Assert.Equal(409, Assert.Throws<DomainException>(() => v1.Edit(DemoEvaluation.SummerScheme, new(2022, 7, 1), "office", at)).Status);
        Assert.Equal(409, Assert.Throws<DomainException>(() => v1.Publish([], "office", at)).Status);
        Assert.Equal(90, v1.Scheme.Base);

        var v2 = ScoringSchemeVersion.Draft(c, 2, new(2022, 7, 1), DemoEvaluation.DraftScheme, "office", at);
        var early = Assert.Throws<DomainException>(() => v2.Publish([v1], "office", at));
        Assert.Equal((422, "fromMonth"), (early.Status, Assert.Single(early.Errors!).Key));
        Assert.True(v2.IsDraft);
        var outside = Assert.Throws<DomainException>(() => ScoringSchemeVersion.Draft(c, 3, new(2022, 11, 1), DemoEvaluation.DraftScheme, "office", at));
        Assert.Equal("fromMonth", Assert.Single(outside.Errors!).Key);
        var unsound = Assert.Throws<DomainException>(() => ScoringSchemeVersion.Draft(c, 3, new(2022, 9, 1), DemoEvaluation.DraftScheme with { Base = -1 }, "office", at));
        Assert.Equal("base", Assert.Single(unsound.Errors!).Key);
    }

    [Theory, BothDatabases]
    public async Task The_demo_month_is_scored_under_the_version_that_applies_and_each_score_is_its_rows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoCampaign.Code);
        var august = EvaluationMonths.Find(campaign, "2022-08")!;
        var asOf = ProvinceTime.StartUtc(new DateOnly(2022, 9, 5));
        var e = await Evaluations.ComputeAsync(db, campaign, august, asOf, withDraft: true);

        Assert.Equal(1, e.Published!.Version.Number);
        Assert.Equal(2, e.Draft!.Version.Number);
        Assert.Equal(21, e.Published.Scores.Count);
        Assert.Equal(e.Units.Keys.Order(), e.Published.Scores.Select(s => s.Unit).Order());
        foreach (var s in e.Published.Scores.Concat(e.Draft.Scores))
            Assert.Equal(s.Score, s.Points.Sum(p => p.Points));
        Assert.Equal(5, e.Published.Scores.Count(s => s.List == ListName.Red));
        Assert.True(e.Published.Scores.Count(s => s.List == ListName.Black) >= 3);
        // Each unit's rank is one more than the number of units that scored more.
        foreach (var s in e.Published.Scores) Assert.Equal(1 + e.Published.Scores.Count(o => o.Score > s.Score), s.Rank);

        // The same facts under v2, whose overdue items cost 3 instead of 2: each unit's overdue-item rows cost 1.5 times as much, up to 15.
        foreach (var s in e.Published.Scores)
        {
            var before = -s.Points.Where(p => p.Rule == "overdue-item").Sum(p => p.Points);
            var count = s.Points.Count(p => p.Rule == "overdue-item");
            var after = -e.Draft.Scores.Single(d => d.Unit == s.Unit).Points.Where(p => p.Rule == "overdue-item").Sum(p => p.Points);
            Assert.Equal(Math.Min(2 * count, 10), before);
            Assert.Equal(Math.Min(3 * count, 15), after);
        }

        // The counties of Mianyang, scored among themselves.
        var mianyang = await db.Units.SingleAsync(u => u.Code == "510700");
        var counties = await Evaluations.ComputeAsync(db, campaign, august, asOf, withDraft: false, within: mianyang);
        Assert.Null(counties.Draft);
        Assert.All(counties.Published!.Scores, s => Assert.StartsWith("5107", s.Unit));
        Assert.Equal(await db.CampaignUnits.CountAsync(cu => cu.CampaignId == campaign.Id && cu.Unit!.Code.StartsWith("5107")), counties.Published.Scores.Count);
    }
}
