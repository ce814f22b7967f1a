using System.Globalization;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Reporting;

public sealed record ReportImportSummary(int Rows, int ReportsCreated, int ReportsRevised, int ReportsUnchanged, bool DryRun, long? BatchId, string? Encoding);

/// <summary>
/// Imports reported figures in bulk (`unit,date,indicator,value`), for back-filled days or last year's baseline: all or
/// nothing (<see cref="Import"/>). A report that does not exist is created approved; a value that differs from the one that
/// counts makes a new approved revision whose reason names the file, so earlier figures stay in the history. Campaign office only.
/// </summary>
public static class ReportImport
{
    public const string BatchKind = "reports";
    public static readonly string[] Columns = ["unit", "date", "indicator", "value"];

    private sealed record Row(int Number, int UnitId, DateOnly Date, int IndicatorId, long Value);

    public static async Task<ImportResult<ReportImportSummary>> ImportAsync(CenturionDb db, CallerScope scope, Campaign campaign, string path, string fileName,
        bool dryRun, DateTime nowUtc, CancellationToken ct = default)
    {
        scope.Require(Roles.CampaignOffice);
        var units = await CampaignOperations.ReportingUnits(db, campaign.Id, scope.UnitId).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var indicators = (await CampaignOperations.IndicatorsAsync(db, campaign.Id, ct))
            .Where(i => i.Source == IndicatorSource.Reported).ToDictionary(i => i.Code);
        var result = await Import.RunAsync(db, new ImportFile(path, fileName, BatchKind, campaign.Id), new Checker(units, indicators),
            new Writer(db, campaign, fileName, nowUtc), dryRun, ct);
        return result.Map(s => new ReportImportSummary(s.Rows, s.Inserted, s.Updated, s.Unchanged, s.DryRun, s.BatchId, s.Encoding));
    }

    /// <summary>Every row and column, and no unit, date and indicator twice.</summary>
    private sealed class Checker(IReadOnlyDictionary<string, int> units, IReadOnlyDictionary<string, Indicator> indicators) : IRowChecker<Row>
    {
        private readonly HashSet<(int, DateOnly, int)> _seen = [];

        public RowError? ReadHeader(SourceRow header)
        {
            var names = header.Cells.Select(c => c.Trim().ToLowerInvariant()).ToArray();
            return names.SequenceEqual(Columns) ? null : new RowError(1, "(header)", string.Join(",", names), new(
                $"列应为 {string.Join(",", Columns)}。", $"The columns must be {string.Join(",", Columns)}."));
        }

        public void Check(SourceRow row, RowErrors errors)
        {
            if (Read(row, errors) is { } good && !_seen.Add((good.UnitId, good.Date, good.IndicatorId)))
                errors.Add(new RowError(row.Number, "indicator", row.Cells[2].Trim(),
                    new("同一单位、日期和指标在文件中出现了不止一次。", "The same unit, date and indicator appear more than once in the file.")));
        }

        public Row Parse(SourceRow row) => Read(row, null) ?? throw new InvalidOperationException("The file changed after it was checked.");

        private Row? Read(SourceRow row, RowErrors? errors)
        {
            var (n, c) = row;
            string Cell(int i) => i < c.Length ? c[i].Trim() : "";
            var ok = true;
            void Bad(string column, string value, Phrase message) { ok = false; errors?.Add(new RowError(n, column, value, message)); }
            if (!units.TryGetValue(Cell(0), out var unit))
                Bad("unit", Cell(0), new($"单位 {Cell(0)} 不是本行动中您可填报的单位。", $"Unit {Cell(0)} is not a reporting unit of this campaign within your scope."));
            if (!DateOnly.TryParseExact(Cell(1), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                Bad("date", Cell(1), new("日期应为 YYYY-MM-DD。", "The date must be YYYY-MM-DD."));
            if (!indicators.TryGetValue(Cell(2), out var indicator))
                Bad("indicator", Cell(2), new($"本行动没有填报指标 {Cell(2)}；可用：{string.Join("、", indicators.Keys)}。", $"The campaign has no reported indicator {Cell(2)}; it has: {string.Join(", ", indicators.Keys)}."));
            if (!long.TryParse(Cell(3), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                Bad("value", Cell(3), new("数值应为不小于 0 的整数。", "The value must be a whole number, 0 or more."));
            else if (indicator is not null && FigureLimits.Refuses(indicator.Measure, value))
                Bad("value", Cell(3), FigureLimits.TooLarge(indicator.NameZh, indicator.NameEn, FigureLimits.Max(indicator.Measure)));
            return ok ? new Row(n, unit, date, indicator!.Id, value) : null;
        }
    }

    /// <summary>Rows by unit and period, 500 reports at a time; a report being filed or reviewed refuses the file.</summary>
    private sealed class Writer(CenturionDb db, Campaign campaign, string fileName, DateTime nowUtc) : IRowWriter<Row>
    {
        public async Task<ImportCounts> WriteAsync(ImportBatch batch, IEnumerable<Row> rows, RowErrors errors, bool dryRun, CancellationToken ct)
        {
            var reason = $"导入 import: {fileName}";
            int created = 0, revised = 0, unchanged = 0;
            foreach (var chunk in rows.GroupBy(r => (r.UnitId, Periods.Containing(campaign.Cadence, r.Date))).Chunk(500))
            {
                var touched = new List<Report>();
                var keys = chunk.Select(g => g.Key).ToList();
                var unitIds = keys.Select(k => k.UnitId).Distinct().ToList();
                var starts = keys.Select(k => k.Item2.Start).Distinct().ToList();
                var existing = (await db.Reports.Include(r => r.Revisions).ThenInclude(v => v.Values)
                        .Where(r => r.CampaignId == campaign.Id && unitIds.Contains(r.UnitId) && starts.Contains(r.PeriodStart)).ToListAsync(ct))
                    .ToDictionary(r => (r.UnitId, r.PeriodStart));
                foreach (var group in chunk)
                {
                    var (unitId, period) = group.Key;
                    var imported = group.ToDictionary(r => r.IndicatorId, r => r.Value);
                    if (!existing.TryGetValue((unitId, period.Start), out var report))
                    {
                        report = Report.Open(campaign.Id, unitId, period, campaign.DeadlineUtc(period), db.Actor.Name, nowUtc);
                        report.RecordImported(db.Actor.Name, nowUtc, imported, reason);
                        db.Reports.Add(report);
                        touched.Add(report);
                        created++;
                        continue;
                    }
                    var current = report.Current();
                    if (current.Status != RevisionStatus.Approved)
                    {
                        var row = group.First();
                        errors.Add(new RowError(row.Number, "date", row.Date.ToString("yyyy-MM-dd"), new(
                            $"该单位该期报表正在填报或审核中（{ReportingText.StatusName(current.Status.ToString().ToLowerInvariant()).Zh}），请先办结。",
                            $"This unit's report for the period is in progress ({ReportingText.StatusName(current.Status.ToString().ToLowerInvariant()).En}); finish it first.")));
                        continue;
                    }
                    var counted = report.EffectiveRevision()?.Values.ToDictionary(v => v.IndicatorId, v => v.Value) ?? [];
                    if (imported.All(kv => counted.TryGetValue(kv.Key, out var v) && v == kv.Value)) { unchanged++; continue; }
                    report.RecordImported(db.Actor.Name, nowUtc, imported, reason);
                    touched.Add(report);
                    revised++;
                }
                if (errors.Count > 0) break;
                await db.SaveChangesAsync(ct);
                await ReportFacts.RefreshReportsAsync(db, [.. touched.Select(r => r.Id)], ct);
            }
            return new(created, revised, unchanged);
        }
    }
}
