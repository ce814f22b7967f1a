using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.SpotChecks;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers;

/// <summary>Ledger rows as spreadsheet rows, with headers and values in the caller's language.</summary>
public static class LedgerExport
{
    private static string S<T>(string code) where T : struct, Enum => LedgerList.Parse<T>(code) is { } v ? Name(v) : code;

    private static string Name<T>(T v) where T : struct, Enum => v switch
    {
        DisputeStatus s => DisputeText.Status(s),
        DisputeType t => DisputeText.TypeName(t),
        DisputeSource s => DisputeText.SourceName(s),
        RiskLevel r => DisputeText.RiskName(r),
        HazardStatus h => HazardText.Status(h),
        TroubleSpotStatus t => TroubleSpotText.Status(t),
        _ => v.ToString(),
    };

    public static IDictionary<string, object?> Dispute(DisputeRow d) => new Dictionary<string, object?>
    {
        ["ID"] = d.Id, [Ui.Code] = d.Unit, [Ui.Units] = d.UnitName, [DisputeText.Parties] = d.Parties, [DisputeText.Type] = S<DisputeType>(d.Type),
        [DisputeText.Risk] = S<RiskLevel>(d.Risk), [DisputeText.Place] = d.Place, [DisputeText.FoundOn] = d.FoundOn.ToString("yyyy-MM-dd"),
        [DisputeText.Source] = S<DisputeSource>(d.Source), [DisputeText.StatusLabel] = S<DisputeStatus>(d.Status),
        [LedgerWords.StatusOn] = d.StatusOn.ToString("yyyy-MM-dd"),
    };

    public static IDictionary<string, object?> Hazard(HazardRow h) => new Dictionary<string, object?>
    {
        ["ID"] = h.Id, [Ui.Code] = h.Unit, [Ui.Units] = h.UnitName, [HazardText.Description] = h.Description, [DisputeText.Place] = h.Place,
        [DisputeText.Risk] = S<RiskLevel>(h.Risk), [DisputeText.FoundOn] = h.FoundOn.ToString("yyyy-MM-dd"), [HazardText.Deadline] = h.Deadline.ToString("yyyy-MM-dd"),
        [DisputeText.StatusLabel] = S<HazardStatus>(h.Status), [HazardText.AssignedTo] = h.AssignedTo, [HazardText.Overdue] = h.Overdue ? LedgerWords.Yes : "",
    };

    public static IDictionary<string, object?> Screening(ScreeningDto s) => new Dictionary<string, object?>
    {
        [ScreeningText.Round] = s.Round, [Ui.Code] = s.Unit, [Ui.Units] = s.UnitName, [ScreeningText.ScreenedOn] = s.ScreenedOn.ToString("yyyy-MM-dd"),
        [ScreeningText.Places] = s.Places, [ScreeningText.Households] = s.Households, [ScreeningText.Found] = s.DisputesFound, [LedgerText.RecordedBy] = s.RecordedBy,
    };

    public static IDictionary<string, object?> TroubleSpot(TroubleSpotRow s) => new Dictionary<string, object?>
    {
        ["ID"] = s.Id, [Ui.Code] = s.Unit, [TroubleSpotText.Unit] = s.UnitName, [TroubleSpotText.Name] = s.Name, [TroubleSpotText.Leader] = s.Leader,
        [TroubleSpotText.ListedOn] = s.ListedOn.ToString("yyyy-MM-dd"), [TroubleSpotText.Deadline] = s.Deadline.ToString("yyyy-MM-dd"),
        [DisputeText.StatusLabel] = S<TroubleSpotStatus>(s.Status), [TroubleSpotText.Recurrences] = s.Recurrences, [TroubleSpotText.DaysOpen] = s.DaysOpen,
        [TroubleSpotText.Overdue] = s.Overdue ? LedgerWords.Yes : "",
    };

    public static IDictionary<string, object?> Check(CheckRow k) => new Dictionary<string, object?>
    {
        ["ID"] = k.Id, [SpotCheckText.Round] = k.Round.ToString("yyyy-MM-dd"), [Ui.Code] = k.Unit, [Ui.Units] = k.UnitName,
        [SpotCheckText.CalledAt] = k.CalledUtc is { } t ? ProvinceTime.ToLocal(t).ToString("yyyy-MM-dd HH:mm") : "",
        [SpotCheckText.Seconds] = k.AnsweredWithinSeconds, [SpotCheckText.Roster] = k.RosterComplete, [SpotCheckText.Leader] = k.LeaderReachable,
        [SpotCheckText.Equipment] = k.EquipmentReady, [SpotCheckText.Result] = SpotCheckText.ResultName(k.Passed).ToString(), [SpotCheckText.Notes] = k.Notes,
    };

    /// <param name="full">Whether the caller sees the whole draw (the campaign office); a unit is shown neither the candidates nor the other drawn units.</param>
    public static IDictionary<string, object?> Draw(DrawDto d, bool full) => new Dictionary<string, object?>
    {
        [SpotCheckText.DrawNumber] = d.Id, [SpotCheckText.Round] = d.Round.ToString("yyyy-MM-dd"), [SpotCheckText.Sequence] = d.Sequence,
        [SpotCheckText.DrawnAt] = ProvinceTime.ToLocal(d.DrawnUtc).ToString("yyyy-MM-dd HH:mm"), [SpotCheckText.DrawnBy] = d.DrawnBy,
        [SpotCheckText.Reason] = d.Reason, [SpotCheckText.Seed] = d.Seed, [SpotCheckText.CandidateCount] = full ? d.Candidates.Count : null,
        [SpotCheckText.Drawn] = string.Join(",", d.Drawn), [SpotCheckText.SupersededBy] = d.SupersededBy,
    };
}

public static class LedgerWords
{
    public static readonly Phrase Yes = new("是", "yes");
    public static readonly Phrase StatusOn = new("状态变更日期", "Status since");
    public static readonly Phrase Export = new("导出 XLSX", "Export XLSX");
    public static readonly Phrase Import = new("导入", "Import");
    public static readonly Phrase All = new("全部", "All");
    public static readonly Phrase OverdueOnly = new("仅看逾期", "Overdue only");
    public static readonly Phrase Unit = new("单位（含下级）", "Unit (and below)");
    public static readonly Phrase Previous = new("上一页", "Previous");
    public static readonly Phrase Next = new("下一页", "Next");
    public static readonly Phrase PageOf = new("第 {0} / {1} 页，共 {2} 条", "Page {0} of {1}, {2} in all");
    public static readonly Phrase Edit = new("修改", "Edit");
    public static readonly Phrase Details = new("详情", "Details");
    public static readonly Phrase Done = new("已完成。", "Done.");
    public static readonly Phrase Who = new("操作人", "By");
    public static readonly Phrase FromState = new("原状态", "From");
    public static readonly Phrase ToState = new("新状态", "To");
    public static readonly Phrase Reason = new("说明", "Note");
    public static readonly Phrase Ledgers = new("工作台账", "Ledgers");
}
