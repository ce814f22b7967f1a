namespace Centurion.Features.Ledgers.SpotChecks;

/// <summary>
/// The random draw of units for an emergency-duty spot check: a pure function of the seed and the ordered candidates,
/// so anyone can re-run a stored draw and get the same units. SplitMix64 (its own copy: the demo's generator belongs to
/// the demo feature) drives a partial Fisher–Yates shuffle; the result is in the order drawn.
/// </summary>
public static class DutyDraw
{
    public static IReadOnlyList<string> Pick(ulong seed, IReadOnlyList<string> candidates, int count)
    {
        if (count < 1 || count > candidates.Count) throw new ArgumentOutOfRangeException(nameof(count));
        var pool = candidates.ToArray();
        var state = seed;
        for (var i = 0; i < count; i++)
        {
            var j = i + (int)Below(ref state, (ulong)(pool.Length - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }

    /// <summary>Uniform in [0, bound) by rejection, so no candidate is favoured by the modulo.</summary>
    private static ulong Below(ref ulong state, ulong bound)
    {
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong x;
        do x = Next(ref state); while (x >= limit);
        return x % bound;
    }

    public static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>The pass rules of an emergency-duty check, shown on the page as they are applied.</summary>
public static class DutyCheckRules
{
    public const int MaxAnswerSeconds = 30;

    public enum Rule { AnsweredInTime, RosterComplete, LeaderReachable, EquipmentReady }

    public static readonly Rule[] All = Enum.GetValues<Rule>();

    /// <summary>The rules the check broke; none means it passed. A call not answered (null seconds) fails the first rule.</summary>
    public static IReadOnlyList<Rule> Broken(int? answeredWithinSeconds, bool rosterComplete, bool leaderReachable, bool equipmentReady)
    {
        var broken = new List<Rule>();
        if (answeredWithinSeconds is not { } s || s > MaxAnswerSeconds) broken.Add(Rule.AnsweredInTime);
        if (!rosterComplete) broken.Add(Rule.RosterComplete);
        if (!leaderReachable) broken.Add(Rule.LeaderReachable);
        if (!equipmentReady) broken.Add(Rule.EquipmentReady);
        return broken;
    }

    public static Infrastructure.Phrase Describe(Rule r) => r switch
    {
        Rule.AnsweredInTime => new($"值班电话 {MaxAnswerSeconds} 秒内接听", $"Duty phone answered within {MaxAnswerSeconds} seconds"),
        Rule.RosterComplete => new("值班表齐全、人员在岗", "Duty roster complete, everyone on post"),
        Rule.LeaderReachable => new("带班领导可联系", "Leader on duty reachable"),
        _ => new("应急装备齐备", "Emergency equipment ready"),
    };
}
