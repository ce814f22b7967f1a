using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Supervision.Listing;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Demo;

/// <summary>
/// The summer campaign's listed supervision, played through <see cref="Listings"/> on supervision's stepping clock: the
/// campaign office lists Jinjiang's reopened night-market item (a report every 7 days), which Jinjiang reports on twice
/// and then misses, so it is overdue from 31 August 2022 on; and a Mianyang trouble spot, reported on and delisted.
/// </summary>
public static class DemoListings
{
    public const string NightMarketReason = "春熙路夜市问题8月复查反弹，省厅挂牌督办，每7天报送整改进展";
    public const string StationSquare = "绵阳火车站广场及周边";

    internal static async Task SeedAsync(CenturionDb db, CallerScope scope, Actor actor, DemoSupervision.SteppingClock clock, long nightMarketItem, CancellationToken ct)
    {
        var units = await db.Units.Where(u => u.Code == "510000" || u.Code == "510104" || u.Code == "510700").ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var listings = new Listings(db, scope, actor, clock);
        void At(int month, int day, int hour) => clock.Now = new DateTimeOffset(2022, month, day, hour, 0, 0, TimeSpan.FromHours(8));
        void Office() { scope.ActFor(units["510000"], null, Roles.CampaignOffice); actor.ActAs("province"); }
        void Unit(string code, string user, string role) { scope.ActFor(units[code], null, role); actor.ActAs(user); }

        At(8, 1, 10); Office();
        var spot = await listings.ListForSupervisionAsync(new(null, StationSquare, "夜间盗抢、醉酒滋事警情集中，群众反映强烈", "510700",
            "治安乱点挂牌整治，每10天报送整治进展", 10, new DateOnly(2022, 8, 31)), ct);
        At(8, 10, 17); Unit("510700", "mianyang", Roles.UnitLeader);
        await listings.ReportAsync(spot.Id, new("广场设立警务站，每晚两组巡逻，警情环比下降四成"), ct);
        At(8, 19, 17);
        await listings.ReportAsync(spot.Id, new("周边夜宵摊规范经营时间，连续9天无盗抢警情"), ct);
        At(8, 29, 10); Office();
        await listings.DelistAsync(spot.Id, new("经暗访复核，广场秩序明显好转，警情连续下降，同意撤牌，转入常态巡防"), ct);

        At(8, 11, 15); Office();
        var market = await listings.ListForSupervisionAsync(new(nightMarketItem, null, null, null, NightMarketReason, 7, new DateOnly(2022, 9, 10)), ct);
        At(8, 17, 16); Unit("510104", "jinjiang", Roles.Reporter);
        await listings.ReportAsync(market.Id, new("已恢复22时至次日2时两组固定巡逻，巡逻签到每日上报分局"), ct);
        At(8, 24, 11);
        await listings.ReportAsync(market.Id, new("夜市周边增设视频巡控点2处，本周无滋事警情"), ct);
        // The report due on 31 August 2022 at 11:00 never came: the listing is overdue from then on.
        Office();
    }
}
