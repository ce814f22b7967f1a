using Centurion.Features.Campaigns;
using Centurion.Infrastructure;

namespace Centurion.Features.Reporting;

public static class ReportingText
{
    public static readonly Phrase Report = new("报表", "Report");
    public static readonly Phrase Outstanding = new("未报单位", "Not yet reported");
    public static readonly Phrase Period = new("统计周期", "Period");
    public static readonly Phrase Deadline = new("截止时间", "Deadline");
    public static readonly Phrase Value = new("数值", "Value");
    public static readonly Phrase SaveDraft = new("保存草稿", "Save draft");
    public static readonly Phrase Submit = new("上报", "Submit");
    public static readonly Phrase NilReturn = new("零报告", "Nil return");
    public static readonly Phrase Approve = new("审核通过", "Approve");
    public static readonly Phrase Return = new("退回", "Return");
    public static readonly Phrase ReturnReason = new("退回理由", "Reason for returning");
    public static readonly Phrase StartCorrection = new("发起更正", "Start a correction");
    public static readonly Phrase CorrectionReason = new("更正理由", "Reason for the correction");
    public static readonly Phrase ConfirmUnusual = new("我已核实以上异常数据，确认上报", "I have checked the unusual figures above and confirm them");
    public static readonly Phrase History = new("修订记录", "Revision history");
    public static readonly Phrase Revision = new("第 {0} 版", "Revision {0}");
    public static readonly Phrase Counts = new("计入统计", "counts");
    public static readonly Phrase SubmittedBy = new("上报人", "Submitted by");
    public static readonly Phrase DecidedBy = new("审核人", "Decided by");
    public static readonly Phrase Late = new("迟报", "Late");
    public static readonly Phrase OnTime = new("按时", "On time");
    public static readonly Phrase Nil = new("零报告", "Nil return");
    public static readonly Phrase Previous = new("上一期", "Previous period");
    public static readonly Phrase Next = new("下一期", "Next period");
    public static readonly Phrase Expected = new("应报", "Expected");
    public static readonly Phrase Received = new("已报", "Received");
    public static readonly Phrase Missing = new("缺报", "Missing");
    public static readonly Phrase Pending = new("未到期", "Not yet due");
    public static readonly Phrase Rate = new("报送率", "Received rate");

    /// <summary>
    /// The received rate to one decimal, rounded down (in whole numbers, not floating point) so that 1,958 of 1,960 is 99.8%:
    /// 100% only when every report due has come in. A dash when nothing is due yet.
    /// </summary>
    public static string RatePercent(CompletenessCounts c) => c.Expected - c.Pending is var due && due > 0
        ? (c.Received * 1000L / due / 10m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%"
        : "–";
    public static readonly Phrase Overdue = new("已超过截止时间", "past the deadline");
    public static readonly Phrase NotDue = new("尚未到截止时间", "not yet due");
    public static readonly Phrase AllReported = new("全部已报。", "Everyone has reported.");
    public static readonly Phrase NothingWaiting = new("没有待审核的报表。", "Nothing is waiting for approval.");
    public static readonly Phrase Show = new("查看", "Show");

    /// <summary>Why a period outside the campaign takes no report: only the campaign office's baseline import stores figures there.</summary>
    public static Phrase OutsideCampaign(Period period, DateOnly start, DateOnly end) => new(
        $"{period} 不在专项行动期内（{start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}），不能填报；行动期外的数据只能由行动专班作为基线导入。",
        $"{period} lies outside the campaign ({start:yyyy-MM-dd} to {end:yyyy-MM-dd}), so no report can be filed for it; figures outside the campaign come only from the campaign office's baseline import.");

    public static readonly Phrase Changes = new("办理记录", "History");
    public static readonly Phrase When = new("时间", "When");
    public static readonly Phrase Action = new("操作", "Action");
    public static readonly Phrase By = new("操作人", "By");
    public static readonly Phrase Why = new("理由", "Reason");

    /// <summary>What a change of state was, named as the user did it.</summary>
    public static Phrase TransitionName(string? from, string to) => (from, to) switch
    {
        (null, _) => new("新建", "Started"),
        (_, "submitted") => new("上报", "Submitted"),
        ("submitted", "approved") => new("审核通过", "Approved"),
        (_, "approved") => new("导入", "Imported"),
        (_, "returned") => new("退回", "Returned"),
        ("approved", "draft") => new("发起更正", "Correction started"),
        _ => new("退回后修改", "Reopened after return"),
    };

    public static Phrase StatusName(string status) => status switch
    {
        "draft" => new("草稿", "Draft"),
        "submitted" => new("已上报，待审核", "Submitted, awaiting approval"),
        "returned" => new("已退回", "Returned"),
        "approved" => new("已审核", "Approved"),
        _ => new("未填报", "Not started"),
    };
}
