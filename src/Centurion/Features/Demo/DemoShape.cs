namespace Centurion.Features.Demo;

/// <summary>A county that reports in the demo campaign, with its police stations (record units).</summary>
public sealed record DemoCounty(int UnitId, string Code, string NameZh, int[] StationIds)
{
    public string PrefectureCode => Code[..4] + "00";

    /// <summary>Counties of the three western autonomous prefectures (Aba, Ganzi, Liangshan) that are not towns: thin
    /// populations, long distances, more nil returns and more late or missing reports.</summary>
    public bool Remote => Code[..4] is "5132" or "5133" or "5134" && NameZh.EndsWith('县');
}

/// <summary>
/// The shapes behind the demo data: how big each county is, and how a day differs from another (weekday, season, the
/// summer nights, Spring Festival, the campaign's phases). Pure functions of codes and dates.
/// </summary>
public static class DemoShape
{
    /// <summary>Permanent population in millions by prefecture (Seventh National Census, 2020, rounded).</summary>
    public static readonly IReadOnlyDictionary<string, double> PrefecturePopulation = new Dictionary<string, double>
    {
        ["510100"] = 20.94, ["510300"] = 2.49, ["510400"] = 1.21, ["510500"] = 4.25, ["510600"] = 3.46, ["510700"] = 4.87,
        ["510800"] = 2.31, ["510900"] = 2.81, ["511000"] = 3.14, ["511100"] = 3.16, ["511300"] = 5.61, ["511400"] = 2.96,
        ["511500"] = 4.59, ["511600"] = 3.25, ["511700"] = 5.39, ["511800"] = 1.43, ["511900"] = 2.71, ["512000"] = 2.31,
        ["513200"] = 0.82, ["513300"] = 1.11, ["513400"] = 4.86,
    };

    /// <summary>Chengdu's five central districts.</summary>
    private static readonly HashSet<string> CityCentre = ["510104", "510105", "510106", "510107", "510108"];

    /// <summary>
    /// A county's share of the province's policing workload: its prefecture's population split over the prefecture's
    /// counties by urbanity (central district, district, county-level city, county), times a per-head intensity that is
    /// higher in the provincial capital and lower in the thinly peopled west. Chengdu comes out about 30 times Ganzi.
    /// </summary>
    public static IReadOnlyDictionary<string, double> CountyWeights(IEnumerable<DemoCounty> counties)
    {
        var list = counties.ToList();
        var urbanity = list.ToDictionary(c => c.Code, c =>
            CityCentre.Contains(c.Code) ? 2.6 : c.NameZh.EndsWith('区') ? 1.5 : c.NameZh.EndsWith('市') ? 1.15 : 0.8);
        var byPrefecture = list.GroupBy(c => c.PrefectureCode).ToDictionary(g => g.Key, g => g.Sum(c => urbanity[c.Code]));
        var weights = new Dictionary<string, double>();
        foreach (var c in list)
        {
            var population = PrefecturePopulation.GetValueOrDefault(c.PrefectureCode, 2.0);
            var intensity = c.PrefectureCode == "510100" ? 1.3 : c.Code[..4] is "5132" or "5133" or "5134" ? 0.8 : 1.0;
            weights[c.Code] = population * urbanity[c.Code] / byPrefecture[c.PrefectureCode] * intensity;
        }
        var total = weights.Values.Sum();
        return weights.ToDictionary(p => p.Key, p => p.Value / total);
    }

    /// <summary>1 in a mid-year summer peak (around 19 July) falling linearly to <paramref name="low"/> in mid-January.</summary>
    public static double Season(DateOnly day, double low = 0.84)
    {
        var distance = Math.Abs(day.DayOfYear - 200);
        if (distance > 182) distance = 365 - distance;
        return low + (1 - low) * (1 - distance / 182.5);
    }

    /// <summary>The week of Spring Festival (2021-02-12, 2022-02-01), when fewer cases are filed.</summary>
    public static bool SpringFestival(DateOnly day) =>
        Near(day, new DateOnly(2021, 2, 12)) || Near(day, new DateOnly(2022, 2, 1));

    private static bool Near(DateOnly day, DateOnly festival) => day.DayNumber - festival.DayNumber is >= -3 and <= 6;

    /// <summary>June to September, when barbecue stalls, night markets and bars fill the summer nights.</summary>
    public static bool SummerNights(DateOnly day) => day.Month is >= 6 and <= 9;

    /// <summary>Monday = 0 … Sunday = 6.</summary>
    public static int Weekday(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;

    public static bool FridayOrSaturday(DateOnly day) => day.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday;
}
