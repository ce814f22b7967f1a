using System.Globalization;
using Centurion.Features.Campaigns;
using Centurion.Features.Statistics;
using Centurion.Infrastructure;

namespace Centurion.Features.Records;


/// <summary>A row that passed every check, with its unit code resolved to the unit's id.</summary>
public sealed record ParsedRecord(
    string ExternalId, CaseKind Kind, int UnitId, string Category, DateOnly FiledOn, DateOnly? SolvedOn,
    int Suspects, string PlaceType, VictimGroups VictimGroups, bool ControlledInstrument);

/// <summary>The file's columns and how to read a row of them. Pure: no I/O; the unit codes the caller may use are handed in.</summary>
public static class RecordRows
{
    public const string Id = "id", Kind = "kind", Unit = "unit", Category = "category", FiledOn = "filed_on", SolvedOn = "solved_on",
        Suspects = "suspects", PlaceType = "place_type", VictimGroupsColumn = "victim_groups", ControlledInstrument = "controlled_instrument";

    public static readonly string[] Columns = [Id, Kind, Unit, Category, FiledOn, SolvedOn, Suspects, PlaceType, VictimGroupsColumn, ControlledInstrument];

    public static readonly IReadOnlyDictionary<string, CaseKind> Kinds = new Dictionary<string, CaseKind>
    {
        ["criminal"] = CaseKind.Criminal,
        ["public-order"] = CaseKind.PublicOrder,
    };

    public static readonly string[] PlaceTypes = FactDimensions.PlaceTypes;

    public static readonly IReadOnlyDictionary<string, VictimGroups> Groups = FactDimensions.Groups;

    public const int MaxIdLength = 64, MaxCategoryLength = 40;

    /// <summary>
    /// Where each column sits in the file's header (any order, names compared without case or surrounding spaces),
    /// or one error naming the missing and unexpected columns.
    /// </summary>
    public static (int[]? Positions, RowError? Error) ReadHeader(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        var extra = names.Where(n => !Columns.Contains(n)).Select(n => n.Length == 0 ? "(empty)" : n).ToList();
        var repeated = names.Where(Columns.Contains).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count == 0 && extra.Count == 0 && repeated.Count == 0)
            return ([.. Columns.Select(c => names.IndexOf(c))], null);
        var zh = new List<string>();
        var en = new List<string>();
        if (missing.Count > 0) { zh.Add($"缺少列：{string.Join("、", missing)}"); en.Add($"missing: {string.Join(", ", missing)}"); }
        if (extra.Count > 0) { zh.Add($"多余的列：{string.Join("、", extra)}"); en.Add($"unexpected: {string.Join(", ", extra)}"); }
        if (repeated.Count > 0) { zh.Add($"重复的列：{string.Join("、", repeated)}"); en.Add($"repeated: {string.Join(", ", repeated)}"); }
        return (null, new RowError(1, "(header)", string.Join(",", header),
            new($"表头的列不对（{string.Join("；", zh)}）。应为：{string.Join(",", Columns)}。",
                $"The header has the wrong columns ({string.Join("; ", en)}). Expected: {string.Join(",", Columns)}.")));
    }

    /// <summary>Reads one data row. <paramref name="unitIds"/> holds only the units the caller may import into, so a unit outside
    /// the caller's scope gets the same error as a unit that does not exist.</summary>
    public static ParsedRecord? Parse(int row, IReadOnlyList<string> cells, int[] positions, IReadOnlyDictionary<string, int> unitIds, List<RowError> errors)
    {
        var before = errors.Count;
        string Cell(int column) => positions[column] < cells.Count ? cells[positions[column]].Trim() : "";
        void Fail(string column, string value, Phrase message) => errors.Add(new RowError(row, column, value, message));

        var id = Cell(0);
        if (id.Length == 0) Fail(Id, id, Required);
        else if (id.Length > MaxIdLength) Fail(Id, id, new($"编号不能超过 {MaxIdLength} 个字符。", $"The id can have at most {MaxIdLength} characters."));

        var kindText = Cell(1);
        if (!Kinds.TryGetValue(kindText.ToLowerInvariant(), out var kind))
            Fail(Kind, kindText, new($"案件类型应为 criminal（刑事）或 public-order（治安）。", "The kind must be criminal or public-order."));

        var unitCode = Cell(2);
        if (!unitIds.TryGetValue(unitCode, out var unitId))
            Fail(Unit, unitCode, new($"找不到单位 {unitCode}。", $"Unit {unitCode} was not found."));

        var category = Cell(3);
        if (category.Length == 0) Fail(Category, category, Required);
        else if (category.Length > MaxCategoryLength)
            Fail(Category, category, new($"类别不能超过 {MaxCategoryLength} 个字符。", $"The category can have at most {MaxCategoryLength} characters."));

        var filedText = Cell(4);
        var filed = ParseDate(filedText);
        if (filedText.Length == 0) Fail(FiledOn, filedText, Required);
        else if (filed is null) Fail(FiledOn, filedText, BadDate);

        var solvedText = Cell(5);
        var solved = ParseDate(solvedText);
        if (solvedText.Length > 0 && solved is null) Fail(SolvedOn, solvedText, BadDate);
        else if (solved is { } s && filed is { } f && s < f)
            Fail(SolvedOn, solvedText, new($"破案（查处）日期早于立案日期 {filedText}。", $"The solved date is before the filed date {filedText}."));

        var suspectsText = Cell(6);
        var suspects = 0;
        if (suspectsText.Length > 0 && !int.TryParse(suspectsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out suspects))
            Fail(Suspects, suspectsText, new("嫌疑人数应为整数。", "The number of suspects must be a whole number."));
        else if (suspects < 0) Fail(Suspects, suspectsText, new("嫌疑人数不能为负数。", "The number of suspects cannot be negative."));
        else if (suspects > FigureLimits.Max(Measure.Persons))
            Fail(Suspects, suspectsText, FigureLimits.TooLarge("嫌疑人数", "Suspects", FigureLimits.Max(Measure.Persons), FigureLimits.PerCase));
        else if (suspects > 0 && solvedText.Length == 0)
            Fail(Suspects, suspectsText, new("有查获嫌疑人时须填写破案（查处）日期，嫌疑人按该日期计数。",
                "Suspects caught are counted on the solved date, so solved_on is needed when suspects is above 0."));

        var place = Cell(7).ToLowerInvariant();
        if (!PlaceTypes.Contains(place))
            Fail(PlaceType, Cell(7), new($"场所类型应为以下之一：{string.Join("、", PlaceTypes)}。", $"The place type must be one of: {string.Join(", ", PlaceTypes)}."));

        var groupsText = Cell(8);
        var groups = Statistics.VictimGroups.None;
        foreach (var part in groupsText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Groups.TryGetValue(part.ToLowerInvariant(), out var g)) groups |= g;
            else Fail(VictimGroupsColumn, groupsText, new($"未知的受害群体 {part}；可用：{string.Join("、", Groups.Keys)}（以 ; 分隔）。",
                $"Unknown victim group {part}; use {string.Join(", ", Groups.Keys)}, separated by ;."));
        }

        var instrumentText = Cell(9);
        var instrument = false;
        if (instrumentText.Length > 0 && !bool.TryParse(instrumentText, out instrument))
            Fail(ControlledInstrument, instrumentText, new("应为 true 或 false。", "Must be true or false."));

        if (errors.Count > before) return null;
        return new ParsedRecord(id, kind, unitId, category, filed!.Value, solved, suspects, place, groups, instrument);
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static readonly Phrase Required = new("必填。", "Required.");
    private static readonly Phrase BadDate = new("日期格式应为 YYYY-MM-DD，且须是有效日期。", "The date must be a real date written YYYY-MM-DD.");
}
