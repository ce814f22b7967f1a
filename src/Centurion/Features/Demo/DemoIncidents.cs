using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Evaluation;
using Centurion.Features.Evaluation.Incidents;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Demo;

/// <summary>
/// The summer campaign's register of negative incidents and commendations, recorded by the province campaign office
/// (<c>province</c>) through <see cref="IncidentRegister"/> on a stepping clock: a major mass incident in Fucheng district
/// (Mianyang) in August 2022, which puts Mianyang on August's black list whatever its score; a police-related public-opinion
/// incident in Ziliujing district (Zigong) in July; an incident in Neijiang recorded and withdrawn on review; and commendations
/// of Luzhou (July) and of Jingyang district, Deyang (August).
/// </summary>
public static class DemoIncidents
{
    public const string FuchengKind = "群体性事件";

    public static async Task SeedAsync(CenturionDb db, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Code == DemoCampaign.Code, ct);
        if (campaign is null || await db.Set<RegisterEntry>().AnyAsync(ct)) return;
        var province = await db.Units.SingleAsync(u => u.Level == UnitLevel.Province, ct);
        var scope = new CallerScope(new HttpContextAccessor());
        scope.ActFor(province.Id, null, Roles.CampaignOffice);
        var actor = new Actor();
        actor.ActAs("province");
        var clock = new DemoSupervision.SteppingClock();
        var register = new IncidentRegister(db, scope, new EvaluationAccess(db, scope), actor, clock);
        void At(int month, int day, int hour, int minute = 0) => clock.Now = new DateTimeOffset(2022, month, day, hour, minute, 0, TimeSpan.FromHours(8));
        DateOnly D(int month, int day) => new(2022, month, day);

        await db.InTransactionAsync(async ct =>
        {
            At(7, 8, 16);
            await register.RecordCommendationAsync(campaign, new("510500", D(7, 8), "泸州市局在夏季治安打击整治行动中推行“夜巡+网格”工作法，夜间街面警情同比下降31%，经验做法被公安部治安管理局通报推广",
                "公安部治安管理局"), ct);
            At(7, 18, 10);
            await register.RecordIncidentAsync(campaign, new("510302", D(7, 16), "涉警舆情", false,
                "7月16日晚，自流井区一烧烤店发生斗殴，群众报警后民警到场超出规定时限8分钟，现场视频在短视频平台传播，阅读量超50万，引发负面评论；分局已约谈值班所长并公开回应"), ct);
            At(8, 6, 11);
            var neijiang = await register.RecordIncidentAsync(campaign, new("511002", D(8, 5), "重大刑事案件", false,
                "8月5日，市中区一居民楼内发生持刀伤人案件，致1人重伤，嫌疑人当场被抓获"), ct);
            At(8, 9, 15);
            await register.WithdrawAsync(campaign, RegisterType.Incident, neijiang.Id, new("经复核，该案系家庭纠纷引发的个人极端行为，事前已纳入矛盾纠纷排查并落实稳控措施，不属于工作不力导致的负面事件，撤销登记"), ct);
            At(8, 14, 9, 30);
            await register.RecordIncidentAsync(campaign, new("510703", D(8, 13), FuchengKind, true,
                "8月13日晚，涪城区某小区业主因物业纠纷聚集堵路，高峰时约300人，持续4小时，处置中发生推搡致2名民警受伤，相关视频在网络传播；该纠纷此前已多次信访，排查台账未登记、未预警"), ct);
            At(8, 23, 17);
            await register.RecordCommendationAsync(campaign, new("510603", D(8, 22), "8月22日，旌阳区一商场发生持刀劫持人质事件，旌阳分局处突队伍12分钟到场，成功解救人质，无人员伤亡",
                "四川省人民政府办公厅"), ct);
        }, ct);
    }
}
