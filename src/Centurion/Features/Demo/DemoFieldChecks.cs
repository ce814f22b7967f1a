using Centurion.Data;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Ledgers.SpotChecks;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Infrastructure;

namespace Centurion.Features.Demo;

/// <summary>
/// The demo's disputes, hazards, screening rounds, trouble spots and emergency-duty spot checks. Disputes for
/// 25 June – 20 July 2022 add up, county by county and day by day, to the reported <c>disputes-screened</c> (found that day)
/// and <c>disputes-resolved</c> (resolved that day, oldest open first), so the reconciliation agrees; the rest stay found
/// or mediating, or are escalated or failed just after. Two screening rounds of two weeks, which <see cref="MissedRounds"/>
/// did not screen in; weekly spot-check draws of eight counties with some failures and one redraw; hazards (some overdue);
/// trouble spots with some reopened, one of Jinjiang's twice. Every entry is made by the entities' own operations,
/// so the rules hold; then written in bulk.
/// </summary>
public static class DemoFieldChecks
{
    /// <summary>(county, round number) pairs that did not screen.</summary>
    public static readonly (string County, int Round)[] MissedRounds = [("511102", 1), ("513332", 2)];

    /// <summary>The week whose first draw was redone, with the reason on record.</summary>
    public static readonly DateOnly RedrawnRound = new(2022, 7, 11);

    public const int RecheckDays = 10;
    public const string TwiceReopenedSpot = "锦江区春熙路夜市";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] Places = ["小区", "村民小组", "农贸市场", "建筑工地", "商铺", "出租屋", "餐馆", "物流园"];
    private static readonly string[] Summaries = ["因噪音扰民发生争执。", "因宅基地界址发生纠纷。", "拖欠工资引发纠纷。", "婚姻家庭矛盾，多次争吵。", "买卖合同纠纷。", "停车位归属纠纷。", ""];
    private static readonly string[] HazardTexts = ["楼道堆放电动车和杂物", "夜市摊位占用消防通道", "出租屋群租，安全设施缺失", "工地围挡破损，夜间无人值守", "学校周边摊贩聚集，交通混乱"];
    private static readonly string[] SpotNames = ["夜市", "汽车站周边", "网吧集中区", "城中村", "酒吧街", "广场"];
    private static readonly string[] SpotReasons = ["夜间打架斗殴警情多发", "盗窃电动车警情集中", "醉酒滋事反复发生", "非法营运聚集", "赌博活动屡禁不止"];

    public sealed record Plan(List<Dispute> Disputes, List<Hazard> Hazards, List<ScreeningRound> Rounds, List<Screening> Screenings,
        List<TroubleSpot> Spots, List<SpotCheckDraw> Draws);

    private static DateTime At(DateOnly day, int hour, int minute = 0) => ProvinceTime.StartUtc(day).AddHours(hour).AddMinutes(minute);

    public static Plan Make(int campaignId, IReadOnlyList<DemoCounty> counties, IReadOnlyList<PlannedReport> reports, ulong seed = DemoRandom.DefaultSeed)
    {
        var screened = Array.IndexOf(DemoReportPlan.Indicators, "disputes-screened");
        var resolved = Array.IndexOf(DemoReportPlan.Indicators, "disputes-resolved");
        var byCounty = reports.Where(r => DemoFigures.InWindow(r.Day)).ToLookup(r => r.County.Code);
        var plan = new Plan([], [], [], [], [], []);
        var rounds = new[]
        {
            ScreeningRound.Create(campaignId, 1, DemoFigures.WindowStart, DemoFigures.WindowStart.AddDays(13), "province"),
            ScreeningRound.Create(campaignId, 2, DemoFigures.WindowStart.AddDays(14), DemoFigures.WindowStart.AddDays(27), "province"),
        };
        plan.Rounds.AddRange(rounds);
        int RoundOf(DateOnly d) => d <= rounds[0].EndsOn ? 0 : 1;

        foreach (var county in counties)
        {
            var units = county.StationIds.Length > 0 ? county.StationIds : [county.UnitId];
            var reporter = county.Code == "510104" ? "jinjiang" : $"reporter-{county.Code}";
            var open = new Queue<Dispute>();
            var fromScreening = new int[2];
            foreach (var report in byCounty[county.Code].OrderBy(r => r.Day))
            {
                var r = DemoRandom.For(seed, "ledger-disputes", long.Parse(county.Code), report.Day.DayNumber);
                var day = report.Day;
                var round = RoundOf(day);
                var missed = MissedRounds.Contains((county.Code, round + 1));
                for (var k = 0; k < report.Effective.Values[screened]; k++)
                {
                    var source = !missed && r.Chance(0.7) ? DisputeSource.Screening : r.Chance(0.6) ? DisputeSource.Call : DisputeSource.WalkIn;
                    if (source == DisputeSource.Screening) fromScreening[round]++;
                    var type = (DisputeType)r.Pick(TypeWeights);
                    var d = Dispute.Create(units[r.Next(units.Length)], new(Parties(r, type), type, r.Chance(0.1) ? RiskLevel.High : r.Chance(0.35) ? RiskLevel.Medium : RiskLevel.Low,
                        $"{county.NameZh}{Places[r.Next(Places.Length)]}", day, source, Summaries[r.Next(Summaries.Length)], null), reporter, At(day, r.Between(8, 11), r.Between(0, 59)));
                    plan.Disputes.Add(d);
                    open.Enqueue(d);
                }
                for (var k = 0; k < report.Effective.Values[resolved]; k++)
                {
                    var d = open.Dequeue();
                    if (d.Status == DisputeStatus.Found) d.StartMediation(reporter, At(d.FoundOn, 14, r.Between(0, 59)), "约双方当事人到所调解");
                    d.Resolve(reporter, At(day, 17, r.Between(0, 59)), r.Chance(0.5) ? "达成调解协议" : "当事人和解");
                    if (r.Chance(0.08)) d.FollowUp(reporter, At(day.AddDays(7), 10), "回访：双方履行协议，未再发生争执");
                }
            }
            // What is still open when the window closes: half mediating, some escalated or failed just after it.
            var after = DemoFigures.WindowEnd.AddDays(1);
            foreach (var d in open)
            {
                var r = DemoRandom.For(seed, "ledger-open", d.FoundOn.DayNumber, plan.Disputes.Count);
                if (r.Chance(0.5)) d.StartMediation(reporter, At(d.FoundOn, 15));
                if (d.Status == DisputeStatus.Mediating && r.Chance(0.08)) d.Fail(reporter, At(after, 10), "一方拒不配合调解，已告知诉讼途径");
                else if (r.Chance(0.06)) d.Escalate(r.Chance(0.5) ? EscalationTarget.HigherUnit : EscalationTarget.OtherAgency,
                    r.Chance(0.5) ? "县（区）矛盾纠纷调处中心" : "人民法院诉前调解室", reporter, At(after, 11));
            }
            for (var round = 0; round < 2; round++)
            {
                if (MissedRounds.Contains((county.Code, round + 1))) continue;
                var r = DemoRandom.For(seed, "ledger-screening", long.Parse(county.Code), round);
                var places = r.Between(20, 90) * (county.NameZh.EndsWith('区') ? 2 : 1);
                plan.Screenings.Add(Screening.Record(rounds[round], county.UnitId, rounds[round].StartsOn.AddDays(r.Between(2, 12)), places, places * r.Between(8, 20),
                    fromScreening[round], reporter, At(rounds[round].EndsOn, 16)));
            }
            Hazards(county, units, reporter, seed, plan);
            Spots(county, reporter, seed, plan);
        }
        Draws(campaignId, counties, seed, plan);
        return plan;
    }

    private static readonly double[] TypeWeights = DemoRandom.Cumulative([34, 22, 12, 10, 14, 8]);

    private static string Parties(DemoRandom r, DisputeType type) => type switch
    {
        DisputeType.Labour => $"{Surnames[r.Next(Surnames.Length)]}某等{r.Between(2, 12)}名务工人员与某建筑公司",
        DisputeType.Commercial => $"{Surnames[r.Next(Surnames.Length)]}某与某商贸公司",
        DisputeType.Neighbour when r.Chance(0.3) => $"{r.Between(1, 12)}栋与{r.Between(1, 12)}栋住户",
        _ => $"{Surnames[r.Next(Surnames.Length)]}某与{Surnames[r.Next(Surnames.Length)]}某",
    };

    private static void Hazards(DemoCounty county, int[] units, string reporter, ulong seed, Plan plan)
    {
        var r = DemoRandom.For(seed, "ledger-hazards", long.Parse(county.Code));
        var n = county.NameZh.EndsWith('区') ? 3 : 2;
        for (var i = 0; i < n; i++)
        {
            var found = DemoFigures.WindowStart.AddDays(r.Between(0, 20));
            var h = Hazard.Create(units[r.Next(units.Length)], new(HazardTexts[r.Next(HazardTexts.Length)], $"{county.NameZh}{Places[r.Next(Places.Length)]}",
                r.Chance(0.3) ? RiskLevel.High : RiskLevel.Medium, found, found.AddDays(r.Between(5, 15))), reporter, At(found, 10));
            var fate = r.NextDouble();
            if (fate > 0.12) h.Assign($"社区民警{Surnames[r.Next(Surnames.Length)]}某", reporter, At(found, 15));
            if (fate > 0.3) h.Eliminate(reporter, At(h.Deadline.AddDays(fate > 0.9 ? 3 : -r.Between(0, 3)), 11), "已整改到位，现场复核无问题");
            plan.Hazards.Add(h);
        }
    }

    private static void Spots(DemoCounty county, string reporter, ulong seed, Plan plan)
    {
        var r = DemoRandom.For(seed, "ledger-spots", long.Parse(county.Code));
        var jinjiang = county.Code == "510104";
        var n = jinjiang ? 4 : county.NameZh.EndsWith('区') ? 2 : 1;
        for (var i = 0; i < n; i++)
        {
            var listed = DemoFigures.WindowStart.AddDays(r.Between(0, 6));
            var name = jinjiang && i == 0 ? TwiceReopenedSpot : $"{county.NameZh}{SpotNames[r.Next(SpotNames.Length)]}";
            var by = jinjiang && i == 0 || r.Chance(0.3) ? "province" : reporter;
            var seat = DemoLedgers.Seats[county.PrefectureCode];
            var spread = county.PrefectureCode == "510100" ? 0.08 : seat.Spread;
            var s = TroubleSpot.List(county.UnitId, new(name, SpotReasons[r.Next(SpotReasons.Length)], $"{Surnames[r.Next(Surnames.Length)]}某（分管副局长）",
                listed.AddDays(r.Between(10, 25)), Math.Round(seat.Lon + (r.NextDouble() - 0.5) * spread, 5), Math.Round(seat.Lat + (r.NextDouble() - 0.5) * spread, 5)), by, At(listed, 9));
            s.StartRectifying(reporter, At(listed, 16), "制定整治方案，增派巡逻警力");
            var fate = jinjiang ? i switch { 0 => 0.99, 1 => 0.1, 2 => 0.5, _ => 0.8 } : r.NextDouble();
            if (fate < 0.2) { plan.Spots.Add(s); continue; } // still rectifying (and overdue by now)
            var cleared = s.Deadline.AddDays(-r.Between(0, 5));
            s.Clear(reporter, At(cleared, 17), "连续两周无相关警情，视频监控和巡逻点位已落实", RecheckDays);
            if (fate < 0.35) { plan.Spots.Add(s); continue; } // cleared, waiting for its re-check
            var recheck = cleared.AddDays(RecheckDays);
            var checker = county.Code.StartsWith("5101") ? "chengdu" : "province";
            var times = fate >= 0.98 ? 2 : fate >= 0.75 ? 1 : 0;
            for (var t = 0; t < times; t++)
            {
                s.Recheck(checker, At(recheck, 10), foundBack: true, "复查发现问题反弹，重新挂牌整治", recheck.AddDays(14));
                if (fate >= 0.98 && t == 1) break; // the twice-reopened spot is still being rectified
                cleared = recheck.AddDays(r.Between(6, 12));
                s.Clear(reporter, At(cleared, 17), "再次整治，增设固定岗亭", RecheckDays);
                recheck = cleared.AddDays(RecheckDays);
            }
            if (s.Status == TroubleSpotStatus.Cleared) s.Recheck(checker, At(recheck, 10), foundBack: false, "复查巩固，予以销号");
            plan.Spots.Add(s);
        }
    }

    private static void Draws(int campaignId, IReadOnlyList<DemoCounty> counties, ulong seed, Plan plan)
    {
        var candidates = counties.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => (c.UnitId, c.Code)).ToList();
        for (var week = new DateOnly(2022, 6, 27); week <= DemoFigures.WindowEnd; week = week.AddDays(7))
        {
            var r = DemoRandom.For(seed, "ledger-draws", week.DayNumber);
            var earlier = new List<SpotCheckDraw>();
            var first = SpotCheckDraw.Make(campaignId, week, r.NextUInt64(), candidates, 8, earlier, null, "province", At(week, 9));
            earlier.Add(first);
            plan.Draws.Add(first);
            var inForce = first;
            if (week == RedrawnRound)
            {
                inForce = SpotCheckDraw.Make(campaignId, week, r.NextUInt64(), candidates, 8, earlier, "首次抽取时误用了上周的候选名单，经专班负责人批准重新抽取", "province", At(week, 10));
                plan.Draws.Add(inForce);
            }
            foreach (var check in inForce.Checks)
            {
                var called = At(week.AddDays(r.Between(1, 3)), r.Chance(0.5) ? r.Between(21, 23) : r.Between(1, 4), r.Between(0, 59));
                var fails = r.Chance(0.2);
                var broken = fails ? r.Next(4) : -1;
                check.Record(called, broken == 0 ? (r.Chance(0.5) ? (int?)null : r.Between(31, 90)) : r.Between(3, 25), broken != 1, broken != 2, broken != 3,
                    broken switch { 0 => "值班电话长时间无人接听", 1 => "值班表缺带班民警", 2 => "带班领导电话关机", 3 => "应急装备箱缺强光手电", _ => null },
                    "province", called.AddMinutes(10));
            }
        }
    }

    public static async Task<Plan> WriteAsync(CenturionDb db, int campaignId, IReadOnlyList<DemoCounty> counties, IReadOnlyList<PlannedReport> reports, CancellationToken ct)
    {
        var plan = Make(campaignId, counties, reports);
        var next = await BulkInserter<Dispute>.NextKeyAsync(db, ct);
        foreach (var d in plan.Disputes) d.SeedKey(next++);
        next = await BulkInserter<Hazard>.NextKeyAsync(db, ct);
        foreach (var h in plan.Hazards) h.SeedKey(next++);
        next = await BulkInserter<ScreeningRound>.NextKeyAsync(db, ct);
        foreach (var round in plan.Rounds) round.SeedKey(next++);
        foreach (var s in plan.Screenings) s.SeedRound(plan.Rounds.Single(round => round.StartsOn <= s.ScreenedOn && s.ScreenedOn <= round.EndsOn).Id);
        next = await BulkInserter<TroubleSpot>.NextKeyAsync(db, ct);
        foreach (var s in plan.Spots) s.SeedKey(next++);
        next = await BulkInserter<SpotCheckDraw>.NextKeyAsync(db, ct);
        foreach (var d in plan.Draws) d.SeedKey(next++);

        await new BulkInserter<Dispute>(db, nameof(Dispute.Id), nameof(Dispute.UnitId), nameof(Dispute.Parties), nameof(Dispute.Type), nameof(Dispute.Risk),
            nameof(Dispute.Place), nameof(Dispute.FoundOn), nameof(Dispute.Source), nameof(Dispute.ScreeningRoundId), nameof(Dispute.Summary), nameof(Dispute.Status),
            nameof(Dispute.StatusOn), nameof(Dispute.ResolvedOn), nameof(Dispute.EscalatedTo), nameof(Dispute.EscalatedToName), nameof(Dispute.Version)).InsertAsync(plan.Disputes, ct);
        await new BulkInserter<DisputeChange>(db, [nameof(DisputeChange.DisputeId), nameof(DisputeChange.IsFollowUp), .. ChangeColumns]).InsertAsync(plan.Disputes.SelectMany(d => d.History), ct);
        await new BulkInserter<Hazard>(db, nameof(Hazard.Id), nameof(Hazard.UnitId), nameof(Hazard.Description), nameof(Hazard.Place), nameof(Hazard.Risk),
            nameof(Hazard.FoundOn), nameof(Hazard.Deadline), nameof(Hazard.DisputeId), nameof(Hazard.Status), nameof(Hazard.AssignedTo), nameof(Hazard.EliminatedOn),
            nameof(Hazard.Version)).InsertAsync(plan.Hazards, ct);
        await new BulkInserter<HazardChange>(db, [nameof(HazardChange.HazardId), .. ChangeColumns]).InsertAsync(plan.Hazards.SelectMany(h => h.History), ct);
        await new BulkInserter<ScreeningRound>(db, nameof(ScreeningRound.Id), nameof(ScreeningRound.CampaignId), nameof(ScreeningRound.Number),
            nameof(ScreeningRound.StartsOn), nameof(ScreeningRound.EndsOn), nameof(ScreeningRound.CreatedBy)).InsertAsync(plan.Rounds, ct);
        await new BulkInserter<Screening>(db, nameof(Screening.RoundId), nameof(Screening.UnitId), nameof(Screening.ScreenedOn), nameof(Screening.Places),
            nameof(Screening.Households), nameof(Screening.DisputesFound), nameof(Screening.RecordedBy), nameof(Screening.RecordedUtc)).InsertAsync(plan.Screenings, ct);
        await new BulkInserter<TroubleSpot>(db, nameof(TroubleSpot.Id), nameof(TroubleSpot.UnitId), nameof(TroubleSpot.Name), nameof(TroubleSpot.Reason),
            nameof(TroubleSpot.Leader), nameof(TroubleSpot.Longitude), nameof(TroubleSpot.Latitude), nameof(TroubleSpot.ListedBy), nameof(TroubleSpot.ListedOn),
            nameof(TroubleSpot.Deadline), nameof(TroubleSpot.Status), nameof(TroubleSpot.Evidence), nameof(TroubleSpot.ClearedOn), nameof(TroubleSpot.RecheckDue),
            nameof(TroubleSpot.ClosedOn), nameof(TroubleSpot.Recurrences), nameof(TroubleSpot.Version)).InsertAsync(plan.Spots, ct);
        await new BulkInserter<TroubleSpotChange>(db, [nameof(TroubleSpotChange.TroubleSpotId), .. ChangeColumns]).InsertAsync(plan.Spots.SelectMany(s => s.History), ct);
        await new BulkInserter<SpotCheckDraw>(db, nameof(SpotCheckDraw.Id), nameof(SpotCheckDraw.CampaignId), nameof(SpotCheckDraw.Round), nameof(SpotCheckDraw.Sequence),
            nameof(SpotCheckDraw.Seed), nameof(SpotCheckDraw.Candidates), nameof(SpotCheckDraw.Count), nameof(SpotCheckDraw.Drawn), nameof(SpotCheckDraw.Reason),
            nameof(SpotCheckDraw.DrawnBy), nameof(SpotCheckDraw.DrawnUtc), nameof(SpotCheckDraw.SupersededUtc)).InsertAsync(plan.Draws, ct);
        await new BulkInserter<SpotCheck>(db, nameof(SpotCheck.DrawId), nameof(SpotCheck.UnitId), nameof(SpotCheck.CalledUtc), nameof(SpotCheck.AnsweredWithinSeconds),
            nameof(SpotCheck.RosterComplete), nameof(SpotCheck.LeaderReachable), nameof(SpotCheck.EquipmentReady), nameof(SpotCheck.Notes), nameof(SpotCheck.Passed),
            nameof(SpotCheck.RecordedBy), nameof(SpotCheck.RecordedUtc)).InsertAsync(plan.Draws.SelectMany(d => d.Checks), ct);
        await BulkInserter<Dispute>.AdvanceKeyAsync(db, ct);
        await BulkInserter<DisputeChange>.AdvanceKeyAsync(db, ct);
        await BulkInserter<Hazard>.AdvanceKeyAsync(db, ct);
        await BulkInserter<HazardChange>.AdvanceKeyAsync(db, ct);
        await BulkInserter<ScreeningRound>.AdvanceKeyAsync(db, ct);
        await BulkInserter<Screening>.AdvanceKeyAsync(db, ct);
        await BulkInserter<TroubleSpot>.AdvanceKeyAsync(db, ct);
        await BulkInserter<TroubleSpotChange>.AdvanceKeyAsync(db, ct);
        await BulkInserter<SpotCheckDraw>.AdvanceKeyAsync(db, ct);
        await BulkInserter<SpotCheck>.AdvanceKeyAsync(db, ct);
        db.Add(new RecheckPolicy(campaignId, RecheckDays));
        return plan;
    }

    private static readonly string[] ChangeColumns = ["UnitId", "By", "AtUtc", "From", "To", "Reason"];
}
