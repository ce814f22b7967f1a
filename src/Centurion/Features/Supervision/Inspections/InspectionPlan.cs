using Centurion.Features.Supervision.Teams;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Supervision.Inspections;

public enum PlanState { Planned, CarriedOut, Cancelled }

/// <summary>Where a plan's target sits: the unit (for a key place, the place's unit), its ancestors below the province, and the key place if any.</summary>
public sealed record PlanTarget(int UnitId, IReadOnlyCollection<int> Chain, long? KeyPlaceId = null);

/// <summary>A team member and the units of their own chain (their unit and its ancestors below the province), for the conflict rule.</summary>
public sealed record MemberChain(string UserName, int UnitId, IReadOnlyCollection<int> Chain);

public sealed record PlanDetails(DateOnly PlannedOn, string? Focus, IReadOnlyList<string> Checklist);

/// <summary>
/// An unannounced inspection plan (四不两直): a team, a target (a unit, or a key place and its unit), a date, a focus and a
/// checklist. Planned → carried out (with its <see cref="Inspection"/>) or cancelled. Until carried out it exists only for
/// the team and the campaign office (<see cref="InspectionPlans.VisibleTo"/>); its audit rows belong to the office's unit.
/// </summary>
public sealed class InspectionPlan : IAuditedUnit
{
    public const int MaxChecklist = 30, ItemLength = 200, FocusLength = 500;

    public long Id { get; private set; }
    public int TeamId { get; private set; }
    public SupervisionTeam? Team { get; private set; }
    public int TargetUnitId { get; private set; }
    public Units.Unit? TargetUnit { get; private set; }
    public long? KeyPlaceId { get; private set; }
    public DateOnly PlannedOn { get; private set; }
    public string Focus { get; private set; } = "";

    /// <summary>The checklist items, one a line.</summary>
    public string Checklist { get; private set; } = "";
    public PlanState State { get; private set; }
    public long? DrawId { get; private set; }
    public TargetDraw? Draw { get; private set; }
    public string PlannedBy { get; private set; } = "";
    public DateTime PlannedUtc { get; private set; }
    public string? CancelReason { get; private set; }
    public int OfficeUnitId { get; private set; }
    public int Version { get; private set; }
    public Inspection? Inspection { get; private set; }

    private readonly List<PlanChange> _history = [];
    public IReadOnlyList<PlanChange> History => _history;

    int? IAuditedUnit.AuditUnitId => OfficeUnitId;

    private InspectionPlan() { }

    public IReadOnlyList<string> ChecklistItems => Checklist.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Plans an inspection. Refused: a target outside the team's prefectures (422), a member from the target's own chain (409:
    /// a conflict of interest), a date already past, a checklist that is empty or too long.
    /// </summary>
    public static InspectionPlan Make(SupervisionTeam team, PlanTarget target, IReadOnlyList<MemberChain> members, PlanDetails details,
        TargetDraw? draw, string by, DateTime at)
    {
        if (!team.Prefectures.Any(p => target.Chain.Contains(p.UnitId)))
            throw DomainException.Invalid(new("检查对象不在本督导组联系的市（州）内。", "The target is outside the team's linked prefectures."),
                new Dictionary<string, string[]> { ["target"] = [new Phrase("须在联系市（州）内", "must lie in the linked prefectures")] });
        var conflicted = PlanRules.Conflicted(target, members);
        if (conflicted.Count > 0)
            throw DomainException.Conflict(new($"回避：{string.Join("、", conflicted)} 属于被检查单位所在的系统（本单位或其上下级），不能参加这次检查。",
                $"Conflict of interest: {string.Join(", ", conflicted)} belong(s) to the inspected unit's own chain and cannot take part."));
        var today = DateOnly.FromDateTime(ProvinceTime.ToLocal(at));
        if (details.PlannedOn < today)
            throw DomainException.Invalid(new("计划日期不能早于今天。", "The planned date cannot be before today."),
                new Dictionary<string, string[]> { ["plannedOn"] = [new Phrase("不能早于今天", "not before today")] });
        var plan = new InspectionPlan
        {
            TeamId = team.Id, Team = team, TargetUnitId = target.UnitId, KeyPlaceId = target.KeyPlaceId, PlannedOn = details.PlannedOn,
            Focus = PlanRules.Focus(details.Focus), Checklist = string.Join("\n", PlanRules.Checklist(details.Checklist)), State = PlanState.Planned,
            Draw = draw, PlannedBy = by, PlannedUtc = at, OfficeUnitId = team.OfficeUnitId,
        };
        plan._history.Add(new PlanChange(plan.OfficeUnitId, by, at, null, PlanState.Planned, draw is null ? null : $"seed {draw.Seed}"));
        return plan;
    }

    /// <summary>Records the inspection: when it happened (not in the future, not before the plan was made), who went, and an answer for every checklist item.</summary>
    public Inspection CarryOut(DateTime happenedUtc, IReadOnlyList<string> went, IReadOnlyList<ChecklistAnswerInput> answers, string by, DateTime at)
    {
        RequirePlanned(PlanState.CarriedOut);
        var errors = new Dictionary<string, string[]>();
        if (happenedUtc > at) errors["happenedAt"] = [new Phrase("不能晚于现在", "not in the future")];
        if (happenedUtc < PlannedUtc) errors["happenedAt"] = [new Phrase("不能早于制定计划的时间", "not before the plan was made")];
        var people = went.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToList();
        if (people.Count == 0) errors["went"] = [new Phrase("请填写参加检查的人员", "say who went")];
        if (people.Any(p => p.Length > 100)) errors["went"] = [new Phrase("每人最多 100 个字", "at most 100 characters each")];
        var items = ChecklistItems;
        if (answers.Count != items.Count || answers.Any(a => a.Item < 0 || a.Item >= items.Count) || answers.Select(a => a.Item).Distinct().Count() != items.Count)
            errors["answers"] = [new Phrase($"检查清单的 {items.Count} 项都须作答", $"answer each of the {items.Count} checklist items")];
        if (answers.Any(a => a.Note?.Trim().Length > 500)) errors["answers"] = [new Phrase("说明最多 500 个字", "a note is at most 500 characters")];
        if (errors.Count > 0) throw DomainException.Invalid(new("检查记录未保存：请改正标出的错误。", "The inspection was not recorded: correct the errors marked."), errors);
        Move(PlanState.CarriedOut, by, at, null);
        Inspection = new Inspection(this, happenedUtc, string.Join("、", people),
            [.. answers.OrderBy(a => a.Item).Select(a => new ChecklistAnswer(a.Item, items[a.Item], a.Passed, a.Note, OfficeUnitId))], by, at);
        return Inspection;
    }

    public void Cancel(string? reason, string by, DateTime at)
    {
        RequirePlanned(PlanState.Cancelled);
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
            throw DomainException.Invalid(new("取消检查计划须说明理由。", "Cancelling a plan needs a reason."),
                new Dictionary<string, string[]> { ["reason"] = [new Phrase("必填", "required")] });
        if (why.Length > 500) throw DomainException.Invalid(new("理由最多 500 个字。", "The reason is at most 500 characters."));
        Move(PlanState.Cancelled, by, at, why);
        CancelReason = why;
    }

    private void Move(PlanState to, string by, DateTime at, string? reason)
    {
        RequirePlanned(to);
        _history.Add(new PlanChange(OfficeUnitId, by, at, State, to, reason));
        State = to;
        Version++;
    }

    private void RequirePlanned(PlanState to)
    {
        if (State != PlanState.Planned)
            throw DomainException.Conflict(new($"检查计划当前为“{SupervisionText.PlanState(State).Zh}”，不能再改为“{SupervisionText.PlanState(to).Zh}”。",
                $"The plan is {SupervisionText.PlanState(State).En.ToLowerInvariant()}; it cannot become {SupervisionText.PlanState(to).En.ToLowerInvariant()}."));
    }
}

public sealed record ChecklistAnswerInput(int Item, bool Passed, string? Note = null);

/// <summary>The plan's rules that need no database: the conflict of interest and the text limits.</summary>
public static class PlanRules
{
    /// <summary>
    /// Members who belong to the target's own chain: whose unit is the target or above it below the province, or below the
    /// target. Members at the province (the campaign office's and the department's own staff) are never in conflict.
    /// </summary>
    public static IReadOnlyList<string> Conflicted(PlanTarget target, IEnumerable<MemberChain> members) =>
        [.. members.Where(m => target.Chain.Contains(m.UnitId) || m.Chain.Contains(target.UnitId)).Select(m => m.UserName)];

    public static string Focus(string? focus)
    {
        var f = focus?.Trim() ?? "";
        if (f.Length is 0 or > InspectionPlan.FocusLength)
            throw DomainException.Invalid(new($"请填写检查重点，最多 {InspectionPlan.FocusLength} 个字。", $"The focus is required, at most {InspectionPlan.FocusLength} characters."),
                new Dictionary<string, string[]> { ["focus"] = [new Phrase("必填", "required")] });
        return f;
    }

    public static IReadOnlyList<string> Checklist(IReadOnlyList<string> items)
    {
        var list = items.Select(i => i.Replace('\r', ' ').Replace('\n', ' ').Trim()).Where(i => i.Length > 0).ToList();
        if (list.Count is 0 or > InspectionPlan.MaxChecklist || list.Any(i => i.Length > InspectionPlan.ItemLength))
            throw DomainException.Invalid(new($"检查清单须有 1 至 {InspectionPlan.MaxChecklist} 项，每项最多 {InspectionPlan.ItemLength} 个字。",
                $"The checklist needs 1 to {InspectionPlan.MaxChecklist} items, each at most {InspectionPlan.ItemLength} characters."),
                new Dictionary<string, string[]> { ["checklist"] = [new Phrase("一行一项", "one item a line")] });
        return list;
    }
}

/// <summary>
/// The random draw of a plan's target among the team's prefectures' counties, stations and active key places. Seed and
/// candidates (in order) are stored, so anyone can re-run it (<see cref="Reproduce"/>). The same generator as the
/// emergency-duty spot checks.
/// </summary>
public sealed class TargetDraw : IAuditedUnit
{
    public long Id { get; private set; }
    public int TeamId { get; private set; }
    public long Seed { get; private set; }

    /// <summary>Candidate codes in order: a unit's code, or <c>KP</c> and a key place's id; comma-separated.</summary>
    public string Candidates { get; private set; } = "";
    public string Drawn { get; private set; } = "";
    public string DrawnBy { get; private set; } = "";
    public DateTime DrawnUtc { get; private set; }
    public int OfficeUnitId { get; private set; }
    int? IAuditedUnit.AuditUnitId => OfficeUnitId;

    private TargetDraw() { }

    public IReadOnlyList<string> CandidateCodes => Candidates.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public string Reproduce() => Ledgers.SpotChecks.DutyDraw.Pick((ulong)Seed, CandidateCodes, 1)[0];

    public static TargetDraw Make(SupervisionTeam team, ulong seed, IReadOnlyList<string> candidates, string by, DateTime at)
    {
        if (candidates.Count == 0)
            throw DomainException.Invalid(new("联系市（州）内没有可抽取的检查对象（可能都需回避）。", "There is nothing to draw in the linked prefectures (every candidate may be in conflict)."));
        return new TargetDraw
        {
            TeamId = team.Id, Seed = (long)seed, Candidates = string.Join(",", candidates), Drawn = Ledgers.SpotChecks.DutyDraw.Pick(seed, candidates, 1)[0],
            DrawnBy = by, DrawnUtc = at, OfficeUnitId = team.OfficeUnitId,
        };
    }
}

public sealed class PlanChange : IAuditedUnit
{
    public long Id { get; private set; }
    public long PlanId { get; private set; }
    public int OfficeUnitId { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string? From { get; private set; }
    public string To { get; private set; } = "";
    public string? Reason { get; private set; }
    int? IAuditedUnit.AuditUnitId => OfficeUnitId;

    private PlanChange() { }

    internal PlanChange(int officeUnitId, string by, DateTime at, PlanState? from, PlanState to, string? reason) =>
        (OfficeUnitId, By, AtUtc, From, To, Reason) = (officeUnitId, by, at, from?.ToString(), to.ToString(), reason);
}

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> e)
    {
        e.ToTable("InspectionPlans");
        e.HasIndex(p => new { p.TeamId, p.State });
        e.HasIndex(p => p.TargetUnitId);
        e.Property(p => p.Focus).HasMaxLength(InspectionPlan.FocusLength);
        e.Property(p => p.Checklist).HasMaxLength(InspectionPlan.MaxChecklist * (InspectionPlan.ItemLength + 1));
        e.Property(p => p.State).HasConversion<string>().HasMaxLength(12);
        e.Property(p => p.PlannedBy).HasMaxLength(256);
        e.Property(p => p.CancelReason).HasMaxLength(500);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasOne(p => p.Team).WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.TargetUnit).WithMany().HasForeignKey(p => p.TargetUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Ledgers.KeyPlaces.KeyPlace>().WithMany().HasForeignKey(p => p.KeyPlaceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Draw).WithMany().HasForeignKey(p => p.DrawId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Inspection).WithOne(i => i.Plan).HasForeignKey<Inspection>(i => i.PlanId);
        e.HasMany(p => p.History).WithOne().HasForeignKey(c => c.PlanId);
        e.Navigation(p => p.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TargetDrawConfiguration : IEntityTypeConfiguration<TargetDraw>
{
    public void Configure(EntityTypeBuilder<TargetDraw> e)
    {
        e.ToTable("InspectionTargetDraws");
        e.Property(d => d.Drawn).HasMaxLength(40);
        e.Property(d => d.DrawnBy).HasMaxLength(256);
        e.HasOne<SupervisionTeam>().WithMany().HasForeignKey(d => d.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanChangeConfiguration : IEntityTypeConfiguration<PlanChange>
{
    public void Configure(EntityTypeBuilder<PlanChange> e)
    {
        e.ToTable("InspectionPlanChanges");
        e.Property(c => c.By).HasMaxLength(256);
        e.Property(c => c.From).HasMaxLength(16);
        e.Property(c => c.To).HasMaxLength(16);
        e.Property(c => c.Reason).HasMaxLength(500);
    }
}
