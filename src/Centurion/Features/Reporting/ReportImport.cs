using System.Globalization;
using System.Security.Cryptography;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Records;
using Centurion.Features.Statistics;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Reporting;

public sealed record ReportImportSummary(int Rows, int ReportsCreated, int ReportsRevised, int ReportsUnchanged, bool DryRun, long? BatchId);

public sealed record ReportImportResult(ReportImportSummary? Summary, IReadOnlyList<RowError> Errors, int ErrorCount)
{
    public bool Refused => Summary is null;
}

/// <summary>
/// Imports reported figures in bulk (`unit,date,indicator,value`), for back-filled days or last year's baseline: all or
/// nothing. A report that does not exist is created approved; a value that differs from the one that counts makes a new
/// approved revision whose reason names the file, so earlier figures stay in the history. Campaign office only.
/// </summary>
public static class ReportImport
{
    public const string BatchKind = "reports";
    public static readonly string[] Columns = ["unit", "date", "indicator", "value"];
    private const int MaxErrors = 1000;

    private sealed record Row(int Number, int UnitId, DateOnly Date, int IndicatorId, long Value);

    public static async Task<ReportImportResult> ImportAsync(CenturionDb db, CallerScope scope, Campaign campaign, string path, string fileName,
        bool dryRun, DateTime nowUtc, CancellationToken ct = default)
    {
        scope.Require(Roles.CampaignOffice);
        var units = await CampaignOperations.ReportingUnits(db, campaign.Id, scope.UnitId).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var indicators = (await CampaignOperations.IndicatorsAsync(db, campaign.Id, ct))
            .Where(i => i.Source == IndicatorSource.Reported).ToDictionary(i => i.Code, i => i.Id);

        var errors = new List<RowError>();
        var errorCount = 0;
        void Fail(RowError e) { errorCount++; if (errors.Count < MaxErrors) errors.Add(e); }
        var rows = Check(path, units, indicators, Fail);
        if (errorCount > 0) return new(null, errors, errorCount);

        // Kept only when every row was good and this is no dry run; otherwise all of it is rolled back.
        return await db.InTransactionAsync(async ct =>
        {
            var batch = new ImportBatch
            {
                Kind = BatchKind, FileName = fileName, Sha256 = Sha256(path), Actor = db.Actor.Name, AtUtc = nowUtc, CampaignId = campaign.Id, Rows = rows.Count,
            };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(ct);

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
                        Fail(new RowError(row.Number, "date", row.Date.ToString("yyyy-MM-dd"), new(
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
                if (errorCount > 0) break;
                await db.SaveChangesAsync(ct);
                await ReportFacts.RefreshReportsAsync(db, [.. touched.Select(r => r.Id)], ct);
            }
            if (errorCount > 0) return new ReportImportResult(null, errors, errorCount);
            (batch.Inserted, batch.Updated, batch.Unchanged) = (created, revised, unchanged);
            await db.SaveChangesAsync(ct);
            return new ReportImportResult(new(rows.Count, created, revised, unchanged, dryRun, dryRun ? null : batch.Id), [], 0);
        }, r => r.Summary is { DryRun: false }, ct);
    }

    /// <summary>Pass 1: every row and column; nothing is stored.</summary>
    private static List<Row> Check(string path, IReadOnlyDictionary<string, int> units, IReadOnlyDictionary<string, int> indicators, Action<RowError> fail)
    {
        var rows = new List<Row>();
        using var source = RowSource.Read(path).GetEnumerator();
        if (!source.MoveNext()) { fail(new RowError(1, "(header)", "", new("文件是空的。", "The file is empty."))); return rows; }
        var header = source.Current.Cells.Select(c => c.Trim().ToLowerInvariant()).ToArray();
        if (!header.SequenceEqual(Columns))
        {
            fail(new RowError(1, "(header)", string.Join(",", header), new(
                $"列应为 {string.Join(",", Columns)}。", $"The columns must be {string.Join(",", Columns)}.")));
            return rows;
        }
        var seen = new HashSet<(int, DateOnly, int)>();
        while (source.MoveNext())
        {
            var (n, c) = source.Current;
            string Cell(int i) => i < c.Length ? c[i].Trim() : "";
            var ok = true;
            void Bad(string column, string value, Phrase message) { ok = false; fail(new RowError(n, column, value, message)); }
            if (!units.TryGetValue(Cell(0), out var unit))
                Bad("unit", Cell(0), new($"单位 {Cell(0)} 不是本行动中您可填报的单位。", $"Unit {Cell(0)} is not a reporting unit of this campaign within your scope."));
            if (!DateOnly.TryParseExact(Cell(1), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                Bad("date", Cell(1), new("日期应为 YYYY-MM-DD。", "The date must be YYYY-MM-DD."));
            if (!indicators.TryGetValue(Cell(2), out var indicator))
                Bad("indicator", Cell(2), new($"本行动没有填报指标 {Cell(2)}；可用：{string.Join("、", indicators.Keys)}。", $"The campaign has no reported indicator {Cell(2)}; it has: {string.Join(", ", indicators.Keys)}."));
            if (!long.TryParse(Cell(3), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                Bad("value", Cell(3), new("数值应为不小于 0 的整数。", "The value must be a whole number, 0 or more."));
            if (ok && !seen.Add((unit, date, indicator)))
                Bad("indicator", Cell(2), new("同一单位、日期和指标在文件中出现了不止一次。", "The same unit, date and indicator appear more than once in the file."));
            if (ok) rows.Add(new Row(n, unit, date, indicator, value));
        }
        return rows;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
