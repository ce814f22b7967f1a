using Centurion.Features.Supervision.Inspections;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Supervision.Rectification;

public enum ItemState { Assigned, InProgress, Submitted, Verified, ClosedOut }

/// <summary>Who may make a move: the responsible unit rectifies and submits, the team checks.</summary>
public enum ItemParty { ResponsibleUnit, Team }

public sealed record ItemDetails(string? ResponsiblePerson, string? Measure, DateOnly? Deadline);

/// <summary>
/// A rectification item (整改) from a finding: a responsible unit and person, a measure and a deadline. Assigned → in
/// progress → submitted (with an evidence note) → verified by the team → closed out (销号); a submission the team does not
/// accept is returned, with a reason, to in progress. A later inspection that finds the problem back reopens a verified or
/// closed-out item (in progress again, with a new deadline) and counts a recurrence. Overdue is read from the clock
/// (<see cref="IsOverdue"/>), never stored. Evidence files attach here (by the item's id) beside the note.
/// </summary>
public sealed class RectificationItem : IUnitOwned
{
    public const int MeasureLength = 1000, PersonLength = 100, NoteLength = 1000;

    public long Id { get; private set; }
    public long FindingId { get; private set; }
    public Finding? Finding { get; private set; }

    /// <summary>The responsible unit.</summary>
    public int UnitId { get; private set; }
    public Units.Unit? Unit { get; private set; }
    public string ResponsiblePerson { get; private set; } = "";
    public string Measure { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    public ItemState State { get; private set; }
    public string? EvidenceNote { get; private set; }
    public string? ReturnReason { get; private set; }
    public int Returns { get; private set; }
    public int Recurrences { get; private set; }
    public string AssignedBy { get; private set; } = "";
    public DateTime AssignedUtc { get; private set; }
    public DateTime? ClosedOutUtc { get; private set; }
    public int Version { get; private set; }

    private readonly List<ItemChange> _history = [];
    public IReadOnlyList<ItemChange> History => _history;

    private RectificationItem() { }

    /// <summary>Which party each move belongs to (the campaign office may make any).</summary>
    public static readonly IReadOnlyDictionary<string, ItemParty> Moves = new Dictionary<string, ItemParty>
    {
        ["start"] = ItemParty.ResponsibleUnit, ["submit"] = ItemParty.ResponsibleUnit,
        ["return"] = ItemParty.Team, ["verify"] = ItemParty.Team, ["close-out"] = ItemParty.Team, ["reopen"] = ItemParty.Team,
    };

    public static RectificationItem Assign(Finding finding, int unitId, ItemDetails d, string by, DateTime at)
    {
        var errors = new Dictionary<string, string[]>();
        var person = d.ResponsiblePerson?.Trim() ?? "";
        var measure = d.Measure?.Trim() ?? "";
        if (person.Length is 0 or > PersonLength) errors["responsiblePerson"] = [new Phrase($"请填写责任人（最多 {PersonLength} 字）", $"name the responsible person (at most {PersonLength} characters)")];
        if (measure.Length is 0 or > MeasureLength) errors["measure"] = [new Phrase($"请写明整改措施（最多 {MeasureLength} 字）", $"state the measure (at most {MeasureLength} characters)")];
        if (d.Deadline is not { } deadline) errors["deadline"] = [new Phrase("请填写整改期限", "the deadline is required")];
        else if (deadline < Day(at)) errors["deadline"] = [new Phrase("不能早于今天", "not before today")];
        if (errors.Count > 0) throw DomainException.Invalid(new("整改事项未保存：请改正标出的错误。", "The item was not saved: correct the errors marked."), errors);
        var item = new RectificationItem
        {
            Finding = finding, FindingId = finding.Id, UnitId = unitId, ResponsiblePerson = person, Measure = measure, Deadline = d.Deadline!.Value,
            State = ItemState.Assigned, AssignedBy = by, AssignedUtc = at,
        };
        item._history.Add(new ItemChange(unitId, by, at, null, ItemState.Assigned, null));
        return item;
    }

    public void Start(string by, DateTime at) => Move(ItemState.InProgress, by, at, null, ItemState.Assigned);

    public void Submit(string? evidenceNote, string by, DateTime at)
    {
        var note = Required(evidenceNote, "evidenceNote", new("提交整改须写明整改情况和证据。", "Submitting needs a note of what was done and its evidence."));
        Move(ItemState.Submitted, by, at, note, ItemState.InProgress);
        EvidenceNote = note;
    }

    /// <summary>The team does not accept the submission: back to in progress, with the reason.</summary>
    public void Return(string? reason, string by, DateTime at)
    {
        var why = Required(reason, "reason", new("退回须说明理由。", "Returning needs a reason."));
        Move(ItemState.InProgress, by, at, why, ItemState.Submitted);
        (ReturnReason, Returns) = (why, Returns + 1);
    }

    public void Verify(string? note, string by, DateTime at) => Move(ItemState.Verified, by, at, Optional(note), ItemState.Submitted);

    public void CloseOut(string? note, string by, DateTime at)
    {
        Move(ItemState.ClosedOut, by, at, Optional(note), ItemState.Verified);
        ClosedOutUtc = at;
    }

    /// <summary>A later inspection found the problem back: in progress again by a new deadline, one more recurrence, the history kept.</summary>
    public void Reopen(string? note, DateOnly? newDeadline, string by, DateTime at)
    {
        var why = Required(note, "note", new("重新整改须写明复查发现的情况。", "Reopening needs a note of what the later inspection found."));
        if (newDeadline is not { } deadline || deadline < Day(at))
            throw DomainException.Invalid(new("重新整改须定新的期限（不早于今天）。", "Reopening needs a new deadline, not before today."),
                new Dictionary<string, string[]> { ["newDeadline"] = [new Phrase("必填，不早于今天", "required, not before today")] });
        Move(ItemState.InProgress, by, at, why, ItemState.Verified, ItemState.ClosedOut);
        (Deadline, Recurrences, ClosedOutUtc, EvidenceNote, ReturnReason) = (deadline, Recurrences + 1, null, null, null);
    }

    public bool IsOpen => State != ItemState.ClosedOut;

    /// <summary>Overdue once the deadline's day has ended in province time and the item is not closed out.</summary>
    public bool IsOverdue(DateTime nowUtc) => IsOpen && nowUtc >= ProvinceTime.StartUtc(Deadline.AddDays(1));

    /// <summary>The moves the state allows now, whoever makes them.</summary>
    public IReadOnlyList<string> AllowedMoves() => State switch
    {
        ItemState.Assigned => ["start"],
        ItemState.InProgress => ["submit"],
        ItemState.Submitted => ["verify", "return"],
        ItemState.Verified => ["close-out", "reopen"],
        _ => ["reopen"],
    };

    private void Move(ItemState to, string by, DateTime at, string? reason, params ItemState[] from)
    {
        if (!from.Contains(State))
            throw DomainException.Conflict(new($"整改事项当前为“{SupervisionText.ItemState(State).Zh}”，不能改为“{SupervisionText.ItemState(to).Zh}”。",
                $"The item is {SupervisionText.ItemState(State).En.ToLowerInvariant()}; it cannot become {SupervisionText.ItemState(to).En.ToLowerInvariant()}."));
        _history.Add(new ItemChange(UnitId, by, at, State, to, reason));
        State = to;
        Version++;
    }

    private static string Required(string? text, string field, Phrase message)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) throw DomainException.Invalid(message, new Dictionary<string, string[]> { [field] = [new Phrase("必填", "required")] });
        if (t.Length > NoteLength) throw DomainException.Invalid(new($"最多 {NoteLength} 个字。", $"At most {NoteLength} characters."), new Dictionary<string, string[]> { [field] = [$"≤ {NoteLength}"] });
        return t;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null
        : text.Trim().Length > NoteLength ? throw DomainException.Invalid(new($"说明最多 {NoteLength} 个字。", $"The note is at most {NoteLength} characters.")) : text.Trim();

    private static DateOnly Day(DateTime at) => DateOnly.FromDateTime(ProvinceTime.ToLocal(at));
}

public sealed class ItemChange : IUnitOwned
{
    public long Id { get; private set; }
    public long ItemId { get; private set; }
    public int UnitId { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string? From { get; private set; }
    public string To { get; private set; } = "";
    public string? Reason { get; private set; }

    private ItemChange() { }

    internal ItemChange(int unitId, string by, DateTime at, ItemState? from, ItemState to, string? reason) =>
        (UnitId, By, AtUtc, From, To, Reason) = (unitId, by, at, from?.ToString(), to.ToString(), reason);
}

internal sealed class RectificationItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    public void Configure(EntityTypeBuilder<RectificationItem> e)
    {
        e.ToTable("RectificationItems");
        e.HasIndex(i => new { i.UnitId, i.State });
        e.HasIndex(i => i.FindingId);
        e.Property(i => i.ResponsiblePerson).HasMaxLength(RectificationItem.PersonLength);
        e.Property(i => i.Measure).HasMaxLength(RectificationItem.MeasureLength);
        e.Property(i => i.EvidenceNote).HasMaxLength(RectificationItem.NoteLength);
        e.Property(i => i.ReturnReason).HasMaxLength(RectificationItem.NoteLength);
        e.Property(i => i.AssignedBy).HasMaxLength(256);
        e.Property(i => i.State).HasConversion<string>().HasMaxLength(12);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasOne(i => i.Finding).WithMany().HasForeignKey(i => i.FindingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(i => i.History).WithOne().HasForeignKey(c => c.ItemId);
        e.Navigation(i => i.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ItemChangeConfiguration : IEntityTypeConfiguration<ItemChange>
{
    public void Configure(EntityTypeBuilder<ItemChange> e)
    {
        e.ToTable("RectificationItemChanges");
        e.Property(c => c.By).HasMaxLength(256);
        e.Property(c => c.From).HasMaxLength(16);
        e.Property(c => c.To).HasMaxLength(16);
        e.Property(c => c.Reason).HasMaxLength(RectificationItem.NoteLength);
    }
}
