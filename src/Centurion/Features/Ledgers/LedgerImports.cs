using System.Globalization;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.SpotChecks;
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
/// entry, audited like one typed in. Reporters and unit leaders, for counties and stations in their subtree. Two kinds fill in what
/// exists rather than adding entries: a unit's screening in a round (new, or a correction, as the screening form does; reporters and
/// unit leaders) and the result of a drawn unit's spot check (the campaign office, who records checks).
/// </summary>
public static class LedgerImports
{
    public const string KeyPlacesKind = "key-places", VisitsKind = "visits", NightOperationsKind = "night-operations",
        DisputesKind = "disputes", HazardsKind = "hazards", TroubleSpotsKind = "trouble-spots", ScreeningsKind = "screenings", SpotChecksKind = "spot-checks";
    public static readonly string[] Kinds = [KeyPlacesKind, VisitsKind, NightOperationsKind, DisputesKind, HazardsKind, TroubleSpotsKind, ScreeningsKind, SpotChecksKind];

    /// <summary>The kinds the campaign office imports; every other kind is kept by reporters and unit leaders.</summary>
    public static readonly string[] OfficeKinds = [SpotChecksKind];
    public const int SaveEvery = 500;

    public static readonly string[] KeyPlaceColumns = ["unit", "type", "name", "address", "longitude", "latitude", "risk", "opening_hours"];
    public static readonly string[] VisitColumns = ["unit", "visited_at", "key_place", "area", "police", "social_forces", "findings"];
    public static readonly string[] NightOperationColumns = ["unit", "date", "places_covered", "police", "people_checked", "suspects_caught", "cases_opened", "notes"];
    public static readonly string[] DisputeColumns = ["unit", "parties", "type", "risk", "place", "found_on", "source", "summary"];
    public static readonly string[] HazardColumns = ["unit", "description", "place", "risk", "found_on", "deadline"];
    public static readonly string[] TroubleSpotColumns = ["unit", "name", "reason", "leader", "deadline", "longitude", "latitude"];
    public static readonly string[] ScreeningColumns = ["campaign", "round", "unit", "screened_on", "places", "households", "disputes_found"];
    public static readonly string[] SpotCheckColumns = ["draw", "unit", "called_at", "answered_within_seconds", "roster_complete", "leader_reachable", "equipment_ready", "notes"];

    /// <summary>The import batch's kind (at most 20 characters, the column's width).</summary>
    private static string BatchKind(string kind) => "ledger-" + kind switch { NightOperationsKind => "night-ops", _ => kind };

    /// <summary>The entity's field names (as the API names them) in the file's column names.</summary>
    private static readonly Dictionary<string, string> ColumnOf = new()
    {
        ["openingHours"] = "opening_hours", ["visitedLocal"] = "visited_at", ["keyPlaceId"] = "key_place", ["socialForces"] = "social_forces",
        ["placesCovered"] = "places_covered", ["peopleChecked"] = "people_checked", ["suspectsCaught"] = "suspects_caught", ["casesOpened"] = "cases_opened",
        ["foundOn"] = "found_on", ["screenedOn"] = "screened_on", ["disputesFound"] = "disputes_found", ["calledAt"] = "called_at",
        ["answeredWithinSeconds"] = "answered_within_seconds",
    };

    public sealed record Context(CenturionDb Db, LedgerAccess Access, CallerScope Scope, Actor Actor, TimeProvider Clock);

    /// <summary>
    /// Whether the caller may import this kind: those who keep ledgers import them; the campaign office imports the spot-check
    /// results it records. The hub's link, the page's choice of kinds and the import itself all ask here.
    /// </summary>
    public static async Task<bool> MayImportAsync(LedgerAccess access, CallerScope scope, string kind, CancellationToken ct = default) =>
        OfficeKinds.Contains(kind) ? scope.IsIn(Accounts.Roles.CampaignOffice) && await access.CanReadAsync(ct) : await access.CanEditAsync(ct);

    /// <summary>The kinds the caller may import, in <see cref="Kinds"/>' order.</summary>
    public static async Task<List<string>> ImportableAsync(LedgerAccess access, CallerScope scope, CancellationToken ct = default)
    {
        var kinds = new List<string>();
        foreach (var kind in Kinds) if (await MayImportAsync(access, scope, kind, ct)) kinds.Add(kind);
        return kinds;
    }

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

    public static async Task<ImportResult<ImportSummary>> ScreeningsAsync(Context c, string path, string fileName, bool dryRun, CancellationToken ct)
    {
        await c.Access.RequireEditAsync(ct);
        return await ImportAsync(c, path, fileName, ScreeningsKind, dryRun, new ScreeningRows(c), ct);
    }

    public static async Task<ImportResult<ImportSummary>> SpotChecksAsync(Context c, string path, string fileName, bool dryRun, CancellationToken ct)
    {
        await c.Access.RequireReadAsync(ct);
        if (!await MayImportAsync(c.Access, c.Scope, SpotChecksKind, ct))
            throw new DomainException(StatusCodes.Status403Forbidden, new("只有专项行动办公室可以登记抽查结果。", "Only the campaign office records spot-check results."));
        return await ImportAsync(c, path, fileName, SpotChecksKind, dryRun, new SpotCheckRows(c), ct);
    }

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
            ScreeningsKind => ScreeningsAsync,
            SpotChecksKind => SpotChecksAsync,
            _ => throw DomainException.NotFound(new($"没有台账 {kind}。", $"There is no ledger {kind}.")),
        };
        return Files.WithTempCopyAsync(file, path => import(c, path, Path.GetFileName(file.FileName), dryRun, ct), ct);
    }

    private static async Task<ImportResult<ImportSummary>> RunAsync<TRow>(Context c, string path, string fileName, string kind, bool dryRun,
        Func<Dictionary<string, int>, Rows<TRow>> rows, CancellationToken ct) where TRow : class
    {
        await c.Access.RequireEditAsync(ct);
        var units = (await c.Access.OwnerChoicesAsync(ct)).ToDictionary(u => u.Code, u => u.Id);
        return await ImportAsync(c, path, fileName, kind, dryRun, rows(units), ct);
    }

    private static async Task<ImportResult<ImportSummary>> ImportAsync<TRow>(Context c, string path, string fileName, string kind, bool dryRun,
        Rows<TRow> checker, CancellationToken ct) where TRow : class
    {
        await checker.LoadAsync(ct);
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

        /// <summary>What the checker looks rows up in, read once before pass 1.</summary>
        public virtual Task LoadAsync(CancellationToken ct) => Task.CompletedTask;

        public void Check(SourceRow row, RowErrors errors)
        {
            RowProblems.Clear();
            if (Read(row) is { } parsed) Repeated(row, parsed);
            foreach (var e in RowProblems) errors.Add(e);
        }

        /// <summary>Pass 1 only, for a good row: a problem with an earlier row of the file (the same key twice).</summary>
        protected virtual void Repeated(SourceRow row, TRow parsed) { }

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

        /// <summary>Pass 2: stores one row (not yet saved) and says whether it was new, changed or unchanged.</summary>
        public abstract Task<ImportCounts> StoreAsync(TRow row, Context c, CancellationToken ct);

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

        protected bool? YesNo(SourceRow row, string column)
        {
            switch (Cell(row, column).ToLowerInvariant())
            {
                case "yes" or "y" or "true" or "1" or "是": return true;
                case "no" or "n" or "false" or "0" or "否": return false;
                default: Problem(row, column, new("须为 是/否（yes/no）。", "Must be yes or no.")); return null;
            }
        }

        protected DateTime? LocalTime(SourceRow row, string column)
        {
            var text = Cell(row, column);
            if (text.Length == 0) { Problem(row, column, new("此列必填。", "This column is required.")); return null; }
            if (DateTime.TryParseExact(text, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
            Problem(row, column, new("时间须为 YYYY-MM-DD HH:mm（省内时间）。", "The time must be YYYY-MM-DD HH:mm (province time)."));
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

    private static readonly string[] LocalTimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>A kind whose every row is a new entry.</summary>
    private abstract class NewRows<TRow>(string[] columns) : Rows<TRow>(columns) where TRow : class
    {
        public abstract object Create(TRow row, Context c);

        public override Task<ImportCounts> StoreAsync(TRow row, Context c, CancellationToken ct)
        {
            c.Db.Add(Create(row, c));
            return Task.FromResult(new ImportCounts(1, 0, 0));
        }
    }

    private sealed record KeyPlaceRow(int UnitId, KeyPlaceDetails Details);

    private sealed class KeyPlaceRows(IReadOnlyDictionary<string, int> units) : NewRows<KeyPlaceRow>(KeyPlaceColumns)
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

    private sealed class VisitRows(IReadOnlyDictionary<string, int> units, Context c) : NewRows<VisitRow>(VisitColumns)
    {
        private Dictionary<long, PatrolVisit.PlaceRef> _places = [];
        private readonly DateTime _now = c.Clock.GetUtcNow().UtcDateTime;

        public override async Task LoadAsync(CancellationToken ct) =>
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
            DateTime? at = DateTime.TryParseExact(atText, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
            if (at is null && atText.Length > 0) Problem(row, "visited_at", new("时间须为 YYYY-MM-DD HH:mm（省内时间）。", "The time must be YYYY-MM-DD HH:mm (province time)."));
            var details = new VisitDetails(at, placeId, Cell(row, "area"), Count(row, "police", false), Count(row, "social_forces", false), Cell(row, "findings"));
            Problems(row, PatrolVisit.Check(details, place, _now));
            return RowProblems.Count == 0 ? new VisitRow(unit!.Value, details, place) : null;
        }

        public override object Create(VisitRow row, Context c) => PatrolVisit.Record(row.UnitId, row.Details, row.Place, c.Actor.Name, _now);
    }

    private sealed record NightOperationRow(int UnitId, NightOperationDetails Details);

    private sealed class NightOperationRows(IReadOnlyDictionary<string, int> units, DateOnly today) : NewRows<NightOperationRow>(NightOperationColumns)
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
    private abstract class EntityRows<TDetails>(string[] columns, IReadOnlyDictionary<string, int> units, Context c) : NewRows<NewEntry<TDetails>>(columns)
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


    private sealed record ScreeningRow(ScreeningRound Round, int UnitId, DateOnly On, int Places, int Households, int Found);

    /// <summary>
    /// A unit's screening in a round of a campaign in the caller's scope: a participating unit in their subtree, once per round in
    /// the file; one already recorded is corrected (updated, or unchanged when the file says the same).
    /// </summary>
    private sealed class ScreeningRows(Context c) : Rows<ScreeningRow>(ScreeningColumns)
    {
        private Dictionary<string, int> _campaigns = [];
        private Dictionary<(int Campaign, int Number), ScreeningRound> _rounds = [];
        private Dictionary<string, int> _units = [];
        private HashSet<(int Campaign, int Unit)> _participants = [];
        private readonly Dictionary<(long Round, int Unit), int> _seen = [];

        public override async Task LoadAsync(CancellationToken ct)
        {
            var campaigns = CampaignOperations.Visible(c.Db, c.Scope);
            _campaigns = await campaigns.ToDictionaryAsync(k => k.Code, k => k.Id, ct);
            _rounds = await c.Db.Set<ScreeningRound>().AsNoTracking().Where(r => campaigns.Any(k => k.Id == r.CampaignId)).ToDictionaryAsync(r => (r.CampaignId, r.Number), ct);
            _units = await c.Scope.Units(c.Db).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
            var mine = c.Scope.Units(c.Db).Select(u => u.Id);
            var participants = await c.Db.CampaignUnits.Where(u => campaigns.Any(k => k.Id == u.CampaignId) && mine.Contains(u.UnitId))
                .Select(u => new { u.CampaignId, u.UnitId }).ToListAsync(ct);
            _participants = [.. participants.Select(u => (u.CampaignId, u.UnitId))];
        }

        protected override ScreeningRow? Read(SourceRow row)
        {
            var code = Cell(row, "campaign");
            int? campaign = _campaigns.TryGetValue(code, out var cid) ? cid : null;
            if (campaign is null) Problem(row, "campaign", new($"您的管辖范围内没有专项行动 {code}。", $"There is no campaign {code} in your scope."));
            ScreeningRound? round = null;
            var numberText = Cell(row, "round");
            if (!int.TryParse(numberText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                Problem(row, "round", new("须为排查轮次的序号（整数）。", "Must be the screening round's number (a whole number)."));
            else if (campaign is { } k && !_rounds.TryGetValue((k, number), out round))
                Problem(row, "round", new($"专项行动 {code} 没有第 {number} 轮排查。", $"Campaign {code} has no screening round {number}."));
            var unitCode = Cell(row, "unit");
            int? unit = _units.TryGetValue(unitCode, out var uid) ? uid : null;
            if (unit is null) Problem(row, "unit", new($"您的管辖范围内没有单位 {unitCode}。", $"There is no unit {unitCode} in your scope."));
            else if (campaign is { } k2 && !_participants.Contains((k2, unit.Value)))
                Problem(row, "unit", new($"{unitCode} 不是专项行动 {code} 的填报单位。", $"{unitCode} is not a reporting unit of campaign {code}."));
            var (on, places, households, found) = (Date(row, "screened_on"), Count(row, "places", true), Count(row, "households", true), Count(row, "disputes_found", true));
            if (round is null || unit is null || on is null || places is null || households is null || found is null || RowProblems.Count > 0) return null;
            foreach (var (field, message) in Screening.Problems(round, on.Value, places.Value, households.Value, found.Value))
                Problem(row, ColumnOf.GetValueOrDefault(field, field), message);
            return RowProblems.Count == 0 ? new(round, unit.Value, on.Value, places.Value, households.Value, found.Value) : null;
        }

        protected override void Repeated(SourceRow row, ScreeningRow parsed)
        {
            if (_seen.TryGetValue((parsed.Round.Id, parsed.UnitId), out var first))
                Problem(row, "unit", new($"第 {first} 行已有该单位本轮的排查。", $"Row {first} already has this unit's screening in this round."));
            else _seen[(parsed.Round.Id, parsed.UnitId)] = row.Number;
        }

        public override async Task<ImportCounts> StoreAsync(ScreeningRow r, Context c, CancellationToken ct)
        {
            var now = c.Clock.GetUtcNow().UtcDateTime;
            var existing = await c.Db.Set<Screening>().FirstOrDefaultAsync(s => s.RoundId == r.Round.Id && s.UnitId == r.UnitId, ct);
            if (existing is null) { c.Db.Add(Screening.Record(r.Round, r.UnitId, r.On, r.Places, r.Households, r.Found, c.Actor.Name, now)); return new(1, 0, 0); }
            if ((existing.ScreenedOn, existing.Places, existing.Households, existing.DisputesFound) == (r.On, r.Places, r.Households, r.Found)) return new(0, 0, 1);
            existing.Update(r.Round, r.On, r.Places, r.Households, r.Found, c.Actor.Name, now);
            return new(0, 1, 0);
        }
    }

    private sealed record SpotCheckRow(long CheckId, DateTime CalledUtc, int? Seconds, bool Roster, bool Leader, bool Equipment, string? Notes);

    /// <summary>
    /// The result of a drawn unit's check, in a draw of a campaign in the caller's scope that is still in force; a check is recorded
    /// once (as on the draw's page), so one already recorded, or the same unit of a draw twice in the file, is refused.
    /// </summary>
    private sealed class SpotCheckRows(Context c) : Rows<SpotCheckRow>(SpotCheckColumns)
    {
        private sealed record DrawFacts(bool Superseded, Dictionary<string, (long Id, bool Recorded)> Checks);

        private Dictionary<long, DrawFacts> _draws = [];
        private HashSet<string> _units = [];
        private readonly Dictionary<long, int> _seen = [];
        private readonly DateTime _now = c.Clock.GetUtcNow().UtcDateTime;

        public override async Task LoadAsync(CancellationToken ct)
        {
            var campaigns = CampaignOperations.Visible(c.Db, c.Scope);
            var checks = await c.Db.Set<SpotCheck>().Where(k => campaigns.Any(x => x.Id == k.Draw!.CampaignId))
                .Select(k => new { k.DrawId, Superseded = k.Draw!.SupersededUtc != null, k.Id, k.Unit!.Code, Recorded = k.Passed != null }).ToListAsync(ct);
            _draws = checks.GroupBy(k => k.DrawId).ToDictionary(g => g.Key, g => new DrawFacts(g.First().Superseded, g.ToDictionary(k => k.Code, k => (k.Id, k.Recorded))));
            _units = [.. await c.Scope.Units(c.Db).Select(u => u.Code).ToListAsync(ct)];
        }

        protected override SpotCheckRow? Read(SourceRow row)
        {
            var drawText = Cell(row, "draw");
            DrawFacts? draw = null;
            if (!long.TryParse(drawText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var drawId))
                Problem(row, "draw", new("须为抽查的编号（整数，见抽查页面的地址）。", "Must be the draw's number (a whole number, as in the draw page's address)."));
            else if (!_draws.TryGetValue(drawId, out draw))
                Problem(row, "draw", new($"没有抽查 {drawId}。", $"There is no spot-check draw {drawId}."));
            else if (draw.Superseded)
                Problem(row, "draw", new($"抽查 {drawId} 已被重新抽取取代，不能再记录。", $"Draw {drawId} was superseded by a new one; its checks cannot be recorded."));
            var unit = Cell(row, "unit");
            (long Id, bool Recorded) check = default;
            if (!_units.Contains(unit)) Problem(row, "unit", new($"您的管辖范围内没有单位 {unit}。", $"There is no unit {unit} in your scope."));
            else if (draw is { Superseded: false } && !draw.Checks.TryGetValue(unit, out check))
                Problem(row, "unit", new($"抽查 {drawId} 没有抽到 {unit}。", $"{unit} was not drawn in draw {drawId}."));
            else if (check.Recorded)
                Problem(row, "unit", new($"{unit} 在抽查 {drawId} 中的结果已记录，不能覆盖。", $"{unit}'s check in draw {drawId} is recorded already and cannot be overwritten."));
            var called = LocalTime(row, "called_at");
            var secondsText = Cell(row, "answered_within_seconds");
            int? seconds = null;
            if (secondsText.Length > 0 && !int.TryParse(secondsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s))
                Problem(row, "answered_within_seconds", new("须为整数秒数；无人接听请留空。", "Must be whole seconds; leave it empty when nobody answered."));
            else if (secondsText.Length > 0) seconds = int.Parse(secondsText, CultureInfo.InvariantCulture);
            var (roster, leader, equipment) = (YesNo(row, "roster_complete"), YesNo(row, "leader_reachable"), YesNo(row, "equipment_ready"));
            var notes = Cell(row, "notes");
            if (called is null || roster is null || leader is null || equipment is null || RowProblems.Count > 0) return null;
            var calledUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(called.Value, DateTimeKind.Unspecified), ProvinceTime.Zone);
            foreach (var (field, message) in SpotCheck.Problems(calledUtc, seconds, notes, _now))
                Problem(row, ColumnOf.GetValueOrDefault(field, field), message);
            return RowProblems.Count == 0 ? new(check.Id, calledUtc, seconds, roster.Value, leader.Value, equipment.Value, notes) : null;
        }

        protected override void Repeated(SourceRow row, SpotCheckRow parsed)
        {
            if (_seen.TryGetValue(parsed.CheckId, out var first))
                Problem(row, "unit", new($"第 {first} 行已有该单位在这次抽查中的结果。", $"Row {first} already has this unit's check in this draw."));
            else _seen[parsed.CheckId] = row.Number;
        }

        public override async Task<ImportCounts> StoreAsync(SpotCheckRow r, Context c, CancellationToken ct)
        {
            var check = await c.Db.Set<SpotCheck>().Include(k => k.Draw).SingleAsync(k => k.Id == r.CheckId, ct);
            check.Record(r.CalledUtc, r.Seconds, r.Roster, r.Leader, r.Equipment, r.Notes, c.Actor.Name, _now);
            return new(0, 1, 0);
        }
    }

    /// <summary>Every row is stored through EF, so each is audited as if typed in; saved every few hundred rows.</summary>
    private sealed class Writer<TRow>(Context c, Rows<TRow> rows) : IRowWriter<TRow> where TRow : class
    {
        public async Task<ImportCounts> WriteAsync(ImportBatch batch, IEnumerable<TRow> parsed, RowErrors errors, bool dryRun, CancellationToken ct)
        {
            var (inserted, updated, unchanged, done) = (0, 0, 0, 0);
            foreach (var row in parsed)
            {
                var counts = await rows.StoreAsync(row, c, ct);
                (inserted, updated, unchanged) = (inserted + counts.Inserted, updated + counts.Updated, unchanged + counts.Unchanged);
                if (++done % SaveEvery == 0) { await c.Db.SaveChangesAsync(ct); c.Db.ChangeTracker.Clear(); }
            }
            await c.Db.SaveChangesAsync(ct);
            c.Db.ChangeTracker.Clear();
            return new ImportCounts(inserted, updated, unchanged);
        }
    }
}
