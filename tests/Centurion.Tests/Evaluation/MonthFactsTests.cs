using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Demo;
using Centurion.Features.Evaluation;
using Centurion.Features.Evaluation.Incidents;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Features.Statistics;
using Centurion.Features.Supervision.Listing;
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

    private static async Task<long> CreatedAsync(HttpResponseMessage r)
    {
        Assert.True(r.StatusCode == System.Net.HttpStatusCode.Created, $"{r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static DateTime Local(int day, int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 7, day, hour, 0, 0), ProvinceTime.Zone);

    /// <summary>
    /// On the test campaign (July 2026): a trouble spot in Jinjiang listed on 2 July 10:00 with a report every 3 days, reported
    /// on 4 July 09:00 (next due 7 July 09:00), late on 9 July 12:00 (due 12 July 12:00), at exactly 12 July 12:00 (late again:
    /// due 15 July 12:00) and never after; and the register: a major incident in Jinjiang on 5 July, one on 6 July withdrawn on
    /// 12 July 10:00, an incident in Fucheng and a commendation of Mianyang on 10 July (recorded on the 11th), and an incident in
    /// Jinjiang on 20 July.
    /// </summary>
    [Theory, BothDatabases]
    public async Task Overdue_progress_reports_incidents_and_commendations_are_facts_of_their_units_prefecture_as_they_stood_at_the_instant(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 1, 20, 0);
        await TestCampaign.CreateAsync(app);
        var province = app.ApiAs("province");
        var jinjiang = app.ApiAs("jinjiang");
        const string register = $"/api/campaigns/{TestCampaign.Code}/evaluation";
        object Incident(string unit, int day, string kind, bool major) => new { unit, date = $"2026-07-{day:00}", kind, major, description = $"{kind}（测试）" };

        app.Clock.SetLocal(2026, 7, 2, 10);
        var listing = await CreatedAsync(await province.PostAsJsonAsync("/api/supervision/listings",
            new { place = "锦江区测试广场", problem = "夜间滋事", unit = "510104", reason = "测试挂牌", intervalDays = 3 }));
        async Task Report(int day, int hour)
        {
            app.Clock.SetLocal(2026, 7, day, hour);
            var r = await jinjiang.PostAsJsonAsync($"/api/supervision/listings/{listing}/reports", new { text = $"7月{day}日进展" });
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        }
        await Report(4, 9);
        app.Clock.SetLocal(2026, 7, 6, 10);
        var major = await CreatedAsync(await province.PostAsJsonAsync($"{register}/incidents", Incident("510104", 5, "群体性事件", true)));
        var withdrawn = await CreatedAsync(await province.PostAsJsonAsync($"{register}/incidents", Incident("510104", 6, "涉警舆情", false)));
        await Report(9, 12);
        app.Clock.SetLocal(2026, 7, 11, 10);
        var fucheng = await CreatedAsync(await province.PostAsJsonAsync($"{register}/incidents", Incident("510703", 10, "重大刑事案件", false)));
        var commendation = await CreatedAsync(await province.PostAsJsonAsync($"{register}/commendations",
            new { unit = "510700", date = "2026-07-10", description = "破获系列盗窃案", awardedBy = "省公安厅" }));
        app.Clock.SetLocal(2026, 7, 12, 10);
        Assert.True((await province.PostAsJsonAsync($"{register}/incidents/{withdrawn}/withdraw", new { reason = "经核实不属实" })).IsSuccessStatusCode);
        await Report(12, 12);
        app.Clock.SetLocal(2026, 7, 21, 10);
        var late = await CreatedAsync(await province.PostAsJsonAsync($"{register}/incidents", Incident("510104", 20, "涉警舆情", false)));

        await using var db = app.Db();
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == TestCampaign.Code);
        var firstHalf = new Window(new(2026, 7, 1), new(2026, 7, 15));
        async Task<Dictionary<string, IReadOnlyList<Fact>>> At(Window w, DateTime asOf) =>
            (await MonthFacts.GatherAsync(db, campaign, w, asOf, [])).ToDictionary(f => f.Unit, f => f.Facts);
        static List<string> Of(IReadOnlyList<Fact> facts, FactKind kind) => [.. facts.Where(f => f.Kind == kind).Select(f => f.Source.Id)];

        var after = await At(firstHalf, Local(22, 0));
        Assert.Equal([major.ToString()], Of(after["510100"], FactKind.NegativeIncident));
        var incident = after["510100"].Single(f => f.Kind == FactKind.NegativeIncident);
        Assert.Equal((true, "incident", "2026-07-05 锦江区 群体性事件"), (incident.Major, incident.Source.Type, incident.Source.Label));
        // Due 7 July 09:00 (reported on the 9th), 12 July 12:00 (reported exactly then: late) and 15 July 12:00 (never reported), in UTC.
        Assert.Equal([$"{listing}/2026-07-07T01:00Z", $"{listing}/2026-07-12T04:00Z", $"{listing}/2026-07-15T04:00Z"], Of(after["510100"], FactKind.OverdueProgressReport));
        Assert.Equal(("listing", "锦江区测试广场 2026-07-15"), (after["510100"].Last(f => f.Kind == FactKind.OverdueProgressReport).Source.Type, after["510100"].Last(f => f.Kind == FactKind.OverdueProgressReport).Source.Label));
        Assert.Equal([fucheng.ToString()], Of(after["510700"], FactKind.NegativeIncident));
        Assert.False(after["510700"].Single(f => f.Kind == FactKind.NegativeIncident).Major);
        Assert.Equal([commendation.ToString()], Of(after["510700"], FactKind.Commendation));
        Assert.Equal("commendation", after["510700"].Single(f => f.Kind == FactKind.Commendation).Source.Type);
        Assert.DoesNotContain(after.Where(p => p.Key is not ("510100" or "510700")).SelectMany(p => p.Value),
            f => f.Kind is FactKind.NegativeIncident or FactKind.Commendation or FactKind.OverdueProgressReport);

        // Before the withdrawal the 6 July incident still counted; the second due had not come yet.
        var before = await At(firstHalf, Local(12, 9));
        Assert.Equal([major.ToString(), withdrawn.ToString()], Of(before["510100"], FactKind.NegativeIncident));
        Assert.Equal([$"{listing}/2026-07-07T01:00Z"], Of(before["510100"], FactKind.OverdueProgressReport));
        // Before 11 July nothing of Mianyang's was recorded yet.
        var earlier = await At(firstHalf, Local(10, 23));
        Assert.Empty(Of(earlier["510700"], FactKind.NegativeIncident).Concat(Of(earlier["510700"], FactKind.Commendation)));

        // The second half has the 20 July incident and no due instant: the one of 15 July stays missed until a report.
        var secondHalf = await At(new Window(new(2026, 7, 16), new(2026, 7, 31)), Local(31, 23));
        Assert.Equal([late.ToString()], Of(secondHalf["510100"], FactKind.NegativeIncident));
        Assert.Empty(Of(secondHalf["510100"], FactKind.OverdueProgressReport));
    }

    [Theory, BothDatabases]
    public async Task The_demos_register_and_overdue_listing_are_augusts_facts_and_fuchengs_major_incident_blacklists_mianyang(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == "summer-2022");
        var august = new Window(new(2022, 8, 1), new(2022, 8, 31));
        var asOf = ProvinceTime.StartUtc(new DateOnly(2022, 9, 10));
        var facts = (await MonthFacts.GatherAsync(db, campaign, august, asOf, [.. DemoEvaluation.SummerScheme.Indicators])).ToDictionary(f => f.Unit);
        IEnumerable<(string Unit, Fact Fact)> Of(FactKind kind) => facts.SelectMany(p => p.Value.Facts.Where(f => f.Kind == kind).Select(f => (p.Key, f)));

        var incident = Assert.Single(Of(FactKind.NegativeIncident));
        Assert.Equal(("510700", true, $"2022-08-13 涪城区 {DemoIncidents.FuchengKind}"), (incident.Unit, incident.Fact.Major, incident.Fact.Source.Label));
        Assert.Equal(["510600"], Of(FactKind.Commendation).Select(c => c.Unit));
        // Jinjiang's night-market listing: reported on 17 and 24 August, then the report due on 31 August 11:00 never came.
        var market = await db.Set<Listing>().Where(l => l.Reason == DemoListings.NightMarketReason).Select(l => l.Id).SingleAsync();
        var overdue = Assert.Single(Of(FactKind.OverdueProgressReport));
        Assert.Equal(("510100", $"{market}/2022-08-31T03:00Z"), (overdue.Unit, overdue.Fact.Source.Id));

        // Neijiang's incident was withdrawn on 9 August: it counted only before that.
        var early = (await MonthFacts.GatherAsync(db, campaign, august, ProvinceTime.StartUtc(new DateOnly(2022, 8, 9)), [])).ToDictionary(f => f.Unit);
        Assert.Single(early["511000"].Facts, f => f.Kind == FactKind.NegativeIncident);

        var july = (await MonthFacts.GatherAsync(db, campaign, new Window(new(2022, 7, 1), new(2022, 7, 31)), asOf, [])).ToDictionary(f => f.Unit);
        Assert.Equal(["510300"], july.Where(p => p.Value.Facts.Any(f => f.Kind == FactKind.NegativeIncident && !f.Major)).Select(p => p.Key));
        Assert.Equal(["510500"], july.Where(p => p.Value.Facts.Any(f => f.Kind == FactKind.Commendation)).Select(p => p.Key));

        var scores = Scorer.Score(DemoEvaluation.SummerScheme, [.. facts.Values]);
        var mianyang = scores.Single(s => s.Unit == "510700");
        Assert.Equal(ListName.Black, mianyang.List);
        Assert.Contains("涪城区", mianyang.ListReason);
    }
}
