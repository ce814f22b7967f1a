using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers.SpotChecks;

public static class SpotCheckText
{
    public static readonly Phrase Title = new("应急值守抽查", "Emergency-duty spot checks");
    public static readonly Phrase Number = new("抽查编号（导入结果时填 draw 列）", "Draw number (the draw column of a results import)");
    public static readonly Phrase DrawNumber = new("抽查编号", "Draw number");
    public static readonly Phrase DrawnAt = new("抽取时间", "Drawn at");
    public static readonly Phrase CandidateCount = new("候选单位数", "Candidates");
    public static readonly Phrase SupersededBy = new("被哪次抽取取代", "Superseded by");
    public static readonly Phrase Current = new("有效", "Current");
    public static readonly Phrase SupersededState = new("已被取代", "Superseded");
    public static readonly Phrase DrawState = new("抽取状态", "Draw state");
    public static readonly Phrase DrawnUnit = new("抽中单位（含下级）", "Drawn unit (and below)");
    public static readonly Phrase Draw = new("抽取", "Draw");
    public static readonly Phrase NewDraw = new("随机抽取本轮被抽查单位", "Draw this round's units at random");
    public static readonly Phrase Redraw = new("本轮已抽取；重新抽取须说明理由，并留痕。", "This round has been drawn; a new draw needs a reason and stays on the record.");
    public static readonly Phrase Round = new("轮次（周一）", "Round (Monday)");
    public static readonly Phrase Within = new("从这些单位中抽取（代码，逗号分隔）", "Draw within these units (codes, comma-separated)");
    public static readonly Phrase Level = new("抽取层级", "Level drawn");
    public static readonly Phrase Count = new("抽取数", "How many");
    public static readonly Phrase Reason = new("重新抽取理由", "Reason for a new draw");
    public static readonly Phrase Seed = new("随机种子", "Seed");
    public static readonly Phrase Candidates = new("候选单位", "Candidates");
    public static readonly Phrase Drawn = new("抽中单位", "Drawn");
    public static readonly Phrase DrawnBy = new("抽取人", "Drawn by");
    public static readonly Phrase Sequence = new("第几次抽取", "Draw no.");
    public static readonly Phrase Superseded = new("已被重新抽取取代", "Superseded by a new draw");
    public static readonly Phrase Reproduced = new("按存储的种子和候选单位复算，结果一致。", "Re-run from the stored seed and candidates: the same units.");
    public static readonly Phrase NotReproduced = new("按存储的种子复算结果不一致！", "Re-run from the stored seed gives other units!");
    public static readonly Phrase CalledAt = new("抽查时间", "Called at");
    public static readonly Phrase Seconds = new("接听用时（秒）", "Answered within (s)");
    public static readonly Phrase SecondsHint = new("无人接听请留空", "leave empty if nobody answered");
    public static readonly Phrase Roster = new("值班表齐全", "Duty roster complete");
    public static readonly Phrase Leader = new("带班领导可联系", "Leader on duty reachable");
    public static readonly Phrase Equipment = new("装备齐备", "Equipment ready");
    public static readonly Phrase Notes = new("备注", "Notes");
    public static readonly Phrase Result = new("结果", "Result");
    public static readonly Phrase Record = new("记录抽查结果", "Record the check");
    public static readonly Phrase Rules = new("判定规则：以下各项全部满足为合格", "Pass rules: a check passes when all of these hold");
    public static readonly Phrase Failures = new("不合格情况（按单位、月份）", "Failures by unit and month");
    public static readonly Phrase Month = new("月份", "Month");
    public static readonly Phrase Checks = new("抽查次数", "Checks");
    public static readonly Phrase Failed = new("不合格", "Failed");
    public static readonly Phrase Draws = new("抽取记录", "Draws");
    public static readonly Phrase CheckList = new("抽查结果", "Checks");

    public static Phrase ResultName(bool? passed) => passed switch
    {
        true => new("合格", "Passed"),
        false => new("不合格", "Failed"),
        null => new("待抽查", "Pending"),
    };
}
