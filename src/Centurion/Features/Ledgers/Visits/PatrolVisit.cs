using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Ledgers.Visits;

/// <summary>What a patrol or check visit records, as typed; <see cref="PatrolVisit.Check"/> says what is wrong with it.</summary>
/// <param name="VisitedLocal">When, in province time.</param>
public sealed record VisitDetails(DateTime? VisitedLocal, long? KeyPlaceId, string? Area, int? Police, int? SocialForces, string? Findings);

/// <summary>
/// A patrol or check visit (巡查检查): when, to which key place or named area, how many police and social-force person-times,
/// and what was found. A visit to a key place counts as a key place checked; its police count as police deployments.
/// </summary>
public sealed class PatrolVisit : IUnitOwned
{
    public const int AreaLength = 100, FindingsLength = 1000, MaxPersons = 10_000;

    public long Id { get; private set; }
    public int UnitId { get; private set; }
    public DateTime VisitedUtc { get; private set; }
    public long? KeyPlaceId { get; private set; }
    public string? Area { get; private set; }
    public int Police { get; private set; }
    public int SocialForces { get; private set; }
    public string Findings { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedUtc { get; private set; }

    private PatrolVisit() { }

    internal static PatrolVisit Seeded(long id, int unitId, DateTime visitedUtc, long? placeId, string? area, int police, int social, string findings, string by) => new()
    {
        Id = id, UnitId = unitId, VisitedUtc = visitedUtc, KeyPlaceId = placeId, Area = area, Police = police, SocialForces = social,
        Findings = findings, RecordedBy = by, RecordedUtc = visitedUtc.AddMinutes(30),
    };

    /// <param name="place">The key place named by the details, already found in the caller's scope (null for an area).</param>
    public static PatrolVisit Record(int unitId, VisitDetails details, PlaceRef? place, string by, DateTime now)
    {
        var visit = new PatrolVisit { UnitId = unitId, RecordedBy = by, RecordedUtc = now };
        visit.Apply(details, place, now);
        return visit;
    }

    public void Edit(VisitDetails details, PlaceRef? place, DateTime now) => Apply(details, place, now);

    /// <summary>The key place a visit names: its unit (the visit's unit) and whether it is open.</summary>
    public sealed record PlaceRef(long Id, int UnitId, bool Active);

    private void Apply(VisitDetails d, PlaceRef? place, DateTime now)
    {
        var errors = Check(d, place, now);
        if (errors.Count > 0) throw DomainException.Invalid(LedgerText.NotSaved, errors);
        VisitedUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(d.VisitedLocal!.Value, DateTimeKind.Unspecified), ProvinceTime.Zone);
        (KeyPlaceId, Area) = place is null ? ((long?)null, d.Area!.Trim()) : (place.Id, (string?)null);
        if (place is not null) UnitId = place.UnitId;
        (Police, SocialForces, Findings) = (d.Police ?? 0, d.SocialForces ?? 0, d.Findings?.Trim() ?? "");
    }

    public static Dictionary<string, string[]> Check(VisitDetails d, PlaceRef? place, DateTime now)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, Phrase p) => errors[field] = [.. errors.GetValueOrDefault(field, []), p];
        if (d.VisitedLocal is not { } at) Add("visitedLocal", new("请填写巡查时间。", "When was the visit?"));
        else if (TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), ProvinceTime.Zone) > now.AddMinutes(5))
            Add("visitedLocal", new("巡查时间不能晚于现在。", "The visit cannot be in the future."));
        if (d.KeyPlaceId is not null && place is null) Add("keyPlaceId", new("找不到该重点场所。", "That key place was not found."));
        else if (place is { Active: false }) Add("keyPlaceId", new("该场所已停业关闭，不能登记巡查；请先恢复营业。", "That place is closed: reopen it before recording a visit."));
        else if (d.KeyPlaceId is null && string.IsNullOrWhiteSpace(d.Area)) Add("area", new("请选择重点场所，或填写巡查区域。", "Choose a key place, or name the area patrolled."));
        else if (d.KeyPlaceId is null && d.Area!.Trim().Length > AreaLength) Add("area", new($"区域名称最多 {AreaLength} 个字。", $"The area is at most {AreaLength} characters."));
        if (d.Police is < 0 or > MaxPersons) Add("police", new($"警力人次须在 0 至 {MaxPersons} 之间。", $"Police person-times must be 0 to {MaxPersons}."));
        if (d.SocialForces is < 0 or > MaxPersons) Add("socialForces", new($"群防群治力量人次须在 0 至 {MaxPersons} 之间。", $"Social-force person-times must be 0 to {MaxPersons}."));
        if ((d.Police ?? 0) + (d.SocialForces ?? 0) == 0 && !errors.ContainsKey("police") && !errors.ContainsKey("socialForces"))
            Add("police", new("至少要有一名警力或群防群治力量。", "At least one officer or social-force member took part."));
        if (d.Findings?.Trim().Length > FindingsLength) Add("findings", new($"发现情况最多 {FindingsLength} 个字。", $"The findings are at most {FindingsLength} characters."));
        return errors;
    }
}

internal sealed class PatrolVisitConfiguration : IEntityTypeConfiguration<PatrolVisit>
{
    public void Configure(EntityTypeBuilder<PatrolVisit> e)
    {
        e.ToTable("PatrolVisits");
        e.HasIndex(v => new { v.UnitId, v.VisitedUtc });
        e.HasIndex(v => v.KeyPlaceId);
        e.Property(v => v.Area).HasMaxLength(PatrolVisit.AreaLength);
        e.Property(v => v.Findings).HasMaxLength(PatrolVisit.FindingsLength);
        e.Property(v => v.RecordedBy).HasMaxLength(256);
        e.HasOne<Units.Unit>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<KeyPlaces.KeyPlace>().WithMany().HasForeignKey(v => v.KeyPlaceId).OnDelete(DeleteBehavior.Restrict);
    }
}
