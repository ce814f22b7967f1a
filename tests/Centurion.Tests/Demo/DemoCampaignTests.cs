using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Demo;
using Centurion.Features.Records;
using Centurion.Features.Reporting;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Demo;

/// <summary>
/// The demo campaign as seed-demo wrote it into every test database. The bulletin's figures are counted here directly
/// with LINQ over reports and case records, independently of any statistics code.
/// </summary>
public class DemoCampaignTests
{
    private static readonly DateOnly From = new(2022, 6, 25), To = new(2022, 7, 20);

    private static IQueryable<long> EffectiveValues(CenturionDb db, string indicator, DateOnly first, DateOnly last) =>
        from v in db.ReportValues
        join r in db.ReportRevisions on v.RevisionId equals r.Id
        join p in db.Reports on r.ReportId equals p.Id
        where r.Effective && p.Campaign!.Code == "summer-2022" && p.PeriodStart >= first && p.PeriodStart <= last
            && v.Indicator!.Code == indicator && db.CampaignUnits.Any(cu => cu.CampaignId == p.CampaignId && cu.UnitId == p.UnitId)
        select v.Value;

    private static int Change(long current, long previous) => (int)Math.Round((current - previous) * 100.0 / previous, MidpointRounding.AwayFromZero);

    [Theory, BothDatabases]
    public async Task The_bulletins_nine_figures_for_25_June_to_20_July_2022_come_out_of_the_data(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();

        Assert.Equal(168_000, await EffectiveValues(db, "police-deployments", From, To).SumAsync());
        Assert.Equal(460_000, await EffectiveValues(db, "social-forces", From, To).SumAsync());
        Assert.Equal(18_000, await EffectiveValues(db, "disputes-resolved", From, To).SumAsync());
        Assert.Equal(1_125, await EffectiveValues(db, "night-operations", From, To).SumAsync());

        var records = db.CaseRecords;
        Assert.Equal(1_755, await records.Where(r => r.SolvedOn >= From && r.SolvedOn <= To).SumAsync(r => r.Suspects));
        Assert.Equal(52, await records.CountAsync(r => r.ControlledInstrument && r.SolvedOn >= From && r.SolvedOn <= To));

        var (yearFrom, yearTo) = (From.AddYears(-1), To.AddYears(-1));
        var (periodFrom, periodTo) = (From.AddDays(-26), From.AddDays(-1));
        var criminal = records.Where(r => r.Kind == CaseKind.Criminal);
        var publicOrder = records.Where(r => r.Kind == CaseKind.PublicOrder);
        Assert.Equal(-14, Change(await criminal.CountAsync(r => r.FiledOn >= From && r.FiledOn <= To), await criminal.CountAsync(r => r.FiledOn >= yearFrom && r.FiledOn <= yearTo)));
        Assert.Equal(-36, Change(await publicOrder.CountAsync(r => r.FiledOn >= From && r.FiledOn <= To), await publicOrder.CountAsync(r => r.FiledOn >= periodFrom && r.FiledOn <= periodTo)));
        Assert.Equal(10, Change(await publicOrder.CountAsync(r => r.SolvedOn >= From && r.SolvedOn <= To), await publicOrder.CountAsync(r => r.SolvedOn >= yearFrom && r.SolvedOn <= yearTo)));

        // Last year's window is there for year-on-year, as approved reports of the same campaign.
        Assert.True(await EffectiveValues(db, "police-deployments", From.AddYears(-1), To.AddYears(-1)).SumAsync() > 50_000);
    }

    [Theory, BothDatabases]
    public async Task Chengdu_dwarfs_Ganzi_and_reports_come_late_missing_nil_and_corrected_as_in_life(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        long Deployed(string prefecture) =>
            (from v in db.ReportValues
             join r in db.ReportRevisions on v.RevisionId equals r.Id
             join p in db.Reports on r.ReportId equals p.Id
             where r.Effective && p.PeriodStart >= From && p.PeriodStart <= To && v.Indicator!.Code == "police-deployments" && p.Unit!.Parent!.Code == prefecture
             select v.Value).Sum();

        var (chengdu, ganzi) = (Deployed("510100"), Deployed("513300"));
        Assert.True(chengdu > 10 * ganzi, $"Chengdu {chengdu}, Ganzi {ganzi}");

        var campaign = db.Reports.Where(r => r.Campaign!.Code == "summer-2022" && r.PeriodStart >= DemoFigures.CampaignStart);
        var expected = 183 * (DemoFigures.CampaignEnd.DayNumber - DemoFigures.CampaignStart.DayNumber + 1);
        var received = await campaign.CountAsync();
        Assert.InRange(expected - received, 20, expected / 50); // a few missing: no report at all
        var late = await campaign.CountAsync(r => r.Late);
        Assert.InRange(late, received / 100, received / 10);
        Assert.Equal(late, await campaign.CountAsync(r => r.FirstSubmittedUtc > r.DeadlineUtc));
        Assert.False(await campaign.AnyAsync(r => r.Revisions.Count(v => v.Effective) != 1), "exactly one effective revision per report");

        var nil = await campaign.Where(r => r.Revisions.Any(v => v.Effective && v.Nil)).Select(r => r.Unit!.Code).Distinct().ToListAsync();
        Assert.NotEmpty(nil);
        Assert.All(nil, code => Assert.Contains(code[..4], new[] { "5132", "5133", "5134" }));
        Assert.False(await db.ReportValues.AnyAsync(v => v.Value != 0 && db.ReportRevisions.Any(r => r.Id == v.RevisionId && r.Nil)), "nil returns state zero");

        var corrected = await campaign.Where(r => r.Revisions.Count == 2).Select(r => new
        {
            First = r.Revisions.Single(v => v.Number == 1),
            Second = r.Revisions.Single(v => v.Number == 2),
        }).ToListAsync();
        Assert.NotEmpty(corrected);
        Assert.All(corrected, c =>
        {
            Assert.Equal((RevisionStatus.Approved, false), (c.First.Status, c.First.Effective));
            Assert.Equal((RevisionStatus.Approved, true), (c.Second.Status, c.Second.Effective));
            Assert.False(string.IsNullOrWhiteSpace(c.Second.Reason));
            Assert.True(c.Second.CreatedUtc > c.First.DecidedUtc);
        });
        Assert.True(await db.ReportRevisions.AnyAsync(v => v.Report!.Unit!.Code == "510104" && v.SubmittedBy == "jinjiang" && v.DecidedBy == "chengdu"));
    }

    [Theory, BothDatabases]
    public async Task Every_demo_report_has_the_history_its_revisions_tell(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var reports = db.Reports.Where(r => r.Campaign!.Code == "summer-2022");

        // Started, submitted, approved: 3 rows for each of the 40,087 reports, but 2 for the 79 awaiting approval
        // and 6 for the 231 corrected (correction started, submitted, approved again): 39,777 × 3 + 79 × 2 + 231 × 6.
        Assert.Equal(120_875, await db.ReportTransitions.CountAsync(t => reports.Any(r => r.Id == t.ReportId)));
        Assert.False(await reports.AnyAsync(r => r.Transitions.Count() !=
            (r.Revisions.Count() == 2 ? 6 : r.Revisions.Any(v => v.Status == RevisionStatus.Submitted) ? 2 : 3)));
        var report = await reports.Include(r => r.Revisions).Include(r => r.Transitions)
            .Where(r => r.Revisions.Count() == 2).OrderBy(r => r.PeriodStart).ThenBy(r => r.UnitId).FirstAsync();
        var (first, second) = (report.Revisions.Single(v => v.Number == 1), report.Revisions.Single(v => v.Number == 2));
        var (reporter, reviewer) = (first.SubmittedBy!, first.DecidedBy!);
        Assert.NotEqual(reporter, reviewer);
        (int, RevisionStatus?, RevisionStatus, string, DateTime?, string?)[] expected =
        [
            (1, null, RevisionStatus.Draft, reporter, first.CreatedUtc, null),
            (1, RevisionStatus.Draft, RevisionStatus.Submitted, reporter, first.SubmittedUtc, null),
            (1, RevisionStatus.Submitted, RevisionStatus.Approved, reviewer, first.DecidedUtc, null),
            (2, RevisionStatus.Approved, RevisionStatus.Draft, reporter, second.CreatedUtc, second.Reason),
            (2, RevisionStatus.Draft, RevisionStatus.Submitted, reporter, second.SubmittedUtc, null),
            (2, RevisionStatus.Submitted, RevisionStatus.Approved, reviewer, second.DecidedUtc, null),
        ];
        Assert.Equal(expected, report.Transitions.OrderBy(t => t.Id).Select(t => (t.Revision, t.FromStatus, t.ToStatus, t.By, (DateTime?)t.AtUtc, t.Reason)));
    }

    [Theory, BothDatabases]
    public async Task No_county_ever_resolves_more_disputes_than_it_has_screened_since_the_start(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var rows = await (from v in db.ReportValues
                          join r in db.ReportRevisions on v.RevisionId equals r.Id
                          join p in db.Reports on r.ReportId equals p.Id
                          where r.Effective && p.Campaign!.Code == "summer-2022" && p.PeriodStart >= DemoFigures.CampaignStart
                              && (v.Indicator!.Code == "disputes-screened" || v.Indicator!.Code == "disputes-resolved")
                          select new { p.UnitId, p.PeriodStart, v.Indicator!.Code, v.Value }).ToListAsync();

        Assert.Equal(183, rows.Select(r => r.UnitId).Distinct().Count());
        foreach (var county in rows.GroupBy(r => r.UnitId))
        {
            long screened = 0, resolved = 0;
            foreach (var day in county.GroupBy(r => r.PeriodStart).OrderBy(d => d.Key))
            {
                screened += day.Where(r => r.Code == "disputes-screened").Sum(r => r.Value);
                resolved += day.Where(r => r.Code == "disputes-resolved").Sum(r => r.Value);
                Assert.True(resolved <= screened, $"unit {county.Key} on {day.Key}: resolved {resolved} > screened {screened}");
            }
        }
    }

    [Theory, BothDatabases]
    public async Task The_campaign_has_the_work_plan_of_the_source(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var c = await db.Campaigns.Include(x => x.Phases).Include(x => x.Tasks).ThenInclude(t => t.OwnerLine).Include(x => x.LeaderLinks).ThenInclude(l => l.Unit)
            .AsSplitQuery().SingleAsync(x => x.Code == "summer-2022");

        Assert.Equal((new DateOnly(2022, 6, 25), new DateOnly(2022, 9, 30), Cadence.Daily, new TimeOnly(10, 0)), (c.StartDate, c.EndDate, c.Cadence, c.DeadlineTime));
        Assert.Equal(["动员部署", "集中打击", "巩固深化", "总结评估"], c.Phases.OrderBy(p => p.StartDate).Select(p => p.NameZh));
        Assert.Contains(c.Tasks, t => t.TitleZh.Contains("弱势群体") && t.OwnerLine!.Code == "criminal-investigation");
        Assert.Contains(c.Tasks, t => t.TitleZh.Contains("烧烤") && t.OwnerLine!.Code == "patrol");
        Assert.Contains(c.Tasks, t => t.TitleZh.Contains("天天清"));
        Assert.Contains(c.Tasks, t => t.TitleZh.Contains("管制器具"));
        Assert.Equal(21, c.LeaderLinks.Select(l => l.Unit!.Code).Distinct().Count());
        Assert.Equal(183, await db.CampaignUnits.CountAsync(u => u.CampaignId == c.Id));
        Assert.Equal(DemoCampaign.IndicatorOrder, await db.CampaignIndicators.Where(i => i.CampaignId == c.Id).OrderBy(i => i.Order).Select(i => i.Indicator!.Code).ToListAsync());
        // The generated rows are accounted for by three batches (reports, records, ledgers), not by an audit row each.
        Assert.Equal(3, await db.ImportBatches.CountAsync(b => b.Kind == DemoCampaign.BatchKind));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(Report) || a.Entity == nameof(ReportValue) || a.Entity == nameof(CaseRecord)
            || a.Entity == "KeyPlace" || a.Entity == "PatrolVisit" || a.Entity == "NightOperation"
            || a.Entity == "Dispute" || a.Entity == "DisputeChange" || a.Entity == "TroubleSpot" || a.Entity == "SpotCheckDraw" || a.Entity == "SpotCheck"));
    }

    [Theory, BothDatabases]
    public async Task Seeding_again_leaves_the_campaign_as_it_is_and_new_reports_get_fresh_ids(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        long reports, records;
        await using (var db = app.Db()) (reports, records) = (await db.Reports.CountAsync(), await db.CaseRecords.CountAsync());

        var run = await CliProcess.RunAsync(provider, app.ConnectionString, "seed-demo").ThrowIfFailed();

        Assert.Contains("exists", run.Output);
        await using (var db = app.Db())
        {
            Assert.Equal((reports, records), (await db.Reports.CountAsync(), await db.CaseRecords.CountAsync()));
            // The identity sequence was moved past the demo's explicit ids.
            var campaign = await db.Campaigns.SingleAsync(c => c.Code == "summer-2022");
            var unit = await db.Units.SingleAsync(u => u.Code == "510104");
            db.Reports.Add(Report.Open(campaign.Id, unit.Id, new Period(new(2022, 10, 1), new(2022, 10, 1)), app.Clock.UtcNow, "test", app.Clock.UtcNow));
            await db.SaveChangesAsync();
            Assert.Equal(reports + 1, await db.Reports.CountAsync());
        }
    }

    [Fact]
    public async Task Seed_demo_with_a_record_count_makes_data_of_that_size_in_an_empty_database()
    {
        var path = Path.Combine(Path.GetTempPath(), $"centurion-demo-{Guid.NewGuid():N}.db");
        try
        {
            var run = await CliProcess.RunAsync(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False", "seed-demo", "--records", "20000").ThrowIfFailed();

            Assert.Contains("case records", run.Output);
            await using var db = TestDatabases.Open(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False");
            Assert.InRange(await db.CaseRecords.CountAsync(), 19_800, 20_200);
            Assert.True(await db.Reports.CountAsync() > 40_000);
        }
        finally { File.Delete(path); }
    }
}
