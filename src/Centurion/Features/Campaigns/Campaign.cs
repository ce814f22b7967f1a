using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Campaigns;

public enum Cadence { Daily, Weekly }

/// <summary>A time-boxed special campaign (专项行动): its dates, who reports what and by when, its phases, tasks and leader links.</summary>
public sealed class Campaign : IAuditedUnit
{
    public int Id { get; set; }

    /// <summary>A short code used in addresses and commands, e.g. summer-2022.</summary>
    public required string Code { get; set; }

    public required string NameZh { get; set; }
    public string NameEn { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public Cadence Cadence { get; set; }

    /// <summary>A period's report is due this many days after the period ends, at <see cref="DeadlineTime"/> province time.</summary>
    public int DeadlineDaysAfter { get; set; } = 1;
    public TimeOnly DeadlineTime { get; set; } = new(10, 0);

    /// <summary>The level whose units file reports; everything above rolls up.</summary>
    public UnitLevel ReportingLevel { get; set; } = UnitLevel.County;

    /// <summary>The unit that runs the campaign, usually the province.</summary>
    public int RootUnitId { get; set; }
    public Unit? RootUnit { get; set; }

    public DateTime CreatedUtc { get; set; }

    public List<CampaignPhase> Phases { get; set; } = [];
    public List<CampaignIndicator> Indicators { get; set; } = [];
    public List<CampaignTask> Tasks { get; set; } = [];
    public List<LeaderLink> LeaderLinks { get; set; } = [];
    public List<CampaignUnit> Units { get; set; } = [];

    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameZh;

    int? IAuditedUnit.AuditUnitId => RootUnitId;
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.HasIndex(c => c.Code).IsUnique();
        e.Property(c => c.Code).HasMaxLength(40);
        e.Property(c => c.Cadence).HasConversion<string>().HasMaxLength(10);
        e.Property(c => c.ReportingLevel).HasConversion<string>().HasMaxLength(16);
        e.HasOne(c => c.RootUnit).WithMany().HasForeignKey(c => c.RootUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.CampaignId);
        e.HasMany(c => c.Tasks).WithOne().HasForeignKey(t => t.CampaignId);
        e.HasMany(c => c.LeaderLinks).WithOne().HasForeignKey(l => l.CampaignId);
        e.HasMany(c => c.Units).WithOne().HasForeignKey(u => u.CampaignId);
        e.HasMany(c => c.Indicators).WithOne().HasForeignKey(i => i.CampaignId);
    }
}

public sealed class CampaignPhase
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public required string NameZh { get; set; }
    public string NameEn { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
}

public enum TaskState { Open, InProgress, Done }

/// <summary>A key task from the work plan (职责任务清单): what, which line owns it, by when.</summary>
public sealed class CampaignTask
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public required string TitleZh { get; set; }
    public string TitleEn { get; set; } = "";
    public int? OwnerLineId { get; set; }
    public Line? OwnerLine { get; set; }
    public DateOnly Deadline { get; set; }
    public TaskState State { get; set; }
}

internal sealed class CampaignTaskConfiguration : IEntityTypeConfiguration<CampaignTask>
{
    public void Configure(EntityTypeBuilder<CampaignTask> e)
    {
        e.Property(t => t.State).HasConversion<string>().HasMaxLength(12);
        e.HasOne(t => t.OwnerLine).WithMany().HasForeignKey(t => t.OwnerLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A department leader linked to a prefecture (联系市州), who leads the supervision team there.</summary>
public sealed class LeaderLink : IUnitOwned
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public required string LeaderName { get; set; }
    public string LeaderTitle { get; set; } = "";
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

internal sealed class LeaderLinkConfiguration : IEntityTypeConfiguration<LeaderLink>
{
    public void Configure(EntityTypeBuilder<LeaderLink> e)
    {
        e.HasOne(l => l.Unit).WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A unit that reports in the campaign.</summary>
public sealed class CampaignUnit : IUnitOwned
{
    public int CampaignId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

internal sealed class CampaignUnitConfiguration : IEntityTypeConfiguration<CampaignUnit>
{
    public void Configure(EntityTypeBuilder<CampaignUnit> e)
    {
        e.HasKey(u => new { u.CampaignId, u.UnitId });
        e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CampaignIndicator
{
    public int CampaignId { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int Order { get; set; }
}

internal sealed class CampaignIndicatorConfiguration : IEntityTypeConfiguration<CampaignIndicator>
{
    public void Configure(EntityTypeBuilder<CampaignIndicator> e)
    {
        e.HasKey(i => new { i.CampaignId, i.IndicatorId });
        e.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
