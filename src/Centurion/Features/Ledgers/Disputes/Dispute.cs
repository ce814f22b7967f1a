using Centurion.Features.Units;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Ledgers.Disputes;

public enum DisputeType { Neighbour, Family, Labour, Land, Commercial, Other }
public enum DisputeSource { Screening, Call, WalkIn }
public enum DisputeStatus { Found, Mediating, Resolved, Escalated, Failed }
public enum EscalationTarget { HigherUnit, OtherAgency }

/// <summary>What a dispute is about; checked and trimmed by <see cref="Dispute.Create"/> and <see cref="Dispute.Edit"/>.</summary>
public sealed record DisputeDetails(string Parties, DisputeType Type, RiskLevel Risk, string Place, DateOnly FoundOn, DisputeSource Source,
    string? Summary = null, long? ScreeningRoundId = null);

/// <summary>
/// A dispute (矛盾纠纷) in a unit's ledger: found → mediating → resolved, or escalated (to a higher unit or another
/// agency) or failed. Follow-up visits may be added at any time. State changes only through the operations below,
/// each of which appends a history row.
/// </summary>
public sealed class Dispute : IUnitOwned, IVersioned
{
    public long Id { get; private set; }
    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }
    public string Parties { get; private set; } = "";
    public DisputeType Type { get; private set; }
    public RiskLevel Risk { get; private set; }
    public string Place { get; private set; } = "";
    public DateOnly FoundOn { get; private set; }
    public DisputeSource Source { get; private set; }
    public long? ScreeningRoundId { get; private set; }
    public string? Summary { get; private set; }
    public DisputeStatus Status { get; private set; }

    /// <summary>The day of the last change of status (province time), e.g. when it was resolved.</summary>
    public DateOnly StatusOn { get; private set; }
    public DateOnly? ResolvedOn { get; private set; }
    public EscalationTarget? EscalatedTo { get; private set; }
    public string? EscalatedToName { get; private set; }
    public int Version { get; private set; }

    private readonly List<DisputeChange> _history = [];
    public IReadOnlyList<DisputeChange> History => _history;

    private Dispute() { }

    /// <summary>For the demo's bulk writer, which gives keys itself.</summary>
    internal void SeedKey(long id)
    {
        Id = id;
        foreach (var h in _history) h.SeedOwner(id);
    }

    public static Dispute Create(int unitId, DisputeDetails details, string by, DateTime at)
    {
        var d = new Dispute { UnitId = unitId, Status = DisputeStatus.Found };
        d.Apply(details, at);
        d.StatusOn = details.FoundOn;
        d._history.Add(new DisputeChange(unitId, by, at, null, DisputeStatus.Found, null));
        return d;
    }

    public void Edit(DisputeDetails details, string by, DateTime at)
    {
        Apply(details, at);
        _history.Add(new DisputeChange(UnitId, by, at, Status, Status, new Phrase("修改登记内容", "Details edited")));
        Version++;
    }

    public void StartMediation(string by, DateTime at, string? note = null) =>
        Move(DisputeStatus.Mediating, by, at, note, DisputeStatus.Found);

    public void Resolve(string by, DateTime at, string? note = null)
    {
        Move(DisputeStatus.Resolved, by, at, note, DisputeStatus.Mediating);
        ResolvedOn = StatusOn;
    }

    public void Escalate(EscalationTarget target, string? toWhom, string by, DateTime at)
    {
        var name = toWhom?.Trim();
        if (string.IsNullOrEmpty(name))
            throw DomainException.Invalid(new("移交须写明移交给哪个单位或部门。", "An escalation must name the unit or agency it goes to."));
        PersonalData.Refuse(name, "escalatedToName", DisputeText.EscalatedTo);
        Move(DisputeStatus.Escalated, by, at, name, DisputeStatus.Found, DisputeStatus.Mediating);
        (EscalatedTo, EscalatedToName) = (target, name);
    }

    public void Fail(string by, DateTime at, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid(new("化解失败须说明原因。", "A failed mediation needs a reason."));
        Move(DisputeStatus.Failed, by, at, reason, DisputeStatus.Mediating);
    }

    /// <summary>A follow-up visit (回访): allowed in any state, it does not change the status.</summary>
    public void FollowUp(string by, DateTime at, string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
            throw DomainException.Invalid(new("回访须写明情况。", "A follow-up visit needs a note of what was found."));
        PersonalData.Refuse(note, "note", DisputeText.Note);
        _history.Add(new DisputeChange(UnitId, by, at, Status, Status, note.Trim(), followUp: true));
        Version++;
    }

    private void Move(DisputeStatus to, string by, DateTime at, string? reason, params DisputeStatus[] allowedFrom)
    {
        if (!allowedFrom.Contains(Status))
            throw DomainException.Conflict(new(
                $"纠纷当前为“{DisputeText.Status(Status).Zh}”，不能改为“{DisputeText.Status(to).Zh}”。",
                $"The dispute is {DisputeText.Status(Status).En.ToLowerInvariant()}; it cannot become {DisputeText.Status(to).En.ToLowerInvariant()}."));
        if (reason is not null) PersonalData.Refuse(reason, "note", DisputeText.Note);
        _history.Add(new DisputeChange(UnitId, by, at, Status, to, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        Status = to;
        StatusOn = DateOnly.FromDateTime(ProvinceTime.ToLocal(at));
        Version++;
    }

    private void Apply(DisputeDetails d, DateTime at)
    {
        var parties = LedgerList.Required(d.Parties, "parties", DisputeText.Parties, 200);
        var place = LedgerList.Required(d.Place, "place", DisputeText.Place, 200);
        var summary = LedgerList.Limit(d.Summary, "summary", DisputeText.Summary, 1000);
        PersonalData.Refuse(parties, "parties", DisputeText.Parties);
        PersonalData.Refuse(place, "place", DisputeText.Place);
        PersonalData.Refuse(summary, "summary", DisputeText.Summary);
        if (d.FoundOn > DateOnly.FromDateTime(ProvinceTime.ToLocal(at)))
            throw DomainException.Invalid(new("发现日期不能晚于今天。", "The day found cannot be in the future."),
                new Dictionary<string, string[]> { ["foundOn"] = [new Phrase("不能晚于今天", "not in the future")] });
        (Parties, Type, Risk, Place, FoundOn, Source, Summary, ScreeningRoundId) =
            (parties, d.Type, d.Risk, place, d.FoundOn, d.Source, summary, d.ScreeningRoundId);
    }
}

public sealed class DisputeChange : LedgerChange
{
    public long DisputeId { get; private set; }

    /// <summary>A follow-up visit rather than a change of status.</summary>
    public bool IsFollowUp { get; private set; }

    private DisputeChange() { }

    internal void SeedOwner(long disputeId) => DisputeId = disputeId;

    internal DisputeChange(int unitId, string by, DateTime at, DisputeStatus? from, DisputeStatus to, string? reason, bool followUp = false)
    {
        Set(unitId, by, at, from?.ToString(), to.ToString(), reason);
        IsFollowUp = followUp;
    }
}

public sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> e)
    {
        e.ToTable("Disputes");
        e.HasIndex(d => new { d.UnitId, d.FoundOn });
        e.HasIndex(d => new { d.UnitId, d.ResolvedOn });
        e.Property(d => d.Parties).HasMaxLength(200);
        e.Property(d => d.Place).HasMaxLength(200);
        e.Property(d => d.Summary).HasMaxLength(1000);
        e.Property(d => d.EscalatedToName).HasMaxLength(200);
        e.Property(d => d.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.Risk).HasConversion<string>().HasMaxLength(8);
        e.Property(d => d.Source).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.Status).HasConversion<string>().HasMaxLength(12);
        e.Property(d => d.EscalatedTo).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.Version).IsConcurrencyToken();
        e.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(d => d.History).WithOne().HasForeignKey(c => c.DisputeId);
        e.Navigation(d => d.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class DisputeChangeConfiguration : IEntityTypeConfiguration<DisputeChange>
{
    public void Configure(EntityTypeBuilder<DisputeChange> e)
    {
        e.ToTable("DisputeChanges");
        e.Property(c => c.By).HasMaxLength(100);
        e.Property(c => c.From).HasMaxLength(16);
        e.Property(c => c.To).HasMaxLength(16);
        e.Property(c => c.Reason).HasMaxLength(1000);
    }
}
