using System.Security.Cryptography;
using System.Text;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Records;
using Centurion.Features.Reporting;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Demo;

public sealed record DemoCampaignResult(int Reports, int Revisions, int Values, long Records);

/// <summary>
/// The 2022 "Summer Public-Order Crackdown and Rectification 100-Day Operation" of the source bulletin, with its work
/// plan, the counties' daily reports (and the 2021 baseline) and case records from January 2021, generated
/// deterministically so that the bulletin's figures for 25 June – 20 July 2022 come out exactly.
/// </summary>
public static class DemoCampaign
{
    public const string Code = DemoFigures.CampaignCode;
    public const string BatchKind = "demo";

    public static readonly string[] IndicatorOrder =
    [
        "police-deployments", "patrols", "social-forces", "offence-suspects", "disputes-screened", "disputes-resolved",
        "night-operations", "key-places-checked", "controlled-instrument-cases", "criminal-cases-filed", "criminal-cases-solved",
        "public-order-cases", "public-order-cases-dealt", "vulnerable-victim-cases",
    ];

    public static NewCampaign Definition => new(
        Code, "2022年夏季治安打击整治“百日行动”", "Summer Public-Order Crackdown and Rectification 100-Day Operation 2022",
        DemoFigures.CampaignStart, DemoFigures.CampaignEnd, Cadence.Daily, DeadlineDaysAfter: 1, DeadlineTime: new TimeOnly(10, 0),
        ReportingLevel: UnitLevel.County, RootUnitCode: "510000", Indicators: IndicatorOrder,
        Phases:
        [
            new("动员部署", "Mobilisation", new(2022, 6, 25), new(2022, 6, 30)),
            new("集中打击", "Concentrated crackdown", new(2022, 7, 1), new(2022, 8, 31)),
            new("巩固深化", "Consolidation", new(2022, 9, 1), new(2022, 9, 25)),
            new("总结评估", "Summary", new(2022, 9, 26), new(2022, 9, 30)),
        ],
        Tasks:
        [
            new("制定工作方案，召开动员部署会", "Draw up the work plan and hold the mobilisation meeting", "public-order", new(2022, 6, 30), "510000", ResponsibleName: "王建军", ResponsibleTitle: "省厅治安总队总队长"),
            new("严打侵害妇女、儿童、老人、残疾人和中小学生等弱势群体的违法犯罪", "Crack down on offences against women, children, the elderly, the disabled and school pupils", "criminal-investigation", new(2022, 9, 25), "510000", ResponsibleUser: "xingzhen"),
            new("加强烧烤摊、夜宵店等夜间场所的巡逻防控和警力部署", "Patrol and deploy police at barbecue stalls, late-night food stalls and other night-time places", "patrol", new(2022, 9, 25), "510100", ResponsibleUser: "chengdu"),
            new("随机抽查应急值守，确保拉得出、冲得上", "Spot-check emergency duty at random", "patrol", new(2022, 9, 25), "510000", ResponsibleName: "李志明", ResponsibleTitle: "省厅巡警总队副总队长"),
            new("治安乱点天天清、滚动清、反复清", "Clear public-order trouble spots daily, on a rolling basis and repeatedly", "public-order", new(2022, 8, 31), "510700", ResponsibleUser: "mianyang"),
            new("重点地区矛盾纠纷滚动排查，及时化解隐患", "Screen conflicts and disputes in key areas on a rolling basis and resolve latent hazards early", "public-order", new(2022, 9, 25), "510000", ResponsibleName: "赵敏", ResponsibleTitle: "省厅治安总队副总队长"),
            new("整治公共场所携带匕首、管制刀具、弩等管制器具", "Deal with carrying daggers, restricted knives, crossbows and other controlled instruments in public places", "public-order", new(2022, 8, 31), "510000", ResponsibleName: "王建军", ResponsibleTitle: "省厅治安总队总队长"),
            new("总结评估，通报表彰先进", "Summarise, evaluate and commend good practice", "public-order", new(2022, 9, 30), "510000", ResponsibleUser: "province"),
        ],
        LeaderLinks:
        [
            .. Links("叶国华", "常务副厅长", "510100"),
            .. Links("蒋文斌", "副厅长", "510600", "510700", "510800"),
            .. Links("刘建平", "副厅长", "510300", "510500", "511500"),
            .. Links("何志强", "副厅长", "510900", "511300", "511600", "511700"),
            .. Links("罗晓东", "副厅长", "511000", "511100", "511400", "512000"),
            .. Links("陈永刚", "政治部主任", "510400", "511800", "511900"),
            .. Links("杨国庆", "副厅长", "513200", "513300", "513400"),
        ]);

    private static IEnumerable<NewLeaderLink> Links(string leader, string title, params string[] prefectures) =>
        prefectures.Select(p => new NewLeaderLink(leader, title, p));

    /// <summary>Planned the day before it started.</summary>
    private static readonly DateTime CreatedUtc = ProvinceTime.StartUtc(new DateOnly(2022, 6, 24)).AddHours(16);

    /// <summary>The counties and their stations, in code order.</summary>
    public static async Task<List<DemoCounty>> CountiesAsync(CenturionDb db, CancellationToken ct = default)
    {
        var counties = await db.Units.Where(u => u.Level == UnitLevel.County).OrderBy(u => u.Code).Select(u => new { u.Id, u.Code, u.NameZh }).ToListAsync(ct);
        var stations = (await db.Units.Where(u => u.Level == UnitLevel.Station).OrderBy(u => u.Code).Select(u => new { u.Id, u.ParentId }).ToListAsync(ct))
            .ToLookup(s => s.ParentId, s => s.Id);
        return [.. counties.Select(c => new DemoCounty(c.Id, c.Code, c.NameZh, [.. stations[c.Id]]))];
    }

    /// <summary>
    /// Creates the campaign with its reports and case records in one transaction, unless it exists. The campaign itself
    /// goes through the normal, audited path; the generated rows are written in bulk and accounted for by one ImportBatch
    /// each ("demo"), as imported records are. <paramref name="records"/> sizes the case records (default: the demo's).
    /// </summary>
    public static async Task<DemoCampaignResult?> SeedAsync(CenturionDb db, long? records = null, CancellationToken ct = default)
    {
        if (await db.Campaigns.AnyAsync(c => c.Code == Code, ct)) return null;
        var counties = await CountiesAsync(db, ct);
        var reports = DemoReportPlan.Make(counties);
        var recordPlan = records is { } n ? DemoRecordPlan.OfSize(n) : DemoRecordPlan.Default();

        var (revisions, values) = await db.InTransactionAsync(async ct =>
        {
            // The report values' unit index takes inserts all over; SQLite's default 2 MB page cache made that a third slower.
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", ct);
            var province = await db.Units.SingleAsync(u => u.Level == UnitLevel.Province, ct);
            var scope = new CallerScope(new HttpContextAccessor());
            scope.ActFor(province.Id, null, Roles.CampaignOffice);
            var campaign = await CampaignOperations.CreateAsync(db, scope, Definition, CreatedUtc, ct);
            var reportBatch = Batch("reports", campaign.Id, reports.Count, $"seed={DemoRandom.DefaultSeed};reports={reports.Count}");
            var recordBatch = Batch("records", null, recordPlan.Records, $"seed={DemoRandom.DefaultSeed};records={recordPlan.Records}");
            db.ImportBatches.AddRange(reportBatch, recordBatch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            var written = await WriteReportsAsync(db, campaign.Id, reports, ct);
            var ledgers = await DemoLedgers.WriteAsync(db, counties, reports, ct);
            var checks = await DemoFieldChecks.WriteAsync(db, campaign.Id, counties, reports, ct);
            var ledgerRows = ledgers.Places.Count + ledgers.Visits.Count + ledgers.Operations.Count
                + checks.Disputes.Count + checks.Hazards.Count + checks.Screenings.Count + checks.Spots.Count + checks.Draws.Count;
            db.ImportBatches.Add(Batch("ledgers", null, ledgerRows, $"seed={DemoRandom.DefaultSeed};ledgers={ledgerRows}"));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await new BulkInserter<CaseRecord>(db, nameof(CaseRecord.ExternalId), nameof(CaseRecord.Kind), nameof(CaseRecord.UnitId),
                nameof(CaseRecord.Category), nameof(CaseRecord.FiledOn), nameof(CaseRecord.SolvedOn), nameof(CaseRecord.Suspects), nameof(CaseRecord.PlaceType),
                nameof(CaseRecord.VictimGroups), nameof(CaseRecord.ControlledInstrument), nameof(CaseRecord.ImportBatchId))
                .InsertAsync(DemoRecordGenerator.Generate(recordPlan, counties, recordBatch.Id), ct);
            // The bulk writes bypass the facts kept by report saves and record imports: count them once, in the same transaction.
            await Statistics.Facts.RebuildAsync(db, [new ReportFacts(), new RecordFacts()], ct);
            return written;
        }, ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", ct); // SQLite's default again, for a pooled connection
        return new DemoCampaignResult(reports.Count, revisions, values, recordPlan.Records);

        ImportBatch Batch(string what, int? campaignId, long rows, string description) => new()
        {
            Kind = BatchKind, FileName = $"{Code} generated {what}", Actor = db.Actor.Name, AtUtc = db.Clock.GetUtcNow().UtcDateTime, CampaignId = campaignId,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description))),
            Rows = (int)rows, Inserted = (int)rows,
        };
    }

    /// <summary>
    /// Each planned report is played through the report's own operations (opened, saved, submitted, approved, corrected),
    /// so its revisions and history are what the application would have written; then all are written in bulk.
    /// </summary>
    private static async Task<(int Revisions, int Values)> WriteReportsAsync(CenturionDb db, int campaignId, List<PlannedReport> plan, CancellationToken ct)
    {
        var indicatorIds = await db.Indicators.Where(i => DemoReportPlan.Indicators.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var indicators = DemoReportPlan.Indicators.Select(code => indicatorIds[code]).ToArray();
        var reportId = await BulkInserter<Report>.NextKeyAsync(db, ct);
        var revisionId = await BulkInserter<ReportRevision>.NextKeyAsync(db, ct);
        var reports = new List<Report>(plan.Count);
        foreach (var p in plan)
        {
            var first = p.Revisions[0];
            var report = Report.Open(campaignId, p.County.UnitId, new Period(p.Day, p.Day), p.DeadlineUtc, first.CreatedBy, first.CreatedUtc);
            foreach (var r in p.Revisions)
            {
                if (r.Number > 1) report.StartCorrection(r.CreatedBy, r.CreatedUtc, r.Reason);
                report.SaveDraft(r.CreatedBy, r.CreatedUtc, Figures(r.Values), p.Nil);
                report.Submit(r.SubmittedBy, r.SubmittedUtc, []);
                if (r.Status == RevisionStatus.Approved) report.Approve(r.DecidedBy!, r.DecidedUtc!.Value);
            }
            report.UseKeys(reportId++, ref revisionId);
            reports.Add(report);
        }
        var revisions = reports.SelectMany(r => r.Revisions).ToList();
        Dictionary<int, long?> Figures(long[] v) => indicators.Select((id, i) => (id, v[i])).ToDictionary(x => x.id, x => (long?)x.Item2);
        var values = revisions.SelectMany(r => r.Values);
        await new BulkInserter<Report>(db, nameof(Report.Id), nameof(Report.CampaignId), nameof(Report.UnitId), nameof(Report.PeriodStart),
            nameof(Report.PeriodEnd), nameof(Report.DeadlineUtc), nameof(Report.FirstSubmittedUtc), nameof(Report.Late), nameof(Report.Version)).InsertAsync(reports, ct);
        await new BulkInserter<ReportRevision>(db, nameof(ReportRevision.Id), nameof(ReportRevision.ReportId), nameof(ReportRevision.UnitId),
            nameof(ReportRevision.Number), nameof(ReportRevision.Status), nameof(ReportRevision.Nil), nameof(ReportRevision.Reason),
            nameof(ReportRevision.CreatedBy), nameof(ReportRevision.CreatedUtc), nameof(ReportRevision.SubmittedBy), nameof(ReportRevision.SubmittedUtc),
            nameof(ReportRevision.DecidedBy), nameof(ReportRevision.DecidedUtc), nameof(ReportRevision.ReturnReason), nameof(ReportRevision.Effective)).InsertAsync(revisions, ct);
        var valueCount = await new BulkInserter<ReportValue>(db, nameof(ReportValue.RevisionId), nameof(ReportValue.IndicatorId), nameof(ReportValue.UnitId),
            nameof(ReportValue.Value), nameof(ReportValue.Confirmed)).InsertAsync(values, ct);
        await new BulkInserter<ReportTransition>(db, nameof(ReportTransition.ReportId), nameof(ReportTransition.UnitId), nameof(ReportTransition.Revision),
            nameof(ReportTransition.FromStatus), nameof(ReportTransition.ToStatus), nameof(ReportTransition.By), nameof(ReportTransition.AtUtc),
            nameof(ReportTransition.Reason)).InsertAsync(reports.SelectMany(r => r.Transitions), ct);
        await BulkInserter<Report>.AdvanceKeyAsync(db, ct);
        await BulkInserter<ReportRevision>.AdvanceKeyAsync(db, ct);
        return (revisions.Count, (int)valueCount);
    }
}
