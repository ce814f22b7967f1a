using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Reporting;

public enum RevisionStatus { Draft, Submitted, Returned, Approved }

/// <summary>
/// One unit's report for one period of a campaign. Its figures live in revisions: the first is the report as filed,
/// each later one a correction with a reason. Nothing is overwritten once submitted.
/// </summary>
public sealed class Report : IUnitOwned
{
    public long Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateTime DeadlineUtc { get; set; }

    /// <summary>When the report was first submitted; lateness is judged on this, not on later corrections.</summary>
    public DateTime? FirstSubmittedUtc { get; set; }
    public bool Late { get; set; }

    /// <summary>Incremented on every change; a save carrying an older version is refused.</summary>
    public int Version { get; set; }

    public List<ReportRevision> Revisions { get; set; } = [];
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> e)
    {
        e.HasIndex(r => new { r.CampaignId, r.UnitId, r.PeriodStart }).IsUnique();
        e.HasIndex(r => new { r.CampaignId, r.PeriodStart });
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Revisions).WithOne(v => v.Report).HasForeignKey(v => v.ReportId);
    }
}

public sealed class ReportRevision : IUnitOwned
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public Report? Report { get; set; }
    public int UnitId { get; set; }
    public int Number { get; set; }
    public RevisionStatus Status { get; set; }
    public bool Nil { get; set; }

    /// <summary>Why a correction was made (required from the second revision on).</summary>
    public string? Reason { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? ReturnReason { get; set; }

    /// <summary>The revision whose figures count: the latest submitted or approved one. At most one per report.</summary>
    public bool Effective { get; set; }

    public List<ReportValue> Values { get; set; } = [];
}

internal sealed class ReportRevisionConfiguration : IEntityTypeConfiguration<ReportRevision>
{
    public void Configure(EntityTypeBuilder<ReportRevision> e)
    {
        e.HasIndex(r => new { r.ReportId, r.Number }).IsUnique();
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        e.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.RevisionId);
    }
}

public sealed class ReportValue : IUnitOwned
{
    public long RevisionId { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int UnitId { get; set; }
    public long Value { get; set; }

    /// <summary>The value was far outside the unit's own history and the submitter confirmed it.</summary>
    public bool Confirmed { get; set; }
}

internal sealed class ReportValueConfiguration : IEntityTypeConfiguration<ReportValue>
{
    public void Configure(EntityTypeBuilder<ReportValue> e)
    {
        e.HasKey(v => new { v.RevisionId, v.IndicatorId });
        e.HasIndex(v => new { v.UnitId, v.IndicatorId });
        e.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
