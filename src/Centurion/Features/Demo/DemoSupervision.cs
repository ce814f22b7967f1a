using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Supervision;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Supervision.Teams;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Demo;

/// <summary>
/// The summer campaign's supervision: three teams, July and August 2022 inspections with findings, and items in every
/// state (assigned, in progress, submitted, returned and resubmitted, verified, closed out, reopened; the open ones overdue
/// by now). Played through supervision's own operations on a clock that steps through 2022, as the office and the units
/// would have, so the rows and their history are what the application writes. The inspector's team keeps one plan for
/// Jinjiang not carried out, which neither Jinjiang nor Chengdu can see.
/// </summary>
public static class DemoSupervision
{
    public const string SecretFocus = "暗访春熙路夜市及周边派出所夜间巡防、值守情况";

    internal sealed class SteppingClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }
        public override DateTimeOffset GetUtcNow() => Now;
    }

    public static async Task SeedAsync(CenturionDb db, CancellationToken ct = default)
    {
        if (await db.Set<SupervisionTeam>().AnyAsync(ct)) return;
        var province = await db.Units.SingleAsync(u => u.Level == UnitLevel.Province, ct);
        var scope = new CallerScope(new HttpContextAccessor());
        scope.ActFor(province.Id, null, Roles.CampaignOffice);
        var actor = new Actor();
        var clock = new SteppingClock();
        var desk = new SupervisionDesk(db, scope, actor, clock);
        var items = new Rectifications(db, scope, actor, clock, desk);

        void At(int month, int day, int hour, int minute = 0) => clock.Now = new DateTimeOffset(2022, month, day, hour, minute, 0, TimeSpan.FromHours(8));
        void As(string user) => actor.ActAs(user);
        DateOnly D(int month, int day) => new(2022, month, day);

        await db.InTransactionAsync(async ct =>
        {
            At(7, 1, 9); As("province");
            var chengdu = (await desk.FormTeamAsync(new("summer-2022", "第一督导组（成都）", "叶国华", ["public-order", "patrol"], ["inspector"]), ct)).Id;
            var north = (await desk.FormTeamAsync(new("summer-2022", "第二督导组（德阳、绵阳、广元）", "蒋文斌", ["public-order"], ["inspector"]), ct)).Id;
            var south = (await desk.FormTeamAsync(new("summer-2022", "第三督导组（自贡、泸州、宜宾）", "刘建平", [], []), ct)).Id;
            string[] nightChecks = ["夜间巡逻警力是否到位", "重点场所巡查台账是否齐全", "应急值守人员是否在岗", "矛盾纠纷排查是否滚动开展"];

            async Task<PlanDto> Plan(int team, string unit, DateOnly on, string focus) =>
                await desk.PlanAsync(new(team, unit, null, on, focus, nightChecks), ct);
            async Task<PlanDto> CarryOut(long plan, DateTimeOffset happened, params FindingInput[] findings) =>
                await desk.CarryOutAsync(plan, new(happened.UtcDateTime, ["inspector", "王磊", "陈晓"],
                    [new(0, findings.Length == 0), new(1, true), new(2, findings.Length < 2, findings.Length < 2 ? null : "带班领导不在岗"), new(3, true)], findings), ct);
            async Task<ItemDto> Assign(long finding, string unit, string person, string measure, DateOnly deadline) =>
                await items.AssignAsync(finding, new(unit, person, measure, deadline), ct);
            async Task Move(long item, string user, string action, string? note = null, DateOnly? newDeadline = null)
            {
                As(user);
                await items.ActAsync(item, new(action, note, newDeadline), ct);
            }
            DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2022, month, day, hour, minute, 0, TimeSpan.FromHours(8));

            // July: Jinjiang, night patrol at the Chunxi Road night market.
            At(7, 5, 10); As("inspector");
            var p1 = await Plan(chengdu, "510104", D(7, 8), "夜间烧烤摊、夜市巡防和应急值守");
            At(7, 8, 23);
            var c1 = await CarryOut(p1.Id, Local(7, 8, 21, 30),
                new FindingInput("春熙路夜市22时后无巡逻警力，烧烤摊周边有醉酒滋事苗头", "春熙路夜市", "major", "patrol", "patrol", "现场照片4张，巡逻记录缺22时至次日2时"),
                new FindingInput("东城派出所值班表缺夜班带班领导", "东城派出所值班室", "minor", "duty", null, "值班表照片1张"));
            At(7, 9, 9);
            var a = await Assign(c1.Inspection!.Findings[0].Id, "510104", "李建国（锦江分局副局长）", "春熙路夜市22时至次日2时固定两组巡逻警力，建立巡逻签到", D(7, 20));
            var b = await Assign(c1.Inspection.Findings[1].Id, "510104001", "周敏（东城派出所所长）", "补齐夜班带班领导，值班表上墙并报分局备案", D(7, 15));
            At(7, 10, 9); await Move(a.Id, "jinjiang", "start"); await Move(b.Id, "jinjiang", "start");
            At(7, 14, 17); await Move(b.Id, "jinjiang", "submit", "已补排7月夜班带班领导，值班表已上墙");
            At(7, 15, 10); await Move(b.Id, "inspector", "return", "值班表仍缺周末夜班带班领导");
            At(7, 16, 17); await Move(b.Id, "jinjiang", "submit", "周末夜班已补排，附新值班表");
            At(7, 17, 10); await Move(b.Id, "inspector", "verify", "电话抽查夜班带班领导在岗");
            At(7, 18, 17); await Move(a.Id, "jinjiang", "submit", "已固定两组巡逻警力，签到记录10天完整");
            At(7, 19, 22); await Move(a.Id, "inspector", "verify", "暗访复核：夜市有警力巡逻");
            await Move(a.Id, "inspector", "close-out");

            // Wuhou: an item assigned and never started.
            At(7, 12, 10); As("inspector");
            var p2 = await Plan(chengdu, "510107", D(7, 15), "矛盾纠纷排查和重点场所巡查");
            At(7, 15, 23);
            var c2 = await CarryOut(p2.Id, Local(7, 15, 20),
                new FindingInput("辖区KTV、酒吧巡查台账7月未登记", "武侯区玉林片区", "major", "key-places", "public-order", "台账照片2张"));
            At(7, 16, 9);
            await Assign(c2.Inspection!.Findings[0].Id, "510107", "刘洋（武侯分局治安大队长）", "补登7月重点场所巡查台账，每周核查", D(7, 31));

            // Fucheng: one item in progress, one submitted and waiting for the team.
            At(7, 16, 10); As("inspector");
            var p3 = await Plan(north, "510703", D(7, 20), "治安乱点整治和夜查行动");
            At(7, 20, 23);
            var c3 = await CarryOut(p3.Id, Local(7, 20, 21),
                new FindingInput("火车站广场治安乱点挂牌后未见整治措施", "绵阳火车站广场", "serious", "trouble-spots", "public-order", "现场照片3张"),
                new FindingInput("城关派出所应急装备箱缺强光手电和破窗器", "城关派出所", "minor", "duty", "patrol", null));
            At(7, 21, 9);
            var d = await Assign(c3.Inspection!.Findings[0].Id, "510703", "张强（涪城分局局长）", "制定火车站广场整治方案，每日清查并报告", D(8, 5));
            var e = await Assign(c3.Inspection.Findings[1].Id, "510703001", "赵磊（城关派出所所长）", "补齐应急装备并登记", D(7, 30));
            At(7, 22, 9); await Move(d.Id, "mianyang", "start"); await Move(e.Id, "mianyang", "start");
            At(7, 28, 17); await Move(e.Id, "mianyang", "submit", "已补齐强光手电4支、破窗器2个，附照片");

            // The southern team draws its target at random, and the campaign office carries it out.
            At(7, 18, 10); As("province");
            var p4 = await desk.DrawAsync(new(south, 20220722, D(7, 22), "随机暗访：应急值守和夜间巡防", nightChecks), ct);
            At(7, 22, 23);
            var c4 = await CarryOut(p4.Id, Local(7, 22, 21, 15),
                new FindingInput("夜间巡逻未按规定路线开展", "辖区主要街道", "minor", "patrol", "patrol", "巡逻记录与定位轨迹不符"));
            At(7, 23, 9);
            var f = await Assign(c4.Inspection!.Findings[0].Id, p4.Unit, "值班所领导", "重新规划夜间巡逻路线并按轨迹考核", D(8, 10));
            At(7, 25, 9); await Move(f.Id, "province", "start");
            At(8, 3, 17); await Move(f.Id, "province", "submit", "新巡逻路线已执行一周，轨迹完整");
            At(8, 5, 10); await Move(f.Id, "province", "verify"); await Move(f.Id, "province", "close-out");

            // A plan cancelled before it was carried out.
            At(7, 25, 10); As("inspector");
            var p7 = await Plan(chengdu, "510108", D(8, 1), "夜间场所巡防");
            At(7, 30, 10);
            await desk.CancelAsync(p7.Id, new("目标单位正在开展专项整治，改期另行安排"), ct);

            // August: Jinjiang again, where the night market problem is back: the closed-out item reopens.
            At(8, 5, 10); As("inspector");
            var p5 = await Plan(chengdu, "510104", D(8, 10), "复查7月问题整改情况");
            At(8, 10, 23);
            await CarryOut(p5.Id, Local(8, 10, 22),
                new FindingInput("春熙路夜市夜间再次无巡逻警力，7月整改未巩固", "春熙路夜市", "major", "patrol", "patrol", "现场照片2张"));
            At(8, 11, 9);
            await Move(a.Id, "inspector", "reopen", "8月10日复查：夜市22时后再次无巡逻警力", D(8, 25));

            // Jiangyou: found, fixed and closed out within the month.
            At(8, 12, 10); As("inspector");
            var p6 = await Plan(north, "510781", D(8, 18), "夜查行动和重点场所");
            At(8, 18, 23);
            var c6 = await CarryOut(p6.Id, Local(8, 18, 21),
                new FindingInput("夜查行动记录未录入台账", "江油市局指挥中心", "minor", "reporting", "public-order", "台账截图"));
            At(8, 19, 9);
            var h = await Assign(c6.Inspection!.Findings[0].Id, "510781", "黄涛（江油市局副局长）", "补录7、8月夜查行动台账", D(8, 31));
            At(8, 20, 9); await Move(h.Id, "mianyang", "start");
            At(8, 26, 17); await Move(h.Id, "mianyang", "submit", "已补录夜查行动23次");
            At(8, 30, 10); await Move(h.Id, "inspector", "verify"); await Move(h.Id, "inspector", "close-out");

            // Still planned: Jinjiang and Chengdu must not know.
            At(8, 20, 10); As("inspector");
            await Plan(chengdu, "510104", D(8, 26), SecretFocus);

            await DemoListings.SeedAsync(db, scope, actor, clock, a.Id, ct);
        }, ct);
    }
}
