using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Statistics;

/// <summary>
/// A pre-aggregated figure: one indicator, one unit, one province-local day, and for figures counted from case records one
/// combination of category, place type and victim groups. Statistics sum these instead of scanning records or reports.
/// Derived data: kept current through <see cref="FactSql"/> by the features whose rows give them (Reporting's ReportFacts,
/// Records' RecordFacts), rebuilt from scratch by <see cref="Facts.RebuildAsync"/>, never audited row by row (their sources are).
/// </summary>
[NotAudited]
public sealed class DailyFact
{
    /// <summary>Figures counted from case records belong to no campaign.</summary>
    public const int NoCampaign = 0;

    public int IndicatorId { get; set; }

    /// <summary>
    /// The campaign whose reports gave a reported figure; <see cref="NoCampaign"/> (0) for figures counted from records.
    /// Two campaigns reporting the same indicator for the same unit and day keep separate facts, and statistics take a campaign.
    /// </summary>
    public int CampaignId { get; set; }

    /// <summary>The day: a report's period start (a weekly report counts on its Monday); a record's filed or solved date by the rule.</summary>
    public DateOnly Day { get; set; }

    public int UnitId { get; set; }

    /// <summary>The record's category; empty for reported figures.</summary>
    public string Category { get; set; } = "";

    /// <summary>The record's place type; empty for reported figures.</summary>
    public string PlaceType { get; set; } = "";

    /// <summary>The record's victim groups as flags (<see cref="Statistics.VictimGroups"/>), so a case with two groups counts once in a total.</summary>
    public int VictimGroups { get; set; }

    public long Value { get; set; }
}

internal sealed class DailyFactConfiguration : IEntityTypeConfiguration<DailyFact>
{
    public void Configure(EntityTypeBuilder<DailyFact> e)
    {
        // Key order serves the statistics query: one indicator (and campaign), a day range, then the units of a subtree.
        e.HasKey(f => new { f.IndicatorId, f.CampaignId, f.Day, f.UnitId, f.Category, f.PlaceType, f.VictimGroups });
        e.Property(f => f.Category).HasMaxLength(40);
        e.Property(f => f.PlaceType).HasMaxLength(40);
    }
}
