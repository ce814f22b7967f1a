using Centurion.Features.Units;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Ledgers.Disputes;

public enum HazardStatus { Found, Assigned, Eliminated }

public sealed record HazardDetails(string Description, string Place, RiskLevel Risk, DateOnly FoundOn, DateOnly Deadline, long? DisputeId = null);

/// <summary>
/// A latent hazard (隐患) found by screening: found → assigned (to a named person or team) → eliminated, by a deadline.
/// Overdue is not stored: it is read from the deadline and the clock (<see cref="IsOverdue"/>).
/// </summary>
public sealed class Hazard : IUnitOwned, IVersioned
{
    public long Id { get; private set; }
    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }
    public string Description { get; private set; } = "";
    public string Place { get; private set; } = "";
    public RiskLevel Risk { get; private set; }
    public DateOnly FoundOn { get; private set; }
    public DateOnly Deadline { get; private set; }
    public long? DisputeId { get; private set; }
    public HazardStatus Status { get; private set; }
    public string? AssignedTo { get; private set; }
    public DateOnly? EliminatedOn { get; private set; }
    public int Version { get; private set; }

    private readonly List<HazardChange> _history = [];
    public IReadOnlyList<HazardChange> History => _history;

    private Hazard() { }

    /// <summary>For the demo's bulk writer, which gives keys itself.</summary>
    internal void SeedKey(long id)
    {
        Id = id;
        foreach (var h in _history) h.SeedOwner(id);
    }

    public static Hazard Create(int unitId, HazardDetails details, string by, DateTime at)
    {
        var h = new Hazard { UnitId = unitId, Status = HazardStatus.Found };
        h.Apply(details, at);
        h._history.Add(new HazardChange(unitId, by, at, null, HazardStatus.Found, null));
        return h;
    }

    public void Edit(HazardDetails details, string by, DateTime at)
    {
        if (Status == HazardStatus.Eliminated)
            throw DomainException.Conflict(new("隐患已消除，不能再修改。", "The hazard is eliminated and can no longer be edited."));
        Apply(details, at);
        _history.Add(new HazardChange(UnitId, by, at, Status, Status, new Phrase("修改登记内容", "Details edited")));
        Version++;
    }

    public void Assign(string? to, string by, DateTime at)
    {
        var who = LedgerList.Required(to, "assignedTo", HazardText.AssignedTo, 100);
        PersonalData.Refuse(who, "assignedTo", HazardText.AssignedTo);
        Move(HazardStatus.Assigned, by, at, who, HazardStatus.Found);
        AssignedTo = who;
    }

    public void Eliminate(string by, DateTime at, string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
            throw DomainException.Invalid(new("消除隐患须写明采取的措施。", "Eliminating a hazard needs a note of what was done."));
        Move(HazardStatus.Eliminated, by, at, note, HazardStatus.Assigned);
        EliminatedOn = DateOnly.FromDateTime(ProvinceTime.ToLocal(at));
    }

    /// <summary>Not eliminated and past its deadline on the given (province) day.</summary>
    public bool IsOverdue(DateOnly today) => Status != HazardStatus.Eliminated && Deadline < today;

    private void Move(HazardStatus to, string by, DateTime at, string? reason, HazardStatus from)
    {
        if (Status != from)
            throw DomainException.Conflict(new(
                $"隐患当前为“{HazardText.Status(Status).Zh}”，不能改为“{HazardText.Status(to).Zh}”。",
                $"The hazard is {HazardText.Status(Status).En.ToLowerInvariant()}; it cannot become {HazardText.Status(to).En.ToLowerInvariant()}."));
        PersonalData.Refuse(reason, "note", DisputeText.Note);
        _history.Add(new HazardChange(UnitId, by, at, Status, to, reason?.Trim()));
        Status = to;
        Version++;
    }

    private void Apply(HazardDetails d, DateTime at)
    {
        var description = LedgerList.Required(d.Description, "description", HazardText.Description, 500);
        var place = LedgerList.Required(d.Place, "place", DisputeText.Place, 200);
        PersonalData.Refuse(description, "description", HazardText.Description);
        PersonalData.Refuse(place, "place", DisputeText.Place);
        if (d.FoundOn > DateOnly.FromDateTime(ProvinceTime.ToLocal(at)))
            throw DomainException.Invalid(new("发现日期不能晚于今天。", "The day found cannot be in the future."),
                new Dictionary<string, string[]> { ["foundOn"] = [new Phrase("不能晚于今天", "not in the future")] });
        if (d.Deadline < d.FoundOn)
            throw DomainException.Invalid(new("整改期限不能早于发现日期。", "The deadline cannot be before the day found."),
                new Dictionary<string, string[]> { ["deadline"] = [new Phrase("不能早于发现日期", "not before the day found")] });
        (Description, Place, Risk, FoundOn, Deadline, DisputeId) = (description, place, d.Risk, d.FoundOn, d.Deadline, d.DisputeId);
    }
}

public sealed class HazardChange : LedgerChange
{
    public long HazardId { get; private set; }

    private HazardChange() { }

    internal void SeedOwner(long hazardId) => HazardId = hazardId;

    internal HazardChange(int unitId, string by, DateTime at, HazardStatus? from, HazardStatus to, string? reason) =>
        Set(unitId, by, at, from?.ToString(), to.ToString(), reason);
}

public static class HazardText
{
    public static readonly Phrase Title = new("隐患台账", "Latent hazards");
    public static readonly Phrase New = new("登记隐患", "Record a hazard");
    public static readonly Phrase EditTitle = new("修改隐患登记", "Edit hazard");
    public static readonly Phrase Hazard = new("隐患", "Hazard");
    public static readonly Phrase Description = new("隐患情况", "Description");
    public static readonly Phrase Deadline = new("整改期限", "Deadline");
    public static readonly Phrase AssignedTo = new("责任人", "Assigned to");
    public static readonly Phrase Assign = new("交办", "Assign");
    public static readonly Phrase Eliminate = new("已消除", "Eliminated");
    public static readonly Phrase Overdue = new("逾期", "Overdue");

    public static Phrase Status(HazardStatus s) => s switch
    {
        HazardStatus.Found => new("已发现", "Found"),
        HazardStatus.Assigned => new("已交办", "Assigned"),
        _ => new("已消除", "Eliminated"),
    };
}

public sealed class HazardConfiguration : IEntityTypeConfiguration<Hazard>
{
    public void Configure(EntityTypeBuilder<Hazard> e)
    {
        e.ToTable("Hazards");
        e.HasIndex(h => new { h.UnitId, h.FoundOn });
        e.Property(h => h.Description).HasMaxLength(500);
        e.Property(h => h.Place).HasMaxLength(200);
        e.Property(h => h.AssignedTo).HasMaxLength(100);
        e.Property(h => h.Risk).HasConversion<string>().HasMaxLength(8);
        e.Property(h => h.Status).HasConversion<string>().HasMaxLength(12);
        e.Property(h => h.Version).IsConcurrencyToken();
        e.HasOne(h => h.Unit).WithMany().HasForeignKey(h => h.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Dispute>().WithMany().HasForeignKey(h => h.DisputeId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(h => h.History).WithOne().HasForeignKey(c => c.HazardId);
        e.Navigation(h => h.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class HazardChangeConfiguration : IEntityTypeConfiguration<HazardChange>
{
    public void Configure(EntityTypeBuilder<HazardChange> e)
    {
        e.ToTable("HazardChanges");
        e.Property(c => c.By).HasMaxLength(100);
        e.Property(c => c.From).HasMaxLength(16);
        e.Property(c => c.To).HasMaxLength(16);
        e.Property(c => c.Reason).HasMaxLength(1000);
    }
}
