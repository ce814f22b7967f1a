namespace Centurion.Features.Evaluation.Publication;

/// <summary>
/// Where a published point's source is shown: a report's page, a rectification item's, a spot-check draw's, a trouble spot's; a
/// figure has no page of its own. The same addresses the live explanation links to; the page there checks the caller's scope.
/// </summary>
public static class PublicationLinks
{
    public static string? Source(SourceDto? s)
    {
        if (s is null) return null;
        var parts = s.Id.Split('/');
        return s.Type switch
        {
            "report" when parts.Length == 3 => $"/campaigns/{parts[0]}/reports/{parts[1]}/{parts[2]}",
            "item" => $"/supervision/items/{s.Id}",
            "trouble-spot" => $"/ledgers/trouble-spots/{s.Id}",
            _ => null,
        };
    }

    public static string Publication(string campaign, string month) => $"/campaigns/{campaign}/evaluation/{month}/publication";
    public static string Unit(string campaign, string month, string unit) => $"/campaigns/{campaign}/evaluation/{month}/publication/units/{unit}";
    public static string Live(string campaign, string month) => $"/campaigns/{campaign}/evaluation/{month}";
    public static string Appeals(string campaign) => $"/campaigns/{campaign}/evaluation/appeals";
    public static string Appeal(string campaign, long id) => $"/campaigns/{campaign}/evaluation/appeals/{id}";
}

/// <summary>How the pages write points and scores: two places at most, a true minus sign, a plus on a bonus where asked.</summary>
public static class PublicationNumbers
{
    public static string Score(decimal d) => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture).Replace('-', '−');

    public static string Points(decimal d) => d > 0 ? "+" + Score(d) : Score(d);
}
