using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Demo;

/// <summary>
/// The summer campaign's key tasks as the office and the units tracked them through 2022, played through key-task tracking's
/// own moves on a clock that steps through the campaign: four verified, one done and awaiting verification
/// (criminal investigation's, by <c>xingzhen</c>), Chengdu's night-time patrols in progress with notes, Mianyang's trouble
/// spots reported done and returned, and the controlled-instruments task in progress; the open ones overdue by now.
/// </summary>
public static class DemoKeyTasks
{
    private sealed class SteppingClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }
        public override DateTimeOffset GetUtcNow() => Now;
    }

    public static async Task SeedAsync(CenturionDb db, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Code == DemoCampaign.Code, ct);
        if (campaign is null || await db.Set<TaskChange>().AnyAsync(ct)) return;
        var province = await db.Units.SingleAsync(u => u.Level == UnitLevel.Province, ct);
        var scope = new CallerScope(new HttpContextAccessor());
        scope.ActFor(province.Id, null, Roles.CampaignOffice);
        var actor = new Actor();
        var clock = new SteppingClock();
        var tasks = new KeyTasks(db, scope, actor, clock);
        var ids = await db.CampaignTasks.Where(t => t.CampaignId == campaign.Id).ToDictionaryAsync(t => t.TitleZh, t => t.Id, ct);
        int Task(string start) => ids.Single(p => p.Key.StartsWith(start, StringComparison.Ordinal)).Value;

        async Task Move(int month, int day, int hour, string user, string task, string move, string? note = null)
        {
            clock.Now = new DateTimeOffset(2022, month, day, hour, 0, 0, TimeSpan.FromHours(8));
            actor.ActAs(user);
            await tasks.ActAsync(campaign, Task(task), move, new(note), ct);
        }

        await db.InTransactionAsync(async ct =>
        {
            await Move(6, 26, 9, "province", "制定工作方案", "progress", "省厅印发《百日行动工作方案》（川公治〔2022〕45号）");
            await Move(6, 28, 15, "province", "制定工作方案", "done", "6月27日召开全省视频动员部署会，21个市（州）分会场参会，会议纪要存专班");
            await Move(6, 29, 10, "province", "制定工作方案", "verify");

            await Move(7, 1, 9, "xingzhen", "严打侵害", "progress", "刑侦总队部署专项攻坚，建立侵害弱势群体案件日研判机制");
            await Move(8, 10, 17, "xingzhen", "严打侵害", "progress", "截至8月10日破侵害弱势群体案件312起，督办重点案件17起");
            await Move(9, 24, 16, "xingzhen", "严打侵害", "done", "累计破案586起，刑拘412人；督办案件全部结案，专项总结已报专班");

            await Move(7, 2, 10, "chengdu", "加强烧烤摊", "progress", "全市烧烤摊、夜宵店摸排2,314处，建立夜间巡防点位图");
            await Move(7, 20, 18, "chengdu", "加强烧烤摊", "progress", "22时至次日2时每晚投入巡逻警力1,100人次，设临时警务点46个（见巡防日志）");
            await Move(8, 25, 18, "chengdu", "加强烧烤摊", "progress", "春熙路夜市经督导后增设两组固定巡逻，巡逻签到表已归档");

            await Move(7, 1, 11, "province", "随机抽查应急值守", "progress", "巡警总队制定随机抽查方案，每周抽查不少于20个单位");
            await Move(9, 20, 17, "province", "随机抽查应急值守", "done", "累计抽查值守单位286个，通报不在岗3起，均已整改");
            await Move(9, 22, 10, "province", "随机抽查应急值守", "verify", "抽查记录与通报齐全");

            await Move(7, 3, 10, "mianyang", "治安乱点", "progress", "排出治安乱点23处，逐一明确包保领导");
            await Move(8, 30, 17, "mianyang", "治安乱点", "done", "23处乱点已全部清理");
            await Move(9, 2, 10, "province", "治安乱点", "return", "涪城区2处乱点复查仍有反弹，未附复查记录；请补充复查情况后再报");
            await Move(9, 15, 16, "mianyang", "治安乱点", "progress", "涪城区2处乱点已开展第二轮清理，复查记录整理中");

            await Move(7, 1, 15, "province", "重点地区矛盾纠纷", "progress", "部署滚动排查，每周汇总");
            await Move(9, 23, 16, "province", "重点地区矛盾纠纷", "done", "累计排查纠纷9.6万起，化解率92%");
            await Move(9, 26, 9, "province", "重点地区矛盾纠纷", "verify");

            await Move(7, 5, 10, "province", "整治公共场所携带", "progress", "联合市场监管部门开展管制刀具销售源头检查");

            await Move(9, 26, 10, "province", "总结评估", "progress", "各市（州）总结报告已收齐");
            await Move(9, 29, 17, "province", "总结评估", "done", "全省总结评估报告已印发，先进集体和个人已通报表彰");
            await Move(9, 30, 10, "province", "总结评估", "verify");
        }, ct);
    }
}
