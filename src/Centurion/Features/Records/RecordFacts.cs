using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Records;

/// <summary>
/// Facts of indicators counted from case records, by the <see cref="DerivedRule"/> of each. Every rule is written once here and
/// used both in SQL (imports of new records, rebuilds) and in memory (records an import changes), so the two cannot drift apart.
/// Written through Statistics' <see cref="FactSql"/>.
/// </summary>
public sealed class RecordFacts : IFactSource
{
    /// <summary>Which records a rule counts, on which of their dates, and what each counts for.</summary>
    internal sealed record RuleDefinition(DerivedRule Rule, CaseKind? Kind, bool OnSolved, bool CountsSuspects = false,
        bool NeedsControlledInstrument = false, bool NeedsVictim = false)
    {
        public bool Counts(in RecordFields r) =>
            (Kind is null || r.Kind == Kind) && (!OnSolved || r.SolvedOn is not null) && (!CountsSuspects || r.Suspects > 0)
            && (!NeedsControlledInstrument || r.ControlledInstrument) && (!NeedsVictim || r.VictimGroups != VictimGroups.None);

        public DateOnly Day(in RecordFields r) => OnSolved ? r.SolvedOn!.Value : r.FiledOn;
        public long Value(in RecordFields r) => CountsSuspects ? r.Suspects : 1;
    }

    internal static readonly RuleDefinition[] Rules =
    [
        new(DerivedRule.CriminalFiled, CaseKind.Criminal, OnSolved: false),
        new(DerivedRule.CriminalSolved, CaseKind.Criminal, OnSolved: true),
        new(DerivedRule.PublicOrderAccepted, CaseKind.PublicOrder, OnSolved: false),
        new(DerivedRule.PublicOrderDealt, CaseKind.PublicOrder, OnSolved: true),
        // Suspects of both kinds, on the day the case was solved or dealt with; a case with none adds nothing.
        new(DerivedRule.OffenceSuspects, null, OnSolved: true, CountsSuspects: true),
        // Of either kind, counted when dealt with (solved_on): a case still open has not been dealt with.
        new(DerivedRule.ControlledInstrumentCases, null, OnSolved: true, NeedsControlledInstrument: true),
        new(DerivedRule.VulnerableVictimCases, CaseKind.Criminal, OnSolved: false, NeedsVictim: true),
    ];

    /// <summary>What of a record the rules read.</summary>
    internal readonly record struct RecordFields(CaseKind Kind, int UnitId, string Category, DateOnly FiledOn, DateOnly? SolvedOn,
        int Suspects, string PlaceType, VictimGroups VictimGroups, bool ControlledInstrument)
    {
        public static RecordFields Of(CaseRecord r) =>
            new(r.Kind, r.UnitId, r.Category, r.FiledOn, r.SolvedOn, r.Suspects, r.PlaceType, r.VictimGroups, r.ControlledInstrument);
    }

    internal readonly record struct FactKey(int IndicatorId, DateOnly Day, int UnitId, string Category, string PlaceType, int VictimGroups);

    /// <summary>The indicators counted by each rule (normally one each).</summary>
    internal static async Task<List<(int IndicatorId, RuleDefinition Rule)>> IndicatorsAsync(CenturionDb db, CancellationToken ct)
    {
        var derived = await db.Indicators.Where(i => i.Source == IndicatorSource.Derived && i.Rule != DerivedRule.None)
            .Select(i => new { i.Id, i.Rule }).ToListAsync(ct);
        return [.. from i in derived join r in Rules on i.Rule equals r.Rule select (i.Id, r)];
    }

    /// <summary>What one record adds to the facts. Pure.</summary>
    internal static IEnumerable<(FactKey Key, long Value)> Contributions(RecordFields r, IEnumerable<(int IndicatorId, RuleDefinition Rule)> indicators)
    {
        foreach (var (id, rule) in indicators)
            if (rule.Counts(r))
                yield return (new FactKey(id, rule.Day(r), r.UnitId, r.Category, r.PlaceType, (int)r.VictimGroups), rule.Value(r));
    }

    public async Task AddAllAsync(CenturionDb db, CancellationToken ct) => await AddFromRecordsAsync(db, await IndicatorsAsync(db, ct), "1 = 1", ct);

    /// <summary>Adds the facts of the records that <paramref name="recordFilter"/> (SQL over the records table aliased r) selects.</summary>
    internal static async Task AddFromRecordsAsync(CenturionDb db, IEnumerable<(int IndicatorId, RuleDefinition Rule)> indicators, string recordFilter, CancellationToken ct)
    {
        var sql = new FactSql(db);
        string R(string property) => "r." + sql.Column<CaseRecord>(property);
        foreach (var (id, rule) in indicators)
        {
            var day = R(rule.OnSolved ? nameof(CaseRecord.SolvedOn) : nameof(CaseRecord.FiledOn));
            var conditions = new List<string> { $"({recordFilter})" };
            if (rule.Kind is { } kind) conditions.Add($"{R(nameof(CaseRecord.Kind))} = {(int)kind}");
            if (rule.OnSolved) conditions.Add($"{day} IS NOT NULL");
            if (rule.CountsSuspects) conditions.Add($"{R(nameof(CaseRecord.Suspects))} > 0");
            if (rule.NeedsControlledInstrument) conditions.Add($"{R(nameof(CaseRecord.ControlledInstrument))} = @p0");
            if (rule.NeedsVictim) conditions.Add($"{R(nameof(CaseRecord.VictimGroups))} <> 0");
            var value = rule.CountsSuspects ? $"SUM({R(nameof(CaseRecord.Suspects))})" : "COUNT(*)";
            var groups = $"{day}, {R(nameof(CaseRecord.UnitId))}, {R(nameof(CaseRecord.Category))}, {R(nameof(CaseRecord.PlaceType))}, {R(nameof(CaseRecord.VictimGroups))}";
            await sql.ExecuteAsync(
                $"INSERT INTO {sql.Table<DailyFact>()} ({sql.FactColumns}) SELECT {id}, {DailyFact.NoCampaign}, {groups}, {value} " +
                $"FROM {sql.Table<CaseRecord>()} r WHERE {string.Join(" AND ", conditions)} GROUP BY {groups} {sql.OnConflictAdd}",
                ct, true);
        }
    }

    /// <summary>
    /// Keeps facts current through one import, in its transaction: records it inserts are added with one INSERT … SELECT per rule at
    /// the end (they are the batch's rows above the highest id before the import); records it changes move their contributions as
    /// they change, flushed after each batch.
    /// </summary>
    internal sealed class ImportChanges
    {
        private readonly CenturionDb _db;
        private readonly List<(int IndicatorId, RuleDefinition Rule)> _indicators;
        private readonly long _highestIdBefore;
        private readonly Dictionary<FactKey, long> _deltas = [];

        private ImportChanges(CenturionDb db, List<(int, RuleDefinition)> indicators, long highestIdBefore) =>
            (_db, _indicators, _highestIdBefore) = (db, indicators, highestIdBefore);

        public static async Task<ImportChanges> StartAsync(CenturionDb db, CancellationToken ct) =>
            new(db, await IndicatorsAsync(db, ct), await db.CaseRecords.MaxAsync(r => (long?)r.Id, ct) ?? 0);

        /// <summary>A stored record was changed from <paramref name="before"/> to its current values.</summary>
        public void Changed(RecordFields before, CaseRecord after)
        {
            foreach (var (key, value) in Contributions(before, _indicators)) _deltas[key] = _deltas.GetValueOrDefault(key) - value;
            foreach (var (key, value) in Contributions(RecordFields.Of(after), _indicators)) _deltas[key] = _deltas.GetValueOrDefault(key) + value;
        }

        public async Task FlushChangesAsync(CancellationToken ct)
        {
            if (_deltas.Count == 0) return;
            var sql = new FactSql(_db);
            string F(string p) => sql.Column<DailyFact>(p);
            await using var upsert = sql.Command(
                $"INSERT INTO {sql.Table<DailyFact>()} ({sql.FactColumns}) VALUES (@p0, {DailyFact.NoCampaign}, @p1, @p2, @p3, @p4, @p5, @p6) {sql.OnConflictAdd}",
                0, DateOnly.MinValue, 0, "", "", 0, 0L);
            await using var dropZero = sql.Command(
                $"DELETE FROM {sql.Table<DailyFact>()} WHERE {F(nameof(DailyFact.IndicatorId))} = @p0 AND {F(nameof(DailyFact.CampaignId))} = {DailyFact.NoCampaign} " +
                $"AND {F(nameof(DailyFact.Day))} = @p1 AND {F(nameof(DailyFact.UnitId))} = @p2 AND {F(nameof(DailyFact.Category))} = @p3 " +
                $"AND {F(nameof(DailyFact.PlaceType))} = @p4 AND {F(nameof(DailyFact.VictimGroups))} = @p5 AND {F(nameof(DailyFact.Value))} = 0",
                0, DateOnly.MinValue, 0, "", "", 0);
            foreach (var (key, delta) in _deltas)
            {
                if (delta == 0) continue;
                object[] values = [key.IndicatorId, key.Day, key.UnitId, key.Category, key.PlaceType, key.VictimGroups, delta];
                for (var i = 0; i < values.Length; i++) upsert.Parameters[i].Value = values[i];
                await upsert.ExecuteNonQueryAsync(ct);
                if (delta > 0) continue;
                for (var i = 0; i < 6; i++) dropZero.Parameters[i].Value = values[i];
                await dropZero.ExecuteNonQueryAsync(ct);
            }
            _deltas.Clear();
        }

        public async Task AddInsertedAsync(long batchId, CancellationToken ct)
        {
            var sql = new FactSql(_db);
            await AddFromRecordsAsync(_db, _indicators,
                $"r.{sql.Column<CaseRecord>(nameof(CaseRecord.Id))} > {_highestIdBefore} AND r.{sql.Column<CaseRecord>(nameof(CaseRecord.ImportBatchId))} = {batchId}", ct);
        }
    }
}
