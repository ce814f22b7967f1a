using Centurion.Features.Ledgers.KeyPlaces;
namespace Centurion.Features.Ledgers.Disputes;

/// <summary>Display names for the codes the lists and history carry (e.g. "walk-in", "Mediating").</summary>
public static class DisputeNames
{
    public static string Status(string code) => LedgerList.Parse<DisputeStatus>(code) is { } s ? DisputeText.Status(s) : code;
    public static string Type(string code) => LedgerList.Parse<DisputeType>(code) is { } t ? DisputeText.TypeName(t) : code;
    public static string Risk(string code) => LedgerList.Parse<RiskLevel>(code) is { } r ? DisputeText.RiskName(r) : code;
    public static string Source(string code) => LedgerList.Parse<DisputeSource>(code) is { } s ? DisputeText.SourceName(s) : code;
    public static string HazardStatus(string code) => LedgerList.Parse<Disputes.HazardStatus>(code) is { } s ? HazardText.Status(s) : code;
    public static string Target(string code) => LedgerList.Parse<EscalationTarget>(code) is { } t ? DisputeText.TargetName(t) : code;
}
