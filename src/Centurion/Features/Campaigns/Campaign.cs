using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Campaigns;

public enum Cadence { Daily, Weekly }

/// <summary>
/// A time-boxed special campaign (专项行动): its dates, who reports what and by when, and its plan: phases, key tasks,
/// leader links and participating units. The plan changes only through the operations below, which keep its rules
/// (<see cref="PlanRules"/>) and refuse a change after the campaign's last day (409) or one that breaks a rule (422, by field).
/// </summary>
public sealed class Campaign : IAuditedUnit
{
    private readonly List<CampaignPhase> _phases = [];
    private readonly List<CampaignTask> _tasks = [];
    private readonly List<LeaderLink> _leaderLinks = [];
    private readonly List<CampaignUnit> _units = [];

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

    public IReadOnlyList<CampaignPhase> Phases => _phases;
    public List<CampaignIndicator> Indicators { get; set; } = [];
    public IReadOnlyList<CampaignTask> Tasks => _tasks;
    public IReadOnlyList<LeaderLink> LeaderLinks => _leaderLinks;
    public IReadOnlyList<CampaignUnit> Units => _units;

    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameZh;

    int? IAuditedUnit.AuditUnitId => RootUnitId;

    /// <summary>Whether the plan may still change on <paramref name="today"/> (province time).</summary>
    public bool PlanOpen(DateOnly today) => PlanRules.IsOpen(this, today);

    private void RequirePlanOpen(DateOnly today)
    {
        if (!PlanOpen(today)) throw PlanRules.Closed(this);
    }

    // Each operation below needs the collection it changes loaded (CampaignPlan loads it), since its rules look at the others.

    public CampaignPhase AddPhase(NewPhase input, DateOnly today)
    {
        RequirePlanOpen(today);
        return PlanPhase(input);
    }

    /// <summary>Adds a phase without the date gate: for a campaign being created, which may be recorded after it ran.</summary>
    internal CampaignPhase PlanPhase(NewPhase input)
    {
        CheckPhase(null, input);
        var phase = new CampaignPhase();
        phase.Set(input);
        _phases.Add(phase);
        return phase;
    }

    public CampaignPhase ChangePhase(int id, NewPhase input, DateOnly today)
    {
        RequirePlanOpen(today);
        var phase = FindPhase(id);
        CheckPhase(phase, input);
        phase.Set(input);
        return phase;
    }

    public void RemovePhase(int id, DateOnly today)
    {
        RequirePlanOpen(today);
        var phase = FindPhase(id);
        phase.RemovedFrom(this);
        _phases.Remove(phase);
    }

    private CampaignPhase FindPhase(int id) => _phases.FirstOrDefault(p => p.Id == id)
        ?? throw DomainException.NotFound(new($"本行动没有阶段 {id}。", $"The campaign has no phase {id}."));

    private void CheckPhase(CampaignPhase? phase, NewPhase input)
    {
        var errors = new FieldErrors();
        PlanRules.CheckPhase(errors, this, input, _phases.Where(p => p != phase).Select(p => new NewPhase(p.NameZh, p.NameEn, p.StartDate, p.EndDate)));
        errors.ThrowIfAny(PlanRules.NotSaved);
    }

    /// <param name="unresolved">What the caller found wrong in the input's codes (a line, unit or user that is not there), refused together with the task's own rules.</param>
    public CampaignTask AddTask(NewTask input, TaskParties parties, FieldErrors unresolved, DateOnly today)
    {
        RequirePlanOpen(today);
        return PlanTask(input, parties, unresolved);
    }

    internal CampaignTask PlanTask(NewTask input, TaskParties parties, FieldErrors unresolved)
    {
        PlanRules.CheckTask(unresolved, this, input);
        unresolved.ThrowIfAny(PlanRules.NotSaved);
        var task = new CampaignTask();
        task.Set(input, parties);
        _tasks.Add(task);
        return task;
    }

    /// <summary>Changes what a task is and who answers for it; its state is kept.</summary>
    public CampaignTask ChangeTask(int id, NewTask input, TaskParties parties, FieldErrors unresolved, DateOnly today)
    {
        RequirePlanOpen(today);
        var task = FindTask(id);
        PlanRules.CheckTask(unresolved, this, input);
        unresolved.ThrowIfAny(PlanRules.NotSaved);
        task.Set(input, parties);
        return task;
    }

    /// <summary>Removes a task not yet taken up; one being tracked (anything but open) stays, so that no progress or its history is lost with it (409).</summary>
    public void RemoveTask(int id, DateOnly today)
    {
        RequirePlanOpen(today);
        var task = FindTask(id);
        if (task.State != TaskState.Open)
            throw DomainException.Conflict(new($"任务“{task.TitleZh}”已在推进（{TaskText.StateName(task.State).Zh}），有进展记录，不能删除。",
                $"The task \"{(task.TitleEn.Length > 0 ? task.TitleEn : task.TitleZh)}\" is being tracked ({TaskText.StateName(task.State).En.ToLowerInvariant()}) and has progress on record; it cannot be removed."));
        task.RemovedFrom(this);
        _tasks.Remove(task);
    }

    private CampaignTask FindTask(int id) => _tasks.FirstOrDefault(t => t.Id == id)
        ?? throw DomainException.NotFound(new($"本行动没有任务 {id}。", $"The campaign has no task {id}."));

    /// <param name="prefecture">The prefecture the input's code names within the campaign, or null when it names none (reported with the rest).</param>
    public LeaderLink LinkLeader(NewLeaderLink input, Unit? prefecture, FieldErrors unresolved, DateOnly today)
    {
        RequirePlanOpen(today);
        return PlanLeaderLink(input, prefecture, unresolved);
    }

    internal LeaderLink PlanLeaderLink(NewLeaderLink input, Unit? prefecture, FieldErrors unresolved)
    {
        CheckLeaderLink(null, input, prefecture, unresolved);
        var link = new LeaderLink();
        link.Set(input, prefecture!);
        _leaderLinks.Add(link);
        return link;
    }

    public LeaderLink ChangeLeaderLink(int id, NewLeaderLink input, Unit? prefecture, FieldErrors unresolved, DateOnly today)
    {
        RequirePlanOpen(today);
        var link = FindLeaderLink(id);
        CheckLeaderLink(link, input, prefecture, unresolved);
        link.Set(input, prefecture!);
        return link;
    }

    public void RemoveLeaderLink(int id, DateOnly today)
    {
        RequirePlanOpen(today);
        _leaderLinks.Remove(FindLeaderLink(id));
    }

    private LeaderLink FindLeaderLink(int id) => _leaderLinks.FirstOrDefault(l => l.Id == id)
        ?? throw DomainException.NotFound(new($"本行动没有领导联系 {id}。", $"The campaign has no leader link {id}."));

    private void CheckLeaderLink(LeaderLink? link, NewLeaderLink input, Unit? prefecture, FieldErrors errors)
    {
        PlanRules.CheckLeaderLink(errors, input);
        var name = input.LeaderName?.Trim() ?? "";
        if (prefecture is not null && _leaderLinks.Any(l => l != link && l.LeaderName == name && l.UnitId == prefecture.Id))
            errors.Add("unitCode", new($"{name} 已联系 {prefecture.NameZh}。", $"{name} is already linked to {prefecture.NameEn}."));
        errors.ThrowIfAny(PlanRules.NotSaved);
    }

    /// <summary>The units that report, when the campaign is created.</summary>
    internal void Enrol(IEnumerable<int> unitIds) => _units.AddRange(unitIds.Select(id => new CampaignUnit(id)));

    /// <summary>A unit joins at the campaign's reporting level; <paramref name="unit"/> is null when the code names no unit within the campaign.</summary>
    public CampaignUnit AddUnit(string? code, Unit? unit, DateOnly today)
    {
        RequirePlanOpen(today);
        if (unit is null || unit.Level != ReportingLevel)
        {
            var errors = new FieldErrors();
            var level = UnitText.LevelName(ReportingLevel);
            errors.Add("unitCode", new($"{code} 不是本行动范围内的{level.Zh}单位。", $"{code} is not a unit at {level.En.ToLowerInvariant()} level within the campaign."));
            errors.ThrowIfAny(PlanRules.NotSaved);
        }
        if (_units.Any(u => u.UnitId == unit!.Id))
            throw DomainException.Conflict(new($"{unit!.NameZh} 已是本行动的填报单位。", $"{unit!.NameEn} already reports in the campaign."));
        var row = new CampaignUnit(unit!);
        _units.Add(row);
        return row;
    }

    /// <summary>Removes a unit that has not reported; one with <paramref name="reports"/> stays, so that no figure is ever deleted with it.</summary>
    public void RemoveUnit(string code, int reports, DateOnly today)
    {
        RequirePlanOpen(today);
        var row = _units.FirstOrDefault(u => u.Unit?.Code == code)
            ?? throw DomainException.NotFound(new($"{code} 不是本行动的填报单位。", $"{code} is not a reporting unit of the campaign."));
        if (reports > 0)
            throw DomainException.Conflict(new($"{row.Unit!.NameZh} 在本行动已有 {reports} 份报表，不能移出。",
                $"{row.Unit!.NameEn} has {reports} {(reports == 1 ? "report" : "reports")} in the campaign and cannot be removed."));
        _units.Remove(row);
    }
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
        e.HasMany(c => c.Phases).WithOne(p => p.Campaign).HasForeignKey(p => p.CampaignId);
        e.HasMany(c => c.Tasks).WithOne(t => t.Campaign).HasForeignKey(t => t.CampaignId);
        e.HasMany(c => c.LeaderLinks).WithOne().HasForeignKey(l => l.CampaignId);
        e.HasMany(c => c.Units).WithOne().HasForeignKey(u => u.CampaignId);
        e.HasMany(c => c.Indicators).WithOne().HasForeignKey(i => i.CampaignId);
    }
}

/// <summary>A phase of the campaign's plan (动员部署, 集中打击…); changed through the campaign's operations.</summary>
public sealed class CampaignPhase : IAuditedUnit
{
    internal CampaignPhase() { }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public Campaign? Campaign { get; private set; }
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }

    internal void Set(NewPhase p)
    {
        (NameZh, NameEn) = (p.NameZh.Trim(), p.NameEn?.Trim() ?? "");
        (StartDate, EndDate) = (p.StartDate, p.EndDate);
    }

    // Audited under the unit that runs the campaign, so its office reads the plan's changes in its own audit; removal
    // cuts the link to the campaign before the audit reads it, so the unit is kept here.
    private int? _removedFromUnitId;

    internal void RemovedFrom(Campaign c) => _removedFromUnitId = c.RootUnitId;

    int? IAuditedUnit.AuditUnitId => Campaign?.RootUnitId ?? _removedFromUnitId;
}

/// <summary>A department leader linked to a prefecture (联系市州), who leads the supervision team there.</summary>
public sealed class LeaderLink : IUnitOwned
{
    internal LeaderLink() { }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string LeaderName { get; private set; } = "";
    public string LeaderTitle { get; private set; } = "";
    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }

    internal void Set(NewLeaderLink l, Unit prefecture)
    {
        (LeaderName, LeaderTitle) = (l.LeaderName.Trim(), l.LeaderTitle?.Trim() ?? "");
        (UnitId, Unit) = (prefecture.Id, prefecture);
    }
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
    private CampaignUnit() { }

    internal CampaignUnit(int unitId) => UnitId = unitId;

    internal CampaignUnit(Unit unit) : this(unit.Id) => Unit = unit;

    public int CampaignId { get; private set; }
    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }
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
