using Centurion.Features.Units;
using Centurion.Infrastructure;

namespace Centurion.Features.Campaigns;

public enum Cadence { Daily, Weekly }

/// <summary>A time-boxed special campaign (专项行动): its dates, who reports what and by when, its phases, tasks and leader links.</summary>
public sealed class Campaign
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

/// <summary>A unit that reports in the campaign.</summary>
public sealed class CampaignUnit : IUnitOwned
{
    public int CampaignId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

public sealed class CampaignIndicator
{
    public int CampaignId { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int Order { get; set; }
}
