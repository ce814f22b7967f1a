using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Campaigns;

public enum TaskState { Open, InProgress, Done, Verified }

/// <summary>Who may make a move on a key task: the responsible unit reports, the campaign office checks.</summary>
public enum TaskParty { ResponsibleUnit, Office }

/// <summary>A task's owner line, responsible unit and responsible user as resolved from their codes (each may be none).</summary>
public sealed record TaskParties(int? OwnerLineId, int? ResponsibleUnitId, string? ResponsibleUserId);

/// <summary>
/// A key task from the work plan (职责任务清单): what, which line owns it, which unit and person answer for it, by when; and
/// its tracking, as a rectification item's: open → in progress (each progress note, with its evidence, keeps it there) →
/// done (reported by the responsible unit, with a note) → verified by the campaign office; or returned, with a reason, to
/// in progress. Every move and every progress note is a history row. Overdue is read from the clock (<see cref="IsOverdue"/>),
/// never stored. What the task is changes through the campaign's plan operations; its tracking only through the moves below.
/// </summary>
public sealed class CampaignTask : IAuditedUnit
{
    public const int NoteLength = 1000;

    internal CampaignTask() { }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public Campaign? Campaign { get; private set; }
    public string TitleZh { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public int? OwnerLineId { get; private set; }
    public Line? OwnerLine { get; private set; }
    public int? ResponsibleUnitId { get; private set; }
    public Unit? ResponsibleUnit { get; private set; }

    /// <summary>The responsible person when they are a user of the system; otherwise <see cref="ResponsibleName"/> is typed in.</summary>
    public string? ResponsibleUserId { get; private set; }
    public string ResponsibleName { get; private set; } = "";
    public string ResponsibleTitle { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    public TaskState State { get; private set; }
    public string? ReturnReason { get; private set; }
    public int Returns { get; private set; }
    public DateTime? VerifiedUtc { get; private set; }
    public int Version { get; private set; }

    private readonly List<TaskChange> _history = [];
    public IReadOnlyList<TaskChange> History => _history;

    /// <summary>Which party each move belongs to (the campaign office may make any).</summary>
    public static readonly IReadOnlyDictionary<string, TaskParty> Moves = new Dictionary<string, TaskParty>
    {
        ["progress"] = TaskParty.ResponsibleUnit, ["done"] = TaskParty.ResponsibleUnit,
        ["verify"] = TaskParty.Office, ["return"] = TaskParty.Office,
    };

    internal void Set(NewTask t, TaskParties parties)
    {
        (TitleZh, TitleEn, Deadline) = (t.TitleZh.Trim(), t.TitleEn?.Trim() ?? "", t.Deadline);
        (OwnerLineId, ResponsibleUnitId, ResponsibleUserId) = parties;
        (ResponsibleName, ResponsibleTitle) = (t.ResponsibleName?.Trim() ?? "", t.ResponsibleTitle?.Trim() ?? "");
    }

    /// <summary>A progress note (what was done, its evidence): takes an open task up, and keeps one in progress in progress.</summary>
    public TaskChange ReportProgress(string? note, string by, DateTime at) =>
        Move("progress", TaskState.InProgress, by, at, Required(note, "note", new("进展情况须写明做了什么、有何佐证。", "A progress note needs what was done and its evidence.")),
            TaskState.Open, TaskState.InProgress);

    /// <summary>The responsible unit reports the task done, with what was achieved; the campaign office then verifies it.</summary>
    public TaskChange MarkDone(string? note, string by, DateTime at) =>
        Move("done", TaskState.Done, by, at, Required(note, "note", new("报告完成须写明完成情况。", "Reporting the task done needs a note of what was achieved.")),
            TaskState.InProgress);

    public TaskChange Verify(string? note, string by, DateTime at)
    {
        var change = Move("verify", TaskState.Verified, by, at, Optional(note), TaskState.Done);
        VerifiedUtc = at;
        return change;
    }

    /// <summary>The campaign office does not accept the report: back to in progress, with the reason.</summary>
    public TaskChange Return(string? reason, string by, DateTime at)
    {
        var why = Required(reason, "note", new("退回须说明理由。", "Returning needs a reason."));
        var change = Move("return", TaskState.InProgress, by, at, why, TaskState.Done);
        (ReturnReason, Returns) = (why, Returns + 1);
        return change;
    }

    /// <summary>Overdue once the deadline's day has ended in province time and the task is not verified.</summary>
    public bool IsOverdue(DateTime nowUtc) => IsOverdue(State, Deadline, nowUtc);

    public static bool IsOverdue(TaskState state, DateOnly deadline, DateTime nowUtc) =>
        state != TaskState.Verified && nowUtc >= ProvinceTime.StartUtc(deadline.AddDays(1));

    /// <summary>The moves the state allows now, whoever makes them.</summary>
    public IReadOnlyList<string> AllowedMoves() => State switch
    {
        TaskState.Open => ["progress"],
        TaskState.InProgress => ["progress", "done"],
        TaskState.Done => ["verify", "return"],
        _ => [],
    };

    private TaskChange Move(string move, TaskState to, string by, DateTime at, string? note, params TaskState[] from)
    {
        if (!from.Contains(State))
            throw DomainException.Conflict(new($"任务当前为“{TaskText.StateName(State).Zh}”，不能{TaskText.Move(move).Zh}。",
                $"The task is {TaskText.StateName(State).En.ToLowerInvariant()}; it cannot {TaskText.Cannot(move)}."));
        var change = new TaskChange(ResponsibleUnitId, by, at, State, to, note);
        _history.Add(change);
        State = to;
        Version++;
        return change;
    }

    private static string Required(string? text, string field, Phrase message)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) throw DomainException.Invalid(message, new Dictionary<string, string[]> { [field] = [new Phrase("必填", "required")] });
        if (t.Length > NoteLength)
            throw DomainException.Invalid(new($"说明最多 {NoteLength} 个字。", $"The note is at most {NoteLength} characters."),
                new Dictionary<string, string[]> { [field] = [$"≤ {NoteLength}"] });
        return t;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : Required(text, "note", TaskText.NotSaved);

    private int? _removedFromUnitId;

    internal void RemovedFrom(Campaign c) => _removedFromUnitId = c.RootUnitId;

    int? IAuditedUnit.AuditUnitId => Campaign?.RootUnitId ?? _removedFromUnitId;
}

/// <summary>One move or progress note of a key task (a progress note on a task in progress goes from in progress to in progress).</summary>
public sealed class TaskChange : IAuditedUnit
{
    public long Id { get; private set; }
    public int TaskId { get; private set; }

    /// <summary>The responsible unit when the change was made, so the unit's own audit shows its task's tracking.</summary>
    public int? UnitId { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public TaskState From { get; private set; }
    public TaskState To { get; private set; }
    public string? Note { get; private set; }

    private TaskChange() { }

    internal TaskChange(int? unitId, string by, DateTime at, TaskState from, TaskState to, string? note) =>
        (UnitId, By, AtUtc, From, To, Note) = (unitId, by, at, from, to, note);

    int? IAuditedUnit.AuditUnitId => UnitId;
}

internal sealed class CampaignTaskConfiguration : IEntityTypeConfiguration<CampaignTask>
{
    public void Configure(EntityTypeBuilder<CampaignTask> e)
    {
        e.Property(t => t.State).HasConversion<string>().HasMaxLength(12);
        e.HasOne(t => t.OwnerLine).WithMany().HasForeignKey(t => t.OwnerLineId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(t => t.ResponsibleUnit).WithMany().HasForeignKey(t => t.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<User>().WithMany().HasForeignKey(t => t.ResponsibleUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(t => t.ResponsibleName).HasMaxLength(PlanRules.PersonLength);
        e.Property(t => t.ResponsibleTitle).HasMaxLength(PlanRules.PersonLength);
        e.Property(t => t.ReturnReason).HasMaxLength(CampaignTask.NoteLength);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasIndex(t => new { t.ResponsibleUnitId, t.State });
        e.HasMany(t => t.History).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.Navigation(t => t.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TaskChangeConfiguration : IEntityTypeConfiguration<TaskChange>
{
    public void Configure(EntityTypeBuilder<TaskChange> e)
    {
        e.ToTable("CampaignTaskChanges");
        e.Property(c => c.By).HasMaxLength(256);
        e.Property(c => c.From).HasConversion<string>().HasMaxLength(12);
        e.Property(c => c.To).HasConversion<string>().HasMaxLength(12);
        e.Property(c => c.Note).HasMaxLength(CampaignTask.NoteLength);
        e.HasIndex(c => c.TaskId);
    }
}
