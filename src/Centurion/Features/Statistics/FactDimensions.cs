namespace Centurion.Features.Statistics;

/// <summary>The victim groups of a case, as flags; facts keep the combination (<see cref="DailyFact.VictimGroups"/>).</summary>
[Flags]
public enum VictimGroups { None = 0, Women = 1, Children = 2, Elderly = 4, Disabled = 8, Students = 16 }

/// <summary>
/// What facts counted from case records are split by besides unit and day, with the codes a file and a breakdown use: the
/// vocabulary Records reads its files into and Statistics breaks figures down by, so it lives with the facts.
/// </summary>
public static class FactDimensions
{
    public static readonly string[] PlaceTypes = ["bbq-stall", "night-food-stall", "bar", "ktv", "street", "school", "residence", "other"];

    public static readonly IReadOnlyDictionary<string, VictimGroups> Groups = new Dictionary<string, VictimGroups>
    {
        ["women"] = VictimGroups.Women,
        ["children"] = VictimGroups.Children,
        ["elderly"] = VictimGroups.Elderly,
        ["disabled"] = VictimGroups.Disabled,
        ["students"] = VictimGroups.Students,
    };
}
