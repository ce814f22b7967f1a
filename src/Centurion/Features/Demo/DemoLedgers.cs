using Centurion.Data;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Ledgers.NightOperations;
using Centurion.Features.Ledgers.Visits;
using Centurion.Infrastructure;

namespace Centurion.Features.Demo;

/// <summary>
/// The field ledgers of the demo: key places in every county (more barbecue and night-food stalls in Chengdu's districts), and
/// for 25 June – 20 July 2022 patrol visits and night operations that add up, county by county, to what each county reported
/// (key places checked, night operations, police deployments), except in the <see cref="Planted"/> counties, whose ledgers
/// disagree so that the reconciliation has something true to show. Pure plan; <see cref="WriteAsync"/> stores it in bulk.
/// </summary>
public static class DemoLedgers
{
    /// <summary>The counties whose ledgers disagree with their reports, and how.</summary>
    public static readonly IReadOnlyDictionary<string, string> Planted = new Dictionary<string, string>
    {
        ["510106"] = "key-places-checked: about one visit in eight was reported but never entered (ledger lower)",
        ["510781"] = "night-operations and police-deployments: the window's last two operations were reported but never entered (ledger lower)",
        ["511102"] = "police-deployments: one visit's 40 police person-times entered on top of what was reported (ledger higher)",
        ["511502"] = "key-places-checked: eight visits entered that the reports left out (ledger higher)",
        ["513301"] = "key-places-checked and police-deployments: nothing entered for the window's last five days (ledger lower)",
    };

    internal static readonly Dictionary<string, (double Lon, double Lat, double Spread)> Seats = new()
    {
        ["510100"] = (104.07, 30.67, 0.35), ["510300"] = (104.78, 29.34, 0.3), ["510400"] = (101.72, 26.62, 0.3), ["510500"] = (105.44, 28.87, 0.4),
        ["510600"] = (104.40, 31.13, 0.3), ["510700"] = (104.68, 31.47, 0.5), ["510800"] = (105.84, 32.44, 0.45), ["510900"] = (105.59, 30.53, 0.3),
        ["511000"] = (105.06, 29.58, 0.3), ["511100"] = (103.77, 29.55, 0.45), ["511300"] = (106.11, 30.84, 0.45), ["511400"] = (103.85, 30.08, 0.3),
        ["511500"] = (104.64, 28.75, 0.45), ["511600"] = (106.63, 30.46, 0.3), ["511700"] = (107.47, 31.21, 0.5), ["511800"] = (103.04, 30.01, 0.45),
        ["511900"] = (106.75, 31.87, 0.4), ["512000"] = (104.63, 30.13, 0.3), ["513200"] = (102.22, 31.90, 1.1), ["513300"] = (101.96, 30.05, 1.2),
        ["513400"] = (102.27, 27.89, 1.0),
    };

    private static readonly string[] Brands = ["老码头", "金沙", "蜀香", "红星", "滨江", "锦城", "天府", "星光", "夜色", "大碗", "川味", "老街", "龙门", "聚福", "好运来"];
    private static readonly string[] Streets = ["人民路", "解放路", "建设路", "中山路", "滨江路", "新华街", "文化路", "和平街", "东大街", "府南路"];
    private static readonly string[] Findings =
    [
        "消防通道堵塞，已责令当场清理。", "发现无证经营，已通报市场监管部门。", "劝离醉酒滋事人员 2 名。", "提醒商户落实视频监控和值守。",
        "发现店内存放管制刀具 1 把，已收缴。", "排查矛盾纠纷 1 起，当场调解。", "督促张贴报警求助提示。",
    ];
    private static readonly string[] Areas = ["城区夜市", "汽车站周边", "中心广场", "滨河步道", "商业街"];
    private static readonly string[] ChengduAreas = ["春熙路商圈", "九眼桥酒吧街", "建设路小吃街", "玉林路", "宽窄巷子周边"];
    private static readonly string[] OperationNotes = ["联合市场监管、城管开展夜间清查。", "重点清查烧烤摊、夜宵店周边。", "清查网吧、KTV 等娱乐场所。", ""];

    public sealed record Plan(List<KeyPlace> Places, List<KeyPlaceStateChange> History, List<PatrolVisit> Visits, List<NightOperation> Operations);

    private sealed record Place(long Id, int UnitId, string Type, RiskLevel Risk);

    private static readonly DateTime RegisteredUtc = ProvinceTime.StartUtc(new DateOnly(2022, 6, 22)).AddHours(10);
    private static readonly DateTime ClosedUtc = ProvinceTime.StartUtc(new DateOnly(2022, 6, 24)).AddHours(15);

    /// <summary>How many key places a county keeps: Chengdu's central districts the most, remote western counties the fewest.</summary>
    private static int PlaceCount(DemoCounty c, DemoRandom rng) =>
        (c.PrefectureCode == "510100" && c.NameZh.EndsWith('区') ? 34 : c.NameZh.EndsWith('区') ? 18 : c.NameZh.EndsWith('市') ? 14 : c.Remote ? 5 : 9) + rng.Next(6);

    /// <summary>Type weights (order of <see cref="KeyPlace.Types"/>); Chengdu's districts have more stalls.</summary>
    private static double[] TypeWeights(DemoCounty c) => c.PrefectureCode == "510100" && c.NameZh.EndsWith('区')
        ? [30, 26, 12, 8, 6, 8, 6, 4] : [20, 16, 8, 8, 10, 14, 14, 10];

    public static Plan Make(IReadOnlyList<DemoCounty> counties, IReadOnlyList<PlannedReport> reports, long firstPlaceId, long firstVisitId, long firstOperationId,
        ulong seed = DemoRandom.DefaultSeed)
    {
        var kpc = Array.IndexOf(DemoReportPlan.Indicators, "key-places-checked");
        var nops = Array.IndexOf(DemoReportPlan.Indicators, "night-operations");
        var pol = Array.IndexOf(DemoReportPlan.Indicators, "police-deployments");
        var reported = reports.Where(r => DemoFigures.InWindow(r.Day)).ToLookup(r => r.County.Code);
        var plan = new Plan([], [], [], []);
        long placeId = firstPlaceId, visitId = firstVisitId, operationId = firstOperationId;

        foreach (var county in counties)
        {
            var rng = DemoRandom.For(seed, "ledger-places", long.Parse(county.Code));
            var seat = Seats[county.PrefectureCode];
            var central = county.PrefectureCode == "510100" && county.NameZh.EndsWith('区');
            var (lon, lat) = (seat.Lon + (rng.NextDouble() - 0.5) * 2 * seat.Spread * (central ? 0.2 : 1), seat.Lat + (rng.NextDouble() - 0.5) * 2 * seat.Spread * (central ? 0.2 : 1));
            var units = county.StationIds.Length > 0 ? county.StationIds : [county.UnitId];
            var typeWeights = DemoRandom.Cumulative(TypeWeights(county));
            var reporter = county.Code == "510104" ? "jinjiang" : $"reporter-{county.Code}";
            var open = new List<Place>();
            var count = PlaceCount(county, rng);
            for (var i = 0; i < count; i++)
            {
                var type = KeyPlace.Types[rng.Pick(typeWeights)];
                var risk = rng.Chance(type is "bar" or "ktv" or "bbq-stall" ? 0.35 : 0.15) ? RiskLevel.High : rng.Chance(0.5) ? RiskLevel.Medium : RiskLevel.Low;
                var closed = rng.Chance(0.03);
                var unit = units[rng.Next(units.Length)];
                var place = KeyPlace.Seeded(placeId++, unit, type, Name(type, rng, i), $"{county.NameZh}{Streets[rng.Next(Streets.Length)]}{rng.Between(1, 300)}号",
                    Math.Round(Math.Clamp(lon + (rng.NextDouble() - 0.5) * 0.12, KeyPlace.MinLongitude, KeyPlace.MaxLongitude), 5),
                    Math.Round(Math.Clamp(lat + (rng.NextDouble() - 0.5) * 0.1, KeyPlace.MinLatitude, KeyPlace.MaxLatitude), 5),
                    risk, Hours(type), closed ? KeyPlaceState.Closed : KeyPlaceState.Active, reporter, RegisteredUtc.AddMinutes(rng.Between(0, 600)));
                plan.Places.Add(place);
                plan.History.Add(new KeyPlaceStateChange { KeyPlaceId = place.Id, UnitId = unit, From = null, To = KeyPlaceState.Active, By = reporter, AtUtc = place.RegisteredUtc, Reason = "登记" });
                if (closed)
                    plan.History.Add(new KeyPlaceStateChange { KeyPlaceId = place.Id, UnitId = unit, From = KeyPlaceState.Active, To = KeyPlaceState.Closed, By = reporter, AtUtc = ClosedUtc, Reason = "无证经营，已依法取缔。" });
                else open.Add(new Place(place.Id, unit, type, risk));
            }
            var placeWeights = DemoRandom.Cumulative([.. open.Select(p => p.Risk switch { RiskLevel.High => 3.0, RiskLevel.Medium => 2.0, _ => 1.0 })]);
            var areas = county.PrefectureCode == "510100" ? ChengduAreas : Areas;
            var firstOperation = plan.Operations.Count;

            foreach (var report in reported[county.Code].OrderBy(r => r.Day))
            {
                var values = report.Effective.Values;
                var (places, operations, police) = (values[kpc], values[nops], values[pol]);
                var day = report.Day;
                var r = DemoRandom.For(seed, "ledger-day", long.Parse(county.Code), day.DayNumber);
                if (county.Code == "513301" && day > DemoFigures.WindowEnd.AddDays(-5)) continue;
                if (county.Code == "510106") places -= (places + 4) / 8;
                if (county.Code == "511502" && day == DemoFigures.WindowEnd) places += 8;
                if (county.Code == "511102" && day == DemoFigures.WindowEnd) police += 40;
                var areaVisits = (int)(places * 0.15) + (r.Chance(0.5) || places + operations == 0 ? 1 : 0);

                // Police split over visits (weight 1) and operations (weight 8), each operation with at least one officer.
                var slots = (int)(places + areaVisits + operations);
                var spare = Math.Max(0, police - operations);
                var split = slots == 0 ? [] : Apportion.LargestRemainder(spare, [.. Enumerable.Range(0, slots).Select(k => (k >= places + areaVisits ? 8.0 : 1.0) * r.Jitter(0.3))]);
                for (var k = 0; k < places + areaVisits; k++)
                {
                    var toPlace = k < places && open.Count > 0 ? open[r.Pick(placeWeights)] : null;
                    var hour = toPlace?.Type == "school-gate" ? (r.Chance(0.5) ? 7 : 16) : r.Between(18, 23);
                    var at = ProvinceTime.StartUtc(day).AddHours(hour).AddMinutes(r.Between(0, 59));
                    var officers = (int)split[k];
                    plan.Visits.Add(PatrolVisit.Seeded(visitId++, toPlace?.UnitId ?? units[r.Next(units.Length)], at, toPlace?.Id,
                        toPlace is null ? areas[r.Next(areas.Length)] : null, officers, officers == 0 ? r.Between(1, 4) : r.Between(0, 4),
                        r.Chance(0.12) ? Findings[r.Next(Findings.Length)] : "未发现异常。", reporter));
                }
                for (var k = 0; k < operations; k++)
                {
                    var officers = 1 + (int)split[(int)(places + areaVisits) + k];
                    var checkedPeople = officers * r.Between(2, 6);
                    plan.Operations.Add(NightOperation.Seeded(operationId++, r.Chance(0.6) ? county.UnitId : units[r.Next(units.Length)], day,
                        r.Between(4, 30), officers, checkedPeople, r.Chance(0.3) ? r.Between(1, Math.Min(4, checkedPeople)) : 0, r.Chance(0.15) ? 1 : 0,
                        OperationNotes[r.Next(OperationNotes.Length)], reporter));
                }
            }
            if (county.Code == "510781")
                plan.Operations.RemoveRange(Math.Max(firstOperation, plan.Operations.Count - 2), Math.Min(2, plan.Operations.Count - firstOperation));
        }
        return plan;
    }

    private static string Name(string type, DemoRandom rng, int i)
    {
        var brand = Brands[rng.Next(Brands.Length)];
        return type switch
        {
            "bbq-stall" => $"{brand}烧烤（{i + 1}号摊）",
            "night-food-stall" => $"{brand}夜宵",
            "bar" => $"{brand}酒吧",
            "ktv" => $"{brand}KTV",
            "internet-cafe" => $"{brand}网咖",
            "hotel" => $"{brand}宾馆",
            "school-gate" => $"{Streets[rng.Next(Streets.Length)][..2]}小学校门",
            _ => $"{brand}广场",
        };
    }

    private static string Hours(string type) => type switch
    {
        "bbq-stall" or "night-food-stall" => "18:00–03:00",
        "bar" or "ktv" => "20:00–04:00",
        "internet-cafe" or "hotel" => "24 小时",
        "school-gate" => "07:00–18:00",
        _ => "09:00–22:00",
    };

    public static async Task<Plan> WriteAsync(CenturionDb db, IReadOnlyList<DemoCounty> counties, IReadOnlyList<PlannedReport> reports, CancellationToken ct)
    {
        var plan = Make(counties, reports, await BulkInserter<KeyPlace>.NextKeyAsync(db, ct), await BulkInserter<PatrolVisit>.NextKeyAsync(db, ct),
            await BulkInserter<NightOperation>.NextKeyAsync(db, ct));
        await new BulkInserter<KeyPlace>(db, nameof(KeyPlace.Id), nameof(KeyPlace.UnitId), nameof(KeyPlace.Type), nameof(KeyPlace.Name), nameof(KeyPlace.Address),
            nameof(KeyPlace.Longitude), nameof(KeyPlace.Latitude), nameof(KeyPlace.Risk), nameof(KeyPlace.OpeningHours), nameof(KeyPlace.State),
            nameof(KeyPlace.RegisteredBy), nameof(KeyPlace.RegisteredUtc)).InsertAsync(plan.Places, ct);
        await new BulkInserter<KeyPlaceStateChange>(db, nameof(KeyPlaceStateChange.KeyPlaceId), nameof(KeyPlaceStateChange.UnitId), nameof(KeyPlaceStateChange.From),
            nameof(KeyPlaceStateChange.To), nameof(KeyPlaceStateChange.By), nameof(KeyPlaceStateChange.AtUtc), nameof(KeyPlaceStateChange.Reason)).InsertAsync(plan.History, ct);
        await new BulkInserter<PatrolVisit>(db, nameof(PatrolVisit.Id), nameof(PatrolVisit.UnitId), nameof(PatrolVisit.VisitedUtc), nameof(PatrolVisit.KeyPlaceId),
            nameof(PatrolVisit.Area), nameof(PatrolVisit.Police), nameof(PatrolVisit.SocialForces), nameof(PatrolVisit.Findings), nameof(PatrolVisit.RecordedBy),
            nameof(PatrolVisit.RecordedUtc)).InsertAsync(plan.Visits, ct);
        await new BulkInserter<NightOperation>(db, nameof(NightOperation.Id), nameof(NightOperation.UnitId), nameof(NightOperation.Date), nameof(NightOperation.PlacesCovered),
            nameof(NightOperation.Police), nameof(NightOperation.PeopleChecked), nameof(NightOperation.SuspectsCaught), nameof(NightOperation.CasesOpened),
            nameof(NightOperation.Notes), nameof(NightOperation.RecordedBy), nameof(NightOperation.RecordedUtc)).InsertAsync(plan.Operations, ct);
        await BulkInserter<KeyPlace>.AdvanceKeyAsync(db, ct);
        await BulkInserter<KeyPlaceStateChange>.AdvanceKeyAsync(db, ct);
        await BulkInserter<PatrolVisit>.AdvanceKeyAsync(db, ct);
        await BulkInserter<NightOperation>.AdvanceKeyAsync(db, ct);
        return plan;
    }
}
