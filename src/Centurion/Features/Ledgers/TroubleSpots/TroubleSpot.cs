using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Ledgers.TroubleSpots;

public enum TroubleSpotStatus { Listed, Rectifying, Cleared, Closed }

public sealed record TroubleSpotDetails(string Name, string Reason, string Leader, DateOnly Deadline, double? Longitude = null, double? Latitude = null);

/// <summary>
/// A public-order trouble spot (治安乱点) listed for clearing: listed → rectifying → cleared (with the evidence), then
/// re-checked once the campaign's interval has passed: still clear closes it, found back reopens it (rectifying again,
/// with a new deadline) and counts a recurrence. Open days and overdue are read from the clock, never stored.
/// </summary>
public sealed class TroubleSpot : IUnitOwned, IVersioned
{
    public long Id { get; private set; }

    /// <summary>The responsible unit.</summary>
    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }
    public string Name { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string Leader { get; private set; } = "";
    public double? Longitude { get; private set; }
    public double? Latitude { get; private set; }
    public string ListedBy { get; private set; } = "";
    public DateOnly ListedOn { get; private set; }
    public DateOnly Deadline { get; private set; }
    public TroubleSpotStatus Status { get; private set; }
    public string? Evidence { get; private set; }
    public DateOnly? ClearedOn { get; private set; }
    public DateOnly? RecheckDue { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>How many times a re-check found the problem back.</summary>
    public int Recurrences { get; private set; }
    public int Version { get; private set; }

    private readonly List<TroubleSpotChange> _history = [];
    public IReadOnlyList<TroubleSpotChange> History => _history;

    private TroubleSpot() { }

    /// <summary>For the demo's bulk writer, which gives keys itself.</summary>
    internal void SeedKey(long id)
    {
        Id = id;
        foreach (var h in _history) h.SeedOwner(id);
    }

    public static TroubleSpot List(int unitId, TroubleSpotDetails details, string by, DateTime at)
    {
        var today = Day(at);
        var s = new TroubleSpot { UnitId = unitId, ListedBy = by, ListedOn = today, Status = TroubleSpotStatus.Listed };
        s.Apply(details);
        if (s.Deadline < today) throw DeadlinePast();
        s._history.Add(new TroubleSpotChange(unitId, by, at, null, TroubleSpotStatus.Listed, s.Reason));
        return s;
    }

    public void Edit(TroubleSpotDetails details, string by, DateTime at)
    {
        if (Status == TroubleSpotStatus.Closed)
            throw DomainException.Conflict(new("乱点已销号，不能再修改。", "The trouble spot is closed and can no longer be edited."));
        Apply(details);
        _history.Add(new TroubleSpotChange(UnitId, by, at, Status, Status, new Phrase("修改登记内容", "Details edited")));
        Version++;
    }

    public void StartRectifying(string by, DateTime at, string? note = null) =>
        Move(TroubleSpotStatus.Rectifying, by, at, note, TroubleSpotStatus.Listed);

    /// <param name="recheckAfterDays">The campaign's interval before the re-check.</param>
    public void Clear(string by, DateTime at, string? evidence, int recheckAfterDays)
    {
        var text = evidence?.Trim();
        if (string.IsNullOrEmpty(text))
            throw DomainException.Invalid(new("整治完成须写明证据（做了什么、如何核实）。", "Clearing needs the evidence: what was done and how it was checked."),
                new Dictionary<string, string[]> { ["evidence"] = [new Phrase("必填", "required")] });
        if (text.Length > 1000) throw DomainException.Invalid(new("证据最多 1000 个字。", "The evidence is at most 1000 characters."));
        Move(TroubleSpotStatus.Cleared, by, at, text, TroubleSpotStatus.Listed, TroubleSpotStatus.Rectifying);
        Evidence = text;
        ClearedOn = Day(at);
        RecheckDue = ClearedOn.Value.AddDays(Math.Max(0, recheckAfterDays));
    }

    /// <summary>
    /// The re-check after the interval. Still clear: closed (销号). Found back: reopened, rectifying again by
    /// <paramref name="newDeadline"/>, and one more recurrence.
    /// </summary>
    public void Recheck(string by, DateTime at, bool foundBack, string? note, DateOnly? newDeadline = null)
    {
        var today = Day(at);
        if (Status == TroubleSpotStatus.Cleared && RecheckDue is { } due && today < due)
            throw DomainException.Conflict(new($"复查须在 {due:yyyy-MM-dd} 之后进行。", $"The re-check is not due until {due:yyyy-MM-dd}."));
        if (!foundBack)
        {
            Move(TroubleSpotStatus.Closed, by, at, note, TroubleSpotStatus.Cleared);
            ClosedOn = today;
            return;
        }
        if (string.IsNullOrWhiteSpace(note))
            throw DomainException.Invalid(new("复查发现反弹须写明情况。", "A re-check that finds the problem back needs a note of what was found."));
        if (newDeadline is not { } deadline)
            throw DomainException.Invalid(new("重新整治须定新的期限。", "Reopening needs a new deadline."),
                new Dictionary<string, string[]> { ["deadline"] = [new Phrase("必填", "required")] });
        if (deadline < today) throw DeadlinePast();
        Move(TroubleSpotStatus.Rectifying, by, at, note, TroubleSpotStatus.Cleared);
        Recurrences++;
        Deadline = deadline;
        (Evidence, ClearedOn, RecheckDue) = (null, null, null);
    }

    public bool IsOpen => Status is TroubleSpotStatus.Listed or TroubleSpotStatus.Rectifying;

    public bool IsOverdue(DateOnly today) => IsOpen && Deadline < today;

    /// <summary>Days from listing to close-out, or to today while it is not closed.</summary>
    public int DaysOpen(DateOnly today) => (ClosedOn ?? today).DayNumber - ListedOn.DayNumber;

    private void Move(TroubleSpotStatus to, string by, DateTime at, string? reason, params TroubleSpotStatus[] from)
    {
        if (!from.Contains(Status))
            throw DomainException.Conflict(new(
                $"乱点当前为“{TroubleSpotText.Status(Status).Zh}”，不能改为“{TroubleSpotText.Status(to).Zh}”。",
                $"The trouble spot is {TroubleSpotText.Status(Status).En.ToLowerInvariant()}; it cannot become {TroubleSpotText.Status(to).En.ToLowerInvariant()}."));
        if (reason?.Trim().Length > 1000) throw DomainException.Invalid(new("说明最多 1000 个字。", "The note is at most 1000 characters."));
        _history.Add(new TroubleSpotChange(UnitId, by, at, Status, to, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        Status = to;
        Version++;
    }

    private void Apply(TroubleSpotDetails d)
    {
        var name = LedgerList.Required(d.Name, "name", TroubleSpotText.Name, 200);
        var reason = LedgerList.Required(d.Reason, "reason", TroubleSpotText.Reason, 1000);
        var leader = LedgerList.Required(d.Leader, "leader", TroubleSpotText.Leader, 100);
        if (d.Longitude is { } lon && (lon < 73 || lon > 136) || d.Latitude is { } lat && (lat < 3 || lat > 54) || (d.Longitude is null) != (d.Latitude is null))
            throw DomainException.Invalid(new("经纬度须成对填写，且在中国境内。", "Longitude and latitude go together and must lie in China."),
                new Dictionary<string, string[]> { ["longitude"] = [new Phrase("经度 73–136，纬度 3–54", "longitude 73–136, latitude 3–54")] });
        (Name, Reason, Leader, Deadline, Longitude, Latitude) = (name, reason, leader, d.Deadline, d.Longitude, d.Latitude);
    }

    private static DomainException DeadlinePast() =>
        DomainException.Invalid(new("整治期限不能早于今天。", "The deadline cannot be before today."),
            new Dictionary<string, string[]> { ["deadline"] = [new Phrase("不能早于今天", "not before today")] });

    private static DateOnly Day(DateTime at) => DateOnly.FromDateTime(ProvinceTime.ToLocal(at));
}

public sealed class TroubleSpotChange : LedgerChange
{
    public long TroubleSpotId { get; private set; }

    private TroubleSpotChange() { }

    internal void SeedOwner(long spotId) => TroubleSpotId = spotId;

    internal TroubleSpotChange(int unitId, string by, DateTime at, TroubleSpotStatus? from, TroubleSpotStatus to, string? reason) =>
        Set(unitId, by, at, from?.ToString(), to.ToString(), reason);
}

public sealed class TroubleSpotConfiguration : IEntityTypeConfiguration<TroubleSpot>
{
    public void Configure(EntityTypeBuilder<TroubleSpot> e)
    {
        e.ToTable("TroubleSpots");
        e.HasIndex(s => new { s.UnitId, s.Status });
        e.Property(s => s.Name).HasMaxLength(200);
        e.Property(s => s.Reason).HasMaxLength(1000);
        e.Property(s => s.Leader).HasMaxLength(100);
        e.Property(s => s.ListedBy).HasMaxLength(100);
        e.Property(s => s.Evidence).HasMaxLength(1000);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(s => s.History).WithOne().HasForeignKey(c => c.TroubleSpotId);
        e.Navigation(s => s.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class TroubleSpotChangeConfiguration : IEntityTypeConfiguration<TroubleSpotChange>
{
    public void Configure(EntityTypeBuilder<TroubleSpotChange> e)
    {
        e.ToTable("TroubleSpotChanges");
        e.Property(c => c.By).HasMaxLength(100);
        e.Property(c => c.From).HasMaxLength(16);
        e.Property(c => c.To).HasMaxLength(16);
        e.Property(c => c.Reason).HasMaxLength(1000);
    }
}
