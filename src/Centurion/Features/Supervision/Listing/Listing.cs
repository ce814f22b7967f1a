using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Supervision.Listing;

public enum ListingState { Listed, Delisted }

/// <summary>What is listed: a rectification item, or a trouble spot described in words.</summary>
public enum ListingKind { Item, TroubleSpot }

public enum ListingEvent { Listed, Reported, Delisted }

public sealed record ListingTerms(string? Reason, int? IntervalDays, DateOnly? TargetDate);

/// <summary>
/// Listed supervision (挂牌督办): the province campaign office lists a rectification item or a trouble spot for province-level
/// tracking, with a reason and a progress report due every N days. Each progress report by the responsible unit sets the
/// next due instant to the report's time plus N province calendar days; a listing whose due instant has passed without a
/// report is overdue (read from the clock, never stored). The office delists (撤牌) with a conclusion: an item's listing only
/// once the item is closed out, a trouble spot's at the office's judgement. History rows for each step.
/// </summary>
public sealed class Listing : IUnitOwned
{
    public const int ReasonLength = 1000, PlaceLength = 200, ProblemLength = 1000, TextLength = 2000, MinInterval = 1, MaxInterval = 90;

    public long Id { get; private set; }
    public ListingKind Kind { get; private set; }
    public long? ItemId { get; private set; }
    public RectificationItem? Item { get; private set; }
    public string? Place { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>The responsible unit: an item's own, or the one named for a trouble spot.</summary>
    public int UnitId { get; private set; }
    public Units.Unit? Unit { get; private set; }
    public string Reason { get; private set; } = "";
    public int IntervalDays { get; private set; }
    public DateOnly? TargetDate { get; private set; }
    public ListingState State { get; private set; }
    public string ListedBy { get; private set; } = "";
    public DateTime ListedUtc { get; private set; }
    public DateTime NextDueUtc { get; private set; }
    public int Reports { get; private set; }
    public int LateReports { get; private set; }
    public string? Conclusion { get; private set; }
    public DateTime? DelistedUtc { get; private set; }
    public int Version { get; private set; }

    private readonly List<ListingChange> _history = [];
    public IReadOnlyList<ListingChange> History => _history;

    private Listing() { }

    /// <summary>Lists an open item whose inspection has been carried out (a plan still secret has no items, but the rule is kept here).</summary>
    public static Listing ListItem(RectificationItem item, ListingTerms terms, string by, DateTime at)
    {
        if (item.Finding?.Inspection?.Plan is not { } plan) throw new InvalidOperationException("The item's finding, inspection and plan must be loaded.");
        if (plan.State != PlanState.CarriedOut)
            throw DomainException.Conflict(new("检查尚未实施，其整改事项不能挂牌督办。", "The inspection has not been carried out; its items cannot be listed."));
        if (!item.IsOpen)
            throw DomainException.Conflict(new("整改事项已销号，无需挂牌督办。", "The item is closed out; there is nothing to list."));
        var (reason, interval, target) = Valid(terms, at, new FieldErrors());
        return Make(ListingKind.Item, item.UnitId, reason, interval, target, by, at, l => (l.Item, l.ItemId) = (item, item.Id));
    }

    public static Listing ListSpot(string? place, string? problem, int unitId, ListingTerms terms, string by, DateTime at)
    {
        var errors = new FieldErrors();
        var p = place?.Trim() ?? "";
        var what = problem?.Trim() ?? "";
        if (p.Length is 0 or > PlaceLength) errors.Add("place", new Phrase($"请写明乱点地点（最多 {PlaceLength} 字）", $"describe the place (at most {PlaceLength} characters)"));
        if (what.Length is 0 or > ProblemLength) errors.Add("problem", new Phrase($"请写明突出问题（最多 {ProblemLength} 字）", $"describe the problem (at most {ProblemLength} characters)"));
        var (reason, interval, target) = Valid(terms, at, errors);
        return Make(ListingKind.TroubleSpot, unitId, reason, interval, target, by, at, l => (l.Place, l.Problem) = (p, what));
    }

    private static Listing Make(ListingKind kind, int unitId, string reason, int interval, DateOnly? target, string by, DateTime at, Action<Listing> subject)
    {
        var listing = new Listing
        {
            Kind = kind, UnitId = unitId, Reason = reason, IntervalDays = interval, TargetDate = target, State = ListingState.Listed,
            ListedBy = by, ListedUtc = at, NextDueUtc = DueAfter(at, interval),
        };
        subject(listing);
        listing._history.Add(new ListingChange(unitId, by, at, ListingEvent.Listed, reason, false));
        return listing;
    }

    private static (string Reason, int Interval, DateOnly? Target) Valid(ListingTerms t, DateTime at, FieldErrors errors)
    {
        var reason = t.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > ReasonLength) errors.Add("reason", new Phrase($"请写明挂牌理由（最多 {ReasonLength} 字）", $"give the reason for listing (at most {ReasonLength} characters)"));
        if (t.IntervalDays is not (>= MinInterval and <= MaxInterval))
            errors.Add("intervalDays", new Phrase($"进展报送间隔须为 {MinInterval}–{MaxInterval} 天", $"the report interval is {MinInterval} to {MaxInterval} days"));
        if (t.TargetDate is { } d && d < Day(at)) errors.Add("targetDate", new Phrase("不能早于今天", "not before today"));
        errors.ThrowIfAny(new("未挂牌：请改正标出的错误。", "Not listed: correct the errors marked."));
        return (reason, t.IntervalDays!.Value, t.TargetDate);
    }

    /// <summary>A progress report by the responsible unit: the next one is due N province days after this one. A late report counts as late.</summary>
    public void Report(string? text, string by, DateTime at)
    {
        RefuseIfDelisted(new("已撤牌，不再报送进展。", "The listing is delisted; no more progress reports."));
        var t = Required(text, "text", new("请写明整改进展。", "The progress report needs a text."));
        var late = IsOverdue(at);
        _history.Add(new ListingChange(UnitId, by, at, ListingEvent.Reported, t, late));
        (NextDueUtc, Reports, LateReports) = (DueAfter(at, IntervalDays), Reports + 1, LateReports + (late ? 1 : 0));
        Version++;
    }

    /// <summary>Delists with a conclusion: an item's listing once the item is closed out, a trouble spot's at the office's judgement.</summary>
    public void Delist(string? conclusion, string by, DateTime at)
    {
        RefuseIfDelisted(new("已撤牌。", "The listing is already delisted."));
        if (Kind == ListingKind.Item)
        {
            var item = Item ?? throw new InvalidOperationException("The listed item must be loaded.");
            if (item.IsOpen)
                throw DomainException.Conflict(new($"整改事项尚未销号（当前为“{SupervisionText.ItemState(item.State).Zh}”），不能撤牌。",
                    $"The item is not closed out (it is {SupervisionText.ItemState(item.State).En.ToLowerInvariant()}); the listing cannot be delisted."));
        }
        var c = Required(conclusion, "conclusion", new("撤牌须写明督办结论。", "Delisting needs a conclusion."));
        _history.Add(new ListingChange(UnitId, by, at, ListingEvent.Delisted, c, false));
        (State, Conclusion, DelistedUtc) = (ListingState.Delisted, c, at);
        Version++;
    }

    public bool IsListed => State == ListingState.Listed;

    /// <summary>Overdue from the due instant on, while listed.</summary>
    public bool IsOverdue(DateTime nowUtc) => IsListed && nowUtc >= NextDueUtc;

    /// <summary>The moves the state allows now, whoever makes them.</summary>
    public IReadOnlyList<string> AllowedMoves() => IsListed ? ["report", "delist"] : [];

    /// <summary>The report's time plus N calendar days in province time (the same local time of day, N days on).</summary>
    public static DateTime DueAfter(DateTime atUtc, int days) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(ProvinceTime.ToLocal(atUtc).AddDays(days), DateTimeKind.Unspecified), ProvinceTime.Zone);

    private void RefuseIfDelisted(Phrase message)
    {
        if (!IsListed) throw DomainException.Conflict(message);
    }

    private static string Required(string? text, string field, Phrase message)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) throw DomainException.Invalid(message, new Dictionary<string, string[]> { [field] = [new Phrase("必填", "required")] });
        if (t.Length > TextLength) throw DomainException.Invalid(new($"最多 {TextLength} 个字。", $"At most {TextLength} characters."), new Dictionary<string, string[]> { [field] = [$"≤ {TextLength}"] });
        return t;
    }

    private static DateOnly Day(DateTime at) => DateOnly.FromDateTime(ProvinceTime.ToLocal(at));
}

/// <summary>One step of a listing: listed (the reason), a progress report (its text, and whether it came after the due instant), delisted (the conclusion).</summary>
public sealed class ListingChange : IUnitOwned
{
    public long Id { get; private set; }
    public long ListingId { get; private set; }
    public int UnitId { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public ListingEvent Event { get; private set; }
    public string Text { get; private set; } = "";
    public bool Late { get; private set; }

    private ListingChange() { }

    internal ListingChange(int unitId, string by, DateTime at, ListingEvent what, string text, bool late) =>
        (UnitId, By, AtUtc, Event, Text, Late) = (unitId, by, at, what, text, late);
}

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> e)
    {
        e.ToTable("SupervisionListings");
        e.HasIndex(l => new { l.UnitId, l.State });
        e.HasIndex(l => l.ItemId);
        e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(12);
        e.Property(l => l.State).HasConversion<string>().HasMaxLength(12);
        e.Property(l => l.Place).HasMaxLength(Listing.PlaceLength);
        e.Property(l => l.Problem).HasMaxLength(Listing.ProblemLength);
        e.Property(l => l.Reason).HasMaxLength(Listing.ReasonLength);
        e.Property(l => l.Conclusion).HasMaxLength(Listing.TextLength);
        e.Property(l => l.ListedBy).HasMaxLength(256);
        e.Property(l => l.Version).IsConcurrencyToken();
        e.HasOne(l => l.Item).WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(l => l.Unit).WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(l => l.History).WithOne().HasForeignKey(c => c.ListingId);
        e.Navigation(l => l.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ListingChangeConfiguration : IEntityTypeConfiguration<ListingChange>
{
    public void Configure(EntityTypeBuilder<ListingChange> e)
    {
        e.ToTable("SupervisionListingChanges");
        e.Property(c => c.By).HasMaxLength(256);
        e.Property(c => c.Event).HasConversion<string>().HasMaxLength(12);
        e.Property(c => c.Text).HasMaxLength(Listing.TextLength);
    }
}
