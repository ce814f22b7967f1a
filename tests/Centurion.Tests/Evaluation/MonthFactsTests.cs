using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Evaluation;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Features.Statistics;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Tests.Reporting;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Evaluation;

/// <summary>The facts a month is scored from, read from the features' records on both databases.</summary>
public class MonthFactsTests
{
    private static readonly IndicatorRule Deployments = new("police-deployments", IndicatorMethod.Rank, 10, 10);

    [Theory, BothDatabases]
    public async Task Reports_late_and_missing_roll_up_to_their_prefecture_with_the_report_each_came_from(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 1, 20, 0);
        await TestCampaign.CreateAsync(app);
        await TestCampaign.FileAsync(app, "jinjiang", "510104", new DateOnly(2026, 7, 1), 100); // on time
        app.Clock.SetLocal(2026, 7, 3, 11, 0);
        await TestCampaign.FileAsync(app, "jinjiang", "510104", new DateOnly(2026, 7, 2), 50);  // due 3 July 10:00: late
        // 3 July's report, due 4 July 10:00, is never filed; nor is anything by any other county.
        var asOf = ProvinceTime.StartUtc(new DateOnly(2026, 7, 4)).AddHours(12);

        await using var db = app.Db();
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == TestCampaign.Code);
        var window = new Window(new(2026, 7, 1), new(2026, 7, 3));
        var facts = (await MonthFacts.GatherAsync(db, campaign, window, asOf, [Deployments])).ToDictionary(f => f.Unit);

        // Independently: the campaign's counties by prefecture, from the hierarchy.
        var counties = await db.CampaignUnits.Where(cu => cu.CampaignId == campaign.Id).Select(cu => cu.Unit!).ToListAsync();
        var chengduCounties = counties.Count(u => u.Code.StartsWith("5101"));
        var mianyangCounties = counties.Count(u => u.Code.StartsWith("5107"));
        Assert.True(chengduCounties > 5 && mianyangCounties > 3, $"{chengduCounties} {mianyangCounties}");
        Assert.Equal(counties.Select(u => u.Code[..4] + "00").Distinct().Order(), facts.Keys.Order());

        var chengdu = facts["510100"].Facts;
        Assert.Equal(["test-2026/510104/2026-07-02"], chengdu.Where(f => f.Kind == FactKind.LateReport).Select(f => f.Source.Id));
        Assert.Equal(3 * chengduCounties - 2, chengdu.Count(f => f.Kind == FactKind.MissingReport));
        Assert.Contains(chengdu, f => f.Kind == FactKind.MissingReport && f.Source.Id == "test-2026/510104/2026-07-03");
        Assert.DoesNotContain(chengdu, f => f.Source.Id == "test-2026/510104/2026-07-01");
        Assert.Equal(3 * mianyangCounties, facts["510700"].Facts.Count(f => f.Kind == FactKind.MissingReport));
        Assert.DoesNotContain(facts["510700"].Facts, f => f.Kind == FactKind.LateReport);

        // Before 4 July 10:00, 3 July's reports are not due yet: not missing.
        var earlier = await MonthFacts.GatherAsync(db, campaign, window, ProvinceTime.StartUtc(new DateOnly(2026, 7, 4)).AddHours(9), [Deployments]);
        Assert.Equal(2 * chengduCounties - 2, earlier.Single(f => f.Unit == "510100").Facts.Count(f => f.Kind == FactKind.MissingReport));

        // The figure is the subtree's total, as the statistics API has it for the same unit and days.
        var stats = await app.ApiAs("province").GetFromJsonAsync<JsonElement>(
            $"/api/stats?campaign={TestCampaign.Code}&unit=510100&indicator=police-deployments&from=2026-07-01&to=2026-07-03");
        var figure = facts["510100"].Figures.Single();
        Assert.Equal(stats.GetProperty("value").GetInt64(), (long)figure.Current);
        Assert.Equal(150, figure.Current);
        Assert.Equal(0m, facts["510700"].Figures.Single().Current);
    }

    [Theory, BothDatabases]
    public async Task The_demo_summers_overdue_items_and_failed_spot_checks_are_facts_of_the_prefecture_of_their_unit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == "summer-2022");
        var window = new Window(new(2022, 8, 1), new(2022, 8, 31));
        var asOf = ProvinceTime.StartUtc(new DateOnly(2022, 9, 10));
        var facts = (await MonthFacts.GatherAsync(db, campaign, window, asOf, [])).ToDictionary(f => f.Unit);

        // Independently: every item with an August deadline not closed out by the end of its day, by the prefecture of its unit.
        var items = await db.Set<RectificationItem>().Select(i => new { i.Id, i.Deadline, i.ClosedOutUtc, Unit = i.Unit!.Code }).ToListAsync();
        var overdue = items.Where(i => i.Deadline.Month == 8 && i.Deadline.Year == 2022
                && (i.ClosedOutUtc is null || ProvinceTime.ToLocal(i.ClosedOutUtc.Value) >= i.Deadline.AddDays(1).ToDateTime(TimeOnly.MinValue)))
            .GroupBy(i => i.Unit[..4] + "00").ToDictionary(g => g.Key, g => g.Select(i => i.Id.ToString()).Order().ToList());
        Assert.NotEmpty(overdue);
        foreach (var (prefecture, ids) in overdue)
            Assert.Equal(ids, facts[prefecture].Facts.Where(f => f.Kind == FactKind.OverdueItem).Select(f => f.Source.Id).Order());
        Assert.Equal(overdue.Values.Sum(v => v.Count), facts.Values.Sum(f => f.Facts.Count(x => x.Kind == FactKind.OverdueItem)));

        var failures = await Centurion.Features.Ledgers.SpotChecks.SpotCheckFailures.ByUnitMonthAsync(db, campaign.Id,
            (await db.Units.SingleAsync(u => u.Level == UnitLevel.Province)).Id);
        // The demo's spot checks are called in the bulletin's weeks, so July has them and August none.
        Assert.DoesNotContain(facts.Values, f => f.Facts.Any(x => x.Kind == FactKind.FailedSpotCheck));
        var july = failures.Where(f => f.Month == "2022-07").GroupBy(f => f.Unit[..4] + "00").ToDictionary(g => g.Key, g => g.Sum(f => f.Failed));
        Assert.True(july.Values.Sum() > 0, "the demo has failed spot checks in July 2022");
        var julyFacts = (await MonthFacts.GatherAsync(db, campaign, new Window(new(2022, 7, 1), new(2022, 7, 31)), asOf, [])).ToDictionary(f => f.Unit);
        foreach (var (prefecture, n) in july) Assert.Equal(n, julyFacts[prefecture].Facts.Count(f => f.Kind == FactKind.FailedSpotCheck));
        Assert.Equal(july.Values.Sum(), julyFacts.Values.Sum(f => f.Facts.Count(x => x.Kind == FactKind.FailedSpotCheck)));
    }
}
