namespace Centurion.Features.Ledgers.Reconciliation;

public enum Verdict { Agree, LedgerHigher, LedgerLower, NotReported }

/// <summary>One indicator for one unit: what the ledgers add up to, what was reported (null when the campaign does not report it), and how they compare.</summary>
public sealed record Comparison(string Indicator, long Ledger, long? Reported, Verdict Verdict)
{
    public long? Difference => Reported is { } r ? Ledger - r : null;
}

/// <summary>A unit's comparisons; flagged when any indicator disagrees.</summary>
public sealed record ReconciledUnit(string Code, string NameZh, string NameEn, IReadOnlyList<Comparison> Figures)
{
    public bool Flagged => Figures.Any(f => f.Verdict is Verdict.LedgerHigher or Verdict.LedgerLower);
}

/// <summary>Ledger figures against reported ones. Pure: sums in, verdicts out; exact equality is agreement.</summary>
public static class Reconcile
{
    public static Verdict Compare(long ledger, long? reported) =>
        reported is not { } r ? Verdict.NotReported : ledger == r ? Verdict.Agree : ledger > r ? Verdict.LedgerHigher : Verdict.LedgerLower;

    /// <param name="units">The units to compare, in display order: (code, Chinese name, English name).</param>
    /// <param name="ledger">By indicator, the ledger sum of each unit's subtree by code (a unit missing has 0).</param>
    /// <param name="reported">By indicator, the reported sum by code; an indicator missing here, or a unit missing within one (a unit below the
    /// reporting level), is not reported.</param>
    public static IReadOnlyList<ReconciledUnit> Units(IEnumerable<(string Code, string NameZh, string NameEn)> units, IReadOnlyList<string> indicators,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> ledger, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> reported) =>
        [.. units.Select(u => new ReconciledUnit(u.Code, u.NameZh, u.NameEn, [.. indicators.Select(i =>
        {
            var l = ledger.TryGetValue(i, out var byUnit) ? byUnit.GetValueOrDefault(u.Code) : 0;
            long? r = reported.TryGetValue(i, out var rep) && rep.TryGetValue(u.Code, out var value) ? value : null;
            return new Comparison(i, l, r, Compare(l, r));
        })]))];
}
