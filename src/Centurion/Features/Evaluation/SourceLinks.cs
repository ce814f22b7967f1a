using Centurion.Features.Evaluation.Scoring;

namespace Centurion.Features.Evaluation;

/// <summary>
/// The page of the record a point came from, by the source's type and id (as <see cref="MonthFacts"/> and the incident register
/// write them): a report's page, a rectification item's, a spot-check draw's, a trouble spot's, the dashboard of a prefecture's
/// figure over the month's days, an incident's or commendation's register entry, a listing's page. Null for a type with no page.
/// </summary>
public static class SourceLinks
{
    public static string? Href(string campaign, SourceRef s)
    {
        var parts = s.Id.Split('/');
        var c = Uri.EscapeDataString(campaign);
        return s.Type switch
        {
            // {campaign}/{unitCode}/{yyyy-MM-dd}
            "report" when parts.Length == 3 => $"/campaigns/{Escape(parts[0])}/reports/{Escape(parts[1])}/{Escape(parts[2])}",
            "item" when long.TryParse(s.Id, out var item) => $"/supervision/items/{item}",
            // {drawId}/{checkId}: the draw's page lists its checks
            "spot-check" when parts.Length == 2 && long.TryParse(parts[0], out var draw) => $"/ledgers/spot-checks/{c}/draws/{draw}",
            "trouble-spot" when long.TryParse(s.Id, out var spot) => $"/ledgers/trouble-spots/{spot}",
            // {campaign}/{unitCode}/{indicator}/{from}/{to}: the dashboard at that unit, over those days, on that indicator
            "figure" when parts.Length == 5 =>
                $"/campaigns/{Escape(parts[0])}/dashboard?unit={Escape(parts[1])}&from={Escape(parts[3])}&to={Escape(parts[4])}&indicator={Escape(parts[2])}",
            "incident" or "commendation" when long.TryParse(s.Id, out var entry) => $"/campaigns/{c}/evaluation/incidents/{entry}",
            // {listingId}/{due}
            "listing" when long.TryParse(parts[0], out var listing) => $"/supervision/listings/{listing}",
            _ => null,
        };
    }

    private static string Escape(string part) => Uri.EscapeDataString(part);
}
