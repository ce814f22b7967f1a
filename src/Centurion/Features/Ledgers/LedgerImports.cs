using System.Globalization;
using Centurion.Data;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Ledgers.NightOperations;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Features.Ledgers.Visits;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers;

/// <summary>
/// Bulk entry of the ledgers from CSV or XLSX, on the one import skeleton (<see cref="Import"/>): all or nothing, every bad row listed
/// by row and column, nothing stored then. Each row is checked by the same rules as the forms (the entity's Check), and becomes a new
/// entry, audited like one typed in. Reporters and unit leaders, for counties and stations in their subtree.
/// </summary>
public static class LedgerImports
{
    public const string KeyPlacesKind = "key-places", VisitsKind = "visits", NightOperationsKind = "night-operations",
        DisputesKind = "disputes", HazardsKind = "hazards", TroubleSpotsKind = "trouble-spots";
    public static readonly string[] Kinds = [KeyPlacesKind, VisitsKind, NightOperationsKind, DisputesKind, HazardsKind, TroubleSpotsKind];
    public const int SaveEvery = 500;

    public static readonly string[] KeyPlaceColumns = ["unit", "type", "name", "address", "longitude", "latitude", "risk", "opening_hours"];
    public static readonly string[] VisitColumns = ["unit", "visited_at", "key_place", "area", "police", "social_forces", "findings"];
    public static readonly string[] NightOperationColumns = ["unit", "date", "places_covered", "police", "people_checked", "suspects_caught", "cases_opened", "notes"];
    public static readonly string[] DisputeColumns = ["unit", "parties", "type", "risk", "place", "found_on", "source", "summary"];
    public static readonly string[] HazardColumns = ["unit", "description", "place", "risk", "found_on", "deadline"];
    public static readonly string[] TroubleSpotColumns = ["unit", "name", "reason", "leader", "deadline", "longitude", "latitude"];

    /// <summary>The import batch's kind (at most 20 characters, the column's width).</summary>
    private static string BatchKind(string kind) => "ledger-" + kind switch { NightOperationsKind => "night-ops", _ => kind };

    /// <summary>The entity's field names (as the API names them) in the file's column names.</summary>
    private static readonly Dictionary<string, string> ColumnOf = new()
    {
        ["openingHours"] = "opening_hours", ["visitedLocal"] = "visited_at", ["keyPlaceId"] = "key_place", ["socialForces"] = "social_forces",
        ["placesCovered"] = "places_covered", ["peopleChecked"] = "people_checked", ["suspectsCaught"] = "suspects_caught", ["casesOpened"] = "cases_opened",
        ["foundOn"] = "found_on",
    };

    public sealed record Context(CenturionDb Db, LedgerAccess Access, CallerScope Scope, Actor Actor, TimeProvider Clock);

    public static Task<ImportResult<ImportSummary>> KeyPlacesAsync(Context c, string path, string fileName, bool dryRun, CancellationToken ct) =>
        RunAsync(c, path, fileName, KeyPlacesKind, dryRun, units => new KeyPlaceRows(units), ct);

    public static Task<ImportResult<ImportSummary>> VisitsAsync(Context c, string path, string fileName, bool dryRun, CancellationToken ct) =>
        RunAsync(c, path, fileName, VisitsKind, dryRun, units => new VisitRows(units, c), ct);

    public static Task<ImportResult<ImportSummary>> NightOperationsAsync(Context c, string path, string fileName, bool dryRun, CancellationToken ct) =>
        RunAsync(c, path, fileName, NightOperationsKind, dryRun, units => new NightOperationRows(units, ProvinceTime.Today(c.Clock)), ct);

    public static Task<ImportResult<ImportSummary>> DisputesAsync(Context c, string path, string fileName, bool dryRun, CancellationToken ct) =>
        RunAsync(c, path, fileName, DisputesKind, dryRun, units => new DisputeRows(units, c), ct);

    public static Task<ImportResult<ImportSummary>> HazardsAsync(Context c, string path, string fileName, bool dryRun, CancellationToken ct) =>
        RunAsync(c, path, fileName, HazardsKind, dryRun, units => new HazardRows(units, c), ct);

    public static Task<ImportResult<ImportSummary>> TroubleSpotsAsync(Context c, string path, string fileName, bool dryRun, CancellationToken ct) =>
        RunAsync(c, path, fileName, TroubleSpotsKind, dryRun, units => new TroubleSpotRows(units, c), ct);

    /// <summary>An upload of one ledger's kind, kept on disk while it is read twice.</summary>
    public static Task<ImportResult<ImportSummary>> UploadAsync(Context c, string kind, IFormFile file, bool dryRun, CancellationToken ct)
    {
        Func<Context, string, string, bool, CancellationToken, Task<ImportResult<ImportSummary>>> import = kind switch
        {
            KeyPlacesKind => KeyPlacesAsync,
            VisitsKind => VisitsAsync,
            NightOperationsKind => NightOperationsAsync,
            DisputesKind => DisputesAsync,
            HazardsKind => HazardsAsync,
            TroubleSpotsKind => TroubleSpotsAsync,
            _ => throw DomainException.NotFound(new($"没有台账 {kind}。", $"There is no ledger {kind}.")),
        };
        return Files.WithTempCopyAsync(file, path => import(c, path, Path.GetFileName(file.FileName), dryRun, ct), ct);
    }

    private static async Task<ImportResult<ImportSummary>> RunAsync<TRow>(Context c, string path, string fileName, string kind, bool dryRun,
        Func<Dictionary<string, int>, Rows<TRow>> rows, CancellationToken ct) where TRow : class
    {
        await c.Access.RequireEditAsync(ct);
        var units = (await c.Access.OwnerChoicesAsync(ct)).ToDictionary(u => u.Code, u => u.Id);
        var checker = rows(units);
        if (checker is VisitRows visits) await visits.LoadPlacesAsync(ct);
        return await Import.RunAsync(c.Db, new ImportFile(path, fileName, BatchKind(kind)), checker, new Writer<TRow>(c, checker), dryRun, ct);
    }

    /// <summary>One kind of file: its columns, and how a row becomes an entity (or errors).</summary>
    private abstract class Rows<TRow>(string[] columns) : IRowChecker<TRow> where TRow : class
    {
        private int[] _positions = [];
        protected readonly List<RowError> RowProblems = [];

        public RowError? ReadHeader(SourceRow header)
        {
            var names = header.Cells.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var missing = columns.Where(col => !names.Contains(col)).ToList();
            var extra = names.Where(n => !columns.Contains(n)).Select(n => n.Length == 0 ? "(empty)" : n).ToList();
            var repeated = names.Where(columns.Contains).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (missing.Count == 0 && extra.Count == 0 && repeated.Count == 0) { _positions = [.. columns.Select(col => names.IndexOf(col))]; return null; }
            var zh = new List<string>();
            var en = new List<string>();
            if (missing.Count > 0) { zh.Add($"缺少列：{string.Join("、", missing)}"); en.Add($"missing: {string.Join(", ", missing)}"); }
            if (extra.Count > 0) { zh.Add($"多余的列：{string.Join("、", extra)}"); en.Add($"unexpected: {string.Join(", ", extra)}"); }
            if (repeated.Count > 0) { zh.Add($"重复的列：{string.Join("、", repeated)}"); en.Add($"repeated: {string.Join(", ", repeated)}"); }
            return new RowError(1, "(header)", string.Join(",", header.Cells),
                new($"表头的列不对（{string.Join("；", zh)}）。应为：{string.Join(",", columns)}。", $"The header has the wrong columns ({string.Join("; ", en)}). Expected: {string.Join(",", columns)}."));
        }

        public void Check(SourceRow row, RowErrors errors)
        {
            RowProblems.Clear();
            Read(row);
            foreach (var e in RowProblems) errors.Add(e);
        }

        public void Finish(int rows, Func<IEnumerable<SourceRow>> reread, RowErrors errors)
        {
            if (rows == 0) errors.Add(new RowError(2, "(rows)", "", new("文件只有表头，没有数据。", "The file has a header but no rows.")));
        }

        public TRow Parse(SourceRow row)
        {
            RowProblems.Clear();
            return Read(row) ?? throw new InvalidOperationException("The file changed after it was checked.");
        }

        /// <summary>The row as the writer takes it, or null with the problems in <see cref="RowProblems"/>.</summary>
        protected abstract TRow? Read(SourceRow row);

        public abstract object Create(TRow row, Context c);

        protected string Cell(SourceRow row, string column)
        {
            var i = _positions[Array.IndexOf(columns, column)];
            return i < row.Cells.Length ? row.Cells[i].Trim() : "";
        }

        protected void Problem(SourceRow row, string column, Phrase message) => RowProblems.Add(new RowError(row.Number, column, Cell(row, column), message));

        /// <summary>The entity's refusals, each at its column.</summary>
        protected void Problems(SourceRow row, IDictionary<string, string[]> fieldErrors)
        {
            foreach (var (field, messages) in fieldErrors)
            {
                var column = ColumnOf.GetValueOrDefault(field, field);
                if (RowProblems.Any(p => p.Column == column)) continue; // already said why the cell could not be read
                foreach (var m in messages) RowProblems.Add(new RowError(row.Number, column, columns.Contains(column) ? Cell(row, column) : "", new(m, m)));
            }
        }

        protected int? Unit(SourceRow row, IReadOnlyDictionary<string, int> units, bool required = true)
        {
            var code = Cell(row, "unit");
            if (code.Length == 0 && !required) return null;
            if (units.TryGetValue(code, out var id)) return id;
            Problem(row, "unit", new($"没有您可登记台账的县级单位或派出所 {code}。", $"There is no county or station {code} whose ledgers you may keep."));
            return null;
        }

        protected int? Count(SourceRow row, string column, bool required)
        {
            var text = Cell(row, column);
            if (text.Length == 0) { if (required) Problem(row, column, new("此列必填。", "This column is required.")); return null; }
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
            Problem(row, column, new("须为不小于 0 的整数。", "Must be a whole number, 0 or more."));
            return null;
        }

        protected DateOnly? Date(SourceRow row, string column)
        {
            var text = Cell(row, column);
            if (text.Length == 0) { Problem(row, column, new("此列必填。", "This column is required.")); return null; }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            Problem(row, column, new("日期须为 YYYY-MM-DD。", "The date must be YYYY-MM-DD."));
            return null;
        }

        protected TEnum? Code<TEnum>(SourceRow row, string column) where TEnum : struct, Enum
        {
            if (LedgerList.Parse<TEnum>(Cell(row, column)) is { } value) return value;
            var codes = string.Join(", ", Enum.GetValues<TEnum>().Select(LedgerList.Code));
            Problem(row, column, new($"可选：{codes}。", $"Choose one of {codes}."));
            return null;
        }

        protected double? OptionalNumber(SourceRow row, string column) => Cell(row, column).Length == 0 ? null : Number(row, column);

        protected double? Number(SourceRow row, string column)
        {
            var text = Cell(row, column);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return n;
            Problem(row, column, new("须为数字，如 104.0668。", "Must be a number, e.g. 104.0668."));
            return null;
        }
    }

    private sealed record KeyPlaceRow(int UnitId, KeyPlaceDetails Details);

    private sealed class KeyPlaceRows(IReadOnlyDictionary<string, int> units) : Rows<KeyPlaceRow>(KeyPlaceColumns)
    {
        protected override KeyPlaceRow? Read(SourceRow row)
        {
            var unit = Unit(row, units);
            var riskText = Cell(row, "risk");
            RiskLevel? risk = Enum.TryParse<RiskLevel>(riskText, true, out var r) && Enum.IsDefined(r) && !int.TryParse(riskText, out _) ? r : null;
            var details = new KeyPlaceDetails(Cell(row, "type"), Cell(row, "name"), Cell(row, "address"), Number(row, "longitude"), Number(row, "latitude"), risk, Cell(row, "opening_hours"));
            Problems(row, KeyPlace.Check(details));
            return RowProblems.Count == 0 ? new KeyPlaceRow(unit!.Value, details) : null;
        }

        public override object Create(KeyPlaceRow row, Context c) => KeyPlace.Register(row.UnitId, row.Details, c.Actor.Name, c.Clock.GetUtcNow().UtcDateTime);
    }

    private sealed record VisitRow(int UnitId, VisitDetails Details, PatrolVisit.PlaceRef? Place);

    private sealed class VisitRows(IReadOnlyDictionary<string, int> units, Context c) : Rows<VisitRow>(VisitColumns)
    {
        private Dictionary<long, PatrolVisit.PlaceRef> _places = [];
        private readonly DateTime _now = c.Clock.GetUtcNow().UtcDateTime;

        public async Task LoadPlacesAsync(CancellationToken ct) =>
            _places = await c.Scope.Within(c.Db, c.Db.Set<KeyPlace>()).Select(p => new PatrolVisit.PlaceRef(p.Id, p.UnitId, p.State == KeyPlaceState.Active))
                .ToDictionaryAsync(p => p.Id, ct);

        protected override VisitRow? Read(SourceRow row)
        {
            var placeText = Cell(row, "key_place");
            long? placeId = null;
            if (placeText.Length > 0 && !long.TryParse(placeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
                Problem(row, "key_place", new("须为重点场所的编号（整数），或留空。", "Must be a key place's id (a whole number), or empty."));
            else if (placeText.Length > 0) placeId = long.Parse(placeText, CultureInfo.InvariantCulture);
            var place = placeId is { } id ? _places.GetValueOrDefault(id) : null;
            // With a place, the visit is the place's unit's; without, the unit column says whose area it was.
            var unit = place?.UnitId ?? Unit(row, units, required: placeId is null);
            var atText = Cell(row, "visited_at");
            DateTime? at = DateTime.TryParseExact(atText, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
            if (at is null && atText.Length > 0) Problem(row, "visited_at", new("时间须为 YYYY-MM-DD HH:mm（省内时间）。", "The time must be YYYY-MM-DD HH:mm (province time)."));
            var details = new VisitDetails(at, placeId, Cell(row, "area"), Count(row, "police", false), Count(row, "social_forces", false), Cell(row, "findings"));
            Problems(row, PatrolVisit.Check(details, place, _now));
            return RowProblems.Count == 0 ? new VisitRow(unit!.Value, details, place) : null;
        }

        public override object Create(VisitRow row, Context c) => PatrolVisit.Record(row.UnitId, row.Details, row.Place, c.Actor.Name, _now);
    }

    private sealed record NightOperationRow(int UnitId, NightOperationDetails Details);

    private sealed class NightOperationRows(IReadOnlyDictionary<string, int> units, DateOnly today) : Rows<NightOperationRow>(NightOperationColumns)
    {
        protected override NightOperationRow? Read(SourceRow row)
        {
            var unit = Unit(row, units);
            var dateText = Cell(row, "date");
            DateOnly? date = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            if (date is null && dateText.Length > 0) Problem(row, "date", new("日期须为 YYYY-MM-DD。", "The date must be YYYY-MM-DD."));
            var details = new NightOperationDetails(date, Count(row, "places_covered", true), Count(row, "police", true), Count(row, "people_checked", false),
                Count(row, "suspects_caught", false), Count(row, "cases_opened", false), Cell(row, "notes"));
            Problems(row, NightOperation.Check(details, today));
            return RowProblems.Count == 0 ? new NightOperationRow(unit!.Value, details) : null;
        }

        public override object Create(NightOperationRow row, Context c) =>
            NightOperation.Record(row.UnitId, row.Details, c.Actor.Name, c.Clock.GetUtcNow().UtcDateTime, ProvinceTime.Today(c.Clock));
    }

    private sealed record NewEntry<TDetails>(int UnitId, TDetails Details);

    /// <summary>
    /// A ledger whose entity checks itself as it is created (disputes, hazards, trouble spots): pass 1 creates it once to hear
    /// its refusals, each at its column, and keeps nothing; pass 2 creates it for good.
    /// </summary>
    private abstract class EntityRows<TDetails>(string[] columns, IReadOnlyDictionary<string, int> units, Context c) : Rows<NewEntry<TDetails>>(columns)
    {
        private readonly DateTime _now = c.Clock.GetUtcNow().UtcDateTime;

        /// <summary>The cells as the entity's details, or null with the problems in <see cref="Rows{TRow}.RowProblems"/>.</summary>
        protected abstract TDetails? ReadDetails(SourceRow row);

        protected abstract object New(int unitId, TDetails details, string by, DateTime at);

        protected override NewEntry<TDetails>? Read(SourceRow row)
        {
            var unit = Unit(row, units);
            var details = ReadDetails(row);
            if (unit is null || details is null || RowProblems.Count > 0) return null;
            try { New(unit.Value, details, c.Actor.Name, _now); }
            catch (DomainException e) when (e.Errors is { Count: > 0 }) { Problems(row, e.Errors); }
            catch (DomainException e) { RowProblems.Add(new RowError(row.Number, "(row)", "", e.Text)); }
            return RowProblems.Count == 0 ? new(unit.Value, details) : null;
        }

        public override object Create(NewEntry<TDetails> row, Context c) => New(row.UnitId, row.Details, c.Actor.Name, _now);
    }

    private sealed class DisputeRows(IReadOnlyDictionary<string, int> units, Context c) : EntityRows<DisputeDetails>(DisputeColumns, units, c)
    {
        protected override DisputeDetails? ReadDetails(SourceRow row)
        {
            var (type, risk, foundOn, source) = (Code<DisputeType>(row, "type"), Code<RiskLevel>(row, "risk"), Date(row, "found_on"), Code<DisputeSource>(row, "source"));
            return type is null || risk is null || foundOn is null || source is null ? null
                : new(Cell(row, "parties"), type.Value, risk.Value, Cell(row, "place"), foundOn.Value, source.Value, Cell(row, "summary"));
        }

        protected override object New(int unitId, DisputeDetails details, string by, DateTime at) => Dispute.Create(unitId, details, by, at);
    }

    private sealed class HazardRows(IReadOnlyDictionary<string, int> units, Context c) : EntityRows<HazardDetails>(HazardColumns, units, c)
    {
        protected override HazardDetails? ReadDetails(SourceRow row)
        {
            var (risk, foundOn, deadline) = (Code<RiskLevel>(row, "risk"), Date(row, "found_on"), Date(row, "deadline"));
            return risk is null || foundOn is null || deadline is null ? null
                : new(Cell(row, "description"), Cell(row, "place"), risk.Value, foundOn.Value, deadline.Value);
        }

        protected override object New(int unitId, HazardDetails details, string by, DateTime at) => Hazard.Create(unitId, details, by, at);
    }

    private sealed class TroubleSpotRows(IReadOnlyDictionary<string, int> units, Context c) : EntityRows<TroubleSpotDetails>(TroubleSpotColumns, units, c)
    {
        protected override TroubleSpotDetails? ReadDetails(SourceRow row)
        {
            var (deadline, longitude, latitude) = (Date(row, "deadline"), OptionalNumber(row, "longitude"), OptionalNumber(row, "latitude"));
            return deadline is null ? null : new(Cell(row, "name"), Cell(row, "reason"), Cell(row, "leader"), deadline.Value, longitude, latitude);
        }

        protected override object New(int unitId, TroubleSpotDetails details, string by, DateTime at) => TroubleSpot.List(unitId, details, by, at);
    }

    /// <summary>Every row becomes a new entry through EF, so each is audited as if typed in; saved every few hundred rows.</summary>
    private sealed class Writer<TRow>(Context c, Rows<TRow> rows) : IRowWriter<TRow> where TRow : class
    {
        public async Task<ImportCounts> WriteAsync(ImportBatch batch, IEnumerable<TRow> parsed, RowErrors errors, bool dryRun, CancellationToken ct)
        {
            var inserted = 0;
            foreach (var row in parsed)
            {
                c.Db.Add(rows.Create(row, c));
                if (++inserted % SaveEvery == 0) { await c.Db.SaveChangesAsync(ct); c.Db.ChangeTracker.Clear(); }
            }
            await c.Db.SaveChangesAsync(ct);
            c.Db.ChangeTracker.Clear();
            return new ImportCounts(inserted, 0, 0);
        }
    }
}
