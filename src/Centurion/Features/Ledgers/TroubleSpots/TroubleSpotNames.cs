namespace Centurion.Features.Ledgers.TroubleSpots;

public static class TroubleSpotNames
{
    public static string Status(string code) => LedgerList.Parse<TroubleSpotStatus>(code) is { } s ? TroubleSpotText.Status(s) : code;
}
