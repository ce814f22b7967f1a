using Centurion.Features.Campaigns;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Evaluation.Incidents;

/// <summary>What the campaign office records: a negative incident (a deduction) or a commendation (a bonus).</summary>
public enum RegisterType { Incident, Commendation }

public enum RegisterEvent { Recorded, Withdrawn }

/// <summary>What the office typed. <paramref name="Kind"/>, <paramref name="Major"/>: an incident's; <paramref name="AwardedBy"/>: a commendation's.</summary>
public sealed record RegisterFields(DateOnly? Date, string? Kind, bool Major, string? Description, string? AwardedBy);

/// <summary>
/// An entry of a campaign's register of negative incidents (date, unit, kind of incident, major or not, description) and
/// commendations (date, unit, what was commended, by whom), which the monthly evaluation counts. The campaign office records
/// an entry and may withdraw it with a reason (a withdrawn entry no longer counts); nothing is ever deleted or edited.
/// </summary>
public sealed class RegisterEntry : IUnitOwned
{
    public const int KindLength = 50, DescriptionLength = 2000, AwardedByLength = 200, ReasonLength = 1000;

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public Campaign? Campaign { get; private set; }
    public RegisterType Type { get; private set; }
    public int UnitId { get; private set; }
    public Units.Unit? Unit { get; private set; }

    /// <summary>The province day it happened (an incident) or was awarded (a commendation).</summary>
    public DateOnly Date { get; private set; }

    /// <summary>An incident's kind, as the office names it (群体性事件, 涉警舆情…).</summary>
    public string? Kind { get; private set; }
    public bool Major { get; private set; }
    public string Description { get; private set; } = "";
    public string? AwardedBy { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedUtc { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public DateTime? WithdrawnUtc { get; private set; }
    public string? WithdrawReason { get; private set; }
    public int Version { get; private set; }

    private readonly List<RegisterChange> _history = [];
    public IReadOnlyList<RegisterChange> History => _history;

    private RegisterEntry() { }

    public bool IsWithdrawn => WithdrawnUtc is not null;

    /// <summary>
    /// Records an entry for a unit of the campaign's tree (<paramref name="unitId"/> null: not such a unit, the caller has said
    /// why in <paramref name="errors"/>). The date lies in the campaign and not after today; every field wrong is named (422).
    /// </summary>
    public static RegisterEntry Record(RegisterType type, Campaign campaign, int? unitId, RegisterFields f, string by, DateTime at, FieldErrors? errors = null)
    {
        errors ??= new FieldErrors();
        if (unitId is null && !errors.Has("unit")) errors.Add("unit", new("请填写单位", "give the unit"));
        var today = DateOnly.FromDateTime(ProvinceTime.ToLocal(at));
        if (f.Date is not { } date) errors.Add("date", new("请填写日期", "give the date"));
        else if (date > today) errors.Add("date", new("不能晚于今天", "not after today"));
        else if (date < campaign.StartDate || date > campaign.EndDate)
            errors.Add("date", new($"须在行动期间（{campaign.StartDate:yyyy-MM-dd} 至 {campaign.EndDate:yyyy-MM-dd}）", $"within the campaign ({campaign.StartDate:yyyy-MM-dd} to {campaign.EndDate:yyyy-MM-dd})"));
        var description = Text(f.Description, "description", DescriptionLength, type == RegisterType.Incident
            ? new("请写明事件经过", "describe what happened") : new("请写明受表扬的事迹", "describe what was commended"), errors);
        string? kind = null, awardedBy = null;
        if (type == RegisterType.Incident) kind = Text(f.Kind, "kind", KindLength, new("请写明事件类别，如“群体性事件”", "give the kind of incident, e.g. “mass incident”"), errors);
        else awardedBy = Text(f.AwardedBy, "awardedBy", AwardedByLength, new("请写明表扬单位", "say who awarded it"), errors);
        errors.ThrowIfAny(new("未登记：请改正标出的错误。", "Not recorded: correct the errors marked."));
        var entry = new RegisterEntry
        {
            CampaignId = campaign.Id, Type = type, UnitId = unitId!.Value, Date = f.Date!.Value, Kind = kind,
            Major = type == RegisterType.Incident && f.Major, Description = description, AwardedBy = awardedBy, RecordedBy = by, RecordedUtc = at,
        };
        entry._history.Add(new RegisterChange(entry.UnitId, by, at, RegisterEvent.Recorded, null));
        return entry;
    }

    /// <summary>Withdraws the entry with a reason (recorded in error, overturned on review): from then on it no longer counts.</summary>
    public void Withdraw(string? reason, string by, DateTime at)
    {
        if (IsWithdrawn) throw DomainException.Conflict(new("该登记已撤销。", "The entry is already withdrawn."));
        var errors = new FieldErrors();
        var r = Text(reason, "reason", ReasonLength, new("请写明撤销理由", "give the reason for withdrawing"), errors);
        errors.ThrowIfAny(new("未撤销：请写明撤销理由。", "Not withdrawn: give the reason."));
        (WithdrawnBy, WithdrawnUtc, WithdrawReason) = (by, at, r);
        _history.Add(new RegisterChange(UnitId, by, at, RegisterEvent.Withdrawn, r));
        Version++;
    }

    /// <summary>Whether the entry counts for an evaluation made at <paramref name="asOfUtc"/>: recorded by then and not withdrawn by then.</summary>
    public bool CountsAt(DateTime asOfUtc) => RecordedUtc <= asOfUtc && (WithdrawnUtc is null || WithdrawnUtc > asOfUtc);

    private static string Text(string? text, string field, int max, Phrase missing, FieldErrors errors)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) errors.Add(field, missing);
        else if (t.Length > max) errors.Add(field, new($"最多 {max} 个字", $"at most {max} characters"));
        return t;
    }
}

/// <summary>One step of an entry: recorded, or withdrawn (with the reason).</summary>
public sealed class RegisterChange : IUnitOwned
{
    public long Id { get; private set; }
    public long EntryId { get; private set; }
    public int UnitId { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public RegisterEvent Event { get; private set; }
    public string? Text { get; private set; }

    private RegisterChange() { }

    internal RegisterChange(int unitId, string by, DateTime at, RegisterEvent what, string? text) =>
        (UnitId, By, AtUtc, Event, Text) = (unitId, by, at, what, text);
}

internal sealed class RegisterEntryConfiguration : IEntityTypeConfiguration<RegisterEntry>
{
    public void Configure(EntityTypeBuilder<RegisterEntry> e)
    {
        e.ToTable("EvaluationRegisterEntries");
        e.HasIndex(r => new { r.CampaignId, r.Type, r.Date });
        e.HasIndex(r => r.UnitId);
        e.Property(r => r.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Kind).HasMaxLength(RegisterEntry.KindLength);
        e.Property(r => r.Description).HasMaxLength(RegisterEntry.DescriptionLength);
        e.Property(r => r.AwardedBy).HasMaxLength(RegisterEntry.AwardedByLength);
        e.Property(r => r.RecordedBy).HasMaxLength(256);
        e.Property(r => r.WithdrawnBy).HasMaxLength(256);
        e.Property(r => r.WithdrawReason).HasMaxLength(RegisterEntry.ReasonLength);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.History).WithOne().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Restrict);
        e.Navigation(r => r.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RegisterChangeConfiguration : IEntityTypeConfiguration<RegisterChange>
{
    public void Configure(EntityTypeBuilder<RegisterChange> e)
    {
        e.ToTable("EvaluationRegisterChanges");
        e.Property(c => c.By).HasMaxLength(256);
        e.Property(c => c.Event).HasConversion<string>().HasMaxLength(12);
        e.Property(c => c.Text).HasMaxLength(RegisterEntry.ReasonLength);
    }
}
