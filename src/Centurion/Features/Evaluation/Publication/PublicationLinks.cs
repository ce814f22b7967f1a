using Centurion.Features.Evaluation.Scoring;

namespace Centurion.Features.Evaluation.Publication;

/// <summary>The publication's pages, and where a published point's source is shown: the same page the live explanation links to (<see cref="SourceLinks"/>).</summary>
public static class PublicationLinks
{
    public static string? Source(string campaign, SourceDto? s) => s is null ? null : SourceLinks.Href(campaign, new SourceRef(s.Type, s.Id, s.Label));

    public static string Publication(string campaign, string month) => $"/campaigns/{campaign}/evaluation/{month}/publication";
    public static string Unit(string campaign, string month, string unit) => $"/campaigns/{campaign}/evaluation/{month}/publication/units/{unit}";
    public static string Live(string campaign, string month) => $"/campaigns/{campaign}/evaluation/{month}";
    public static string Appeals(string campaign) => $"/campaigns/{campaign}/evaluation/appeals";
    public static string Appeal(string campaign, long id) => $"/campaigns/{campaign}/evaluation/appeals/{id}";
}

