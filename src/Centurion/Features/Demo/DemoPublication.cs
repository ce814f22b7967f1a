using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Evaluation;
using Centurion.Features.Evaluation.Publication;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Demo;

/// <summary>
/// The summer campaign's published months: 2022-07 published by the office on 2 August 2022 and 2022-08 on 2 September, each
/// scored as the figures stood at that instant (a clock stepped to it); September computed but not published. Chengdu appeals a
/// late-report deduction of July, which the office dismisses; Mianyang appeals a deduction of August (an overdue rectification
/// item where it has one), which the office upholds, and the correction stands beside the month. All through the feature's own
/// operations, as the office and the units would have.
/// </summary>
public static class DemoPublication
{
    public static async Task SeedAsync(CenturionDb db, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Code == DemoCampaign.Code, ct);
        if (campaign is null || await db.Set<EvaluationPublication>().AnyAsync(p => p.CampaignId == campaign.Id, ct)) return;
        var units = await db.Units.Where(u => u.Code == "510000" || u.Code == "510100" || u.Code == "510700").ToDictionaryAsync(u => u.Code, ct);
        var scope = new CallerScope(new HttpContextAccessor());
        var actor = new Actor();
        var clock = new DemoSupervision.SteppingClock();
        var publications = new Publications(db, scope, new EvaluationAccess(db, scope), actor, clock);
        void At(int month, int day, int hour) => clock.Now = new DateTimeOffset(2022, month, day, hour, 0, 0, TimeSpan.FromHours(8));
        void As(string user, string unit, string role) { actor.ActAs(user); scope.ActFor(units[unit].Id, null, role); }
        const string c = DemoCampaign.Code;

        await db.InTransactionAsync(async ct =>
        {
            At(8, 2, 10); As("province", "510000", Roles.CampaignOffice);
            await publications.PublishAsync(c, "2022-07", ct);

            At(8, 4, 15); As("chengdu", "510100", Roles.UnitLeader);
            var july = await publications.UnitAsync(c, "2022-07", "510100", ct);
            if (Deduction(july, "late-report") is { } late)
            {
                var appeal = await publications.LodgeAsync(c, new("2022-07", "510100", late.Id,
                    "该期日报因市局内网故障未能按时报送，故障期间已电话报告省厅值班室，请求不予扣分。"), [], ct);
                At(8, 6, 11); As("province", "510000", Roles.CampaignOffice);
                await publications.DismissAsync(c, appeal.Id, new("经核查，省厅值班室无当日电话报告记录，市局内网亦无故障报修记录，迟报属实，维持扣分。"), ct);
            }

            At(9, 2, 10); As("province", "510000", Roles.CampaignOffice);
            await publications.PublishAsync(c, "2022-08", ct);

            At(9, 5, 16); As("mianyang", "510700", Roles.UnitLeader);
            var august = await publications.UnitAsync(c, "2022-08", "510700", ct);
            if ((Deduction(august, "overdue-item") ?? Deduction(august, null)) is { } deduction)
            {
                var appeal = await publications.LodgeAsync(c, new("2022-08", "510700", deduction.Id,
                    "该事项已于期限前完成整改并提交销号材料，因督导组未及时验收而显示逾期，附整改完成照片和提交记录。"), [], ct);
                At(9, 7, 10); As("province", "510000", Roles.CampaignOffice);
                await publications.UpholdAsync(c, appeal.Id, new("经核实，绵阳市局已在期限前提交整改材料，逾期系验收滞后所致，不应扣分，予以更正。"), ct);
            }
        }, ct);
    }

    private static PublishedPointDto? Deduction(PublishedUnitDto unit, string? rule) =>
        unit.Points.FirstOrDefault(p => p.Points < 0 && (rule is null || p.Rule == rule));
}
