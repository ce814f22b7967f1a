using Centurion.Data;
using Centurion.Features.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Reporting;

/// <summary>
/// Facts of reported indicators: each report's effective revision (the latest submitted or approved), its values on the report's
/// period start, keyed by campaign. A report with no effective revision (a draft, or a returned one never approved) has no facts.
/// Written through Statistics' <see cref="FactSql"/>.
/// </summary>
public sealed class ReportFacts : IFactSource
{
    private const int IdsPerStatement = 500;

    /// <summary>
    /// Replaces the facts of these reports with their effective revisions' values. Call it after the reports are saved and in the
    /// same transaction, so that figures and facts commit together; the reports are read from the database, not the change tracker.
    /// Ids of reports that do not exist are ignored.
    /// </summary>
    public static async Task RefreshReportsAsync(CenturionDb db, IReadOnlyCollection<long> reportIds, CancellationToken ct)
    {
        var sql = new FactSql(db);
        await sql.OpenAsync(ct);
        foreach (var chunk in reportIds.Distinct().Chunk(IdsPerStatement))
        {
            var ids = string.Join(", ", chunk); // numbers only
            string F(string p) => sql.Column<DailyFact>(p);
            string R(string p) => "r." + sql.Column<Report>(p);
            await sql.ExecuteAsync(
                $"DELETE FROM {sql.Table<DailyFact>()} WHERE {F(nameof(DailyFact.CampaignId))} <> {DailyFact.NoCampaign} AND EXISTS (" +
                $"SELECT 1 FROM {sql.Table<Report>()} r WHERE {R(nameof(Report.Id))} IN ({ids}) AND {R(nameof(Report.CampaignId))} = {sql.Table<DailyFact>()}.{F(nameof(DailyFact.CampaignId))} " +
                $"AND {R(nameof(Report.UnitId))} = {sql.Table<DailyFact>()}.{F(nameof(DailyFact.UnitId))} AND {R(nameof(Report.PeriodStart))} = {sql.Table<DailyFact>()}.{F(nameof(DailyFact.Day))})",
                ct);
            await AddAsync(db, $"{R(nameof(Report.Id))} IN ({ids})", ct);
        }
    }

    public Task AddAllAsync(CenturionDb db, CancellationToken ct) => AddAsync(db, "1 = 1", ct);

    /// <summary>Adds the facts of the reports that <paramref name="reportFilter"/> (SQL over the reports table aliased r) selects.</summary>
    private static async Task AddAsync(CenturionDb db, string reportFilter, CancellationToken ct)
    {
        var sql = new FactSql(db);
        string R(string p) => "r." + sql.Column<Report>(p);
        string Rev(string p) => "rev." + sql.Column<ReportRevision>(p);
        string V(string p) => "v." + sql.Column<ReportValue>(p);
        // One report per campaign, unit and period start, one effective revision per report, one value per indicator: one row per fact key.
        await sql.ExecuteAsync(
            $"INSERT INTO {sql.Table<DailyFact>()} ({sql.FactColumns}) " +
            $"SELECT {V(nameof(ReportValue.IndicatorId))}, {R(nameof(Report.CampaignId))}, {R(nameof(Report.PeriodStart))}, {R(nameof(Report.UnitId))}, '', '', 0, {V(nameof(ReportValue.Value))} " +
            $"FROM {sql.Table<ReportValue>()} v JOIN {sql.Table<ReportRevision>()} rev ON {Rev(nameof(ReportRevision.Id))} = {V(nameof(ReportValue.RevisionId))} " +
            $"JOIN {sql.Table<Report>()} r ON {R(nameof(Report.Id))} = {Rev(nameof(ReportRevision.ReportId))} " +
            $"WHERE {Rev(nameof(ReportRevision.Effective))} = @p0 AND ({reportFilter})",
            ct, true);
    }
}
