using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Ledgers.KeyPlaces;

public enum KeyPlaceState { Active, Closed }

public enum RiskLevel { Low, Medium, High }

/// <summary>What describes a key place, as typed on the form or sent to the API; checked by <see cref="KeyPlace.Check"/>.</summary>
public sealed record KeyPlaceDetails(string? Type, string? Name, string? Address, double? Longitude, double? Latitude, RiskLevel? Risk, string? OpeningHours);

/// <summary>
/// A key place (重点场所) in a unit's register: a barbecue stall, a bar, a school gate. It is active or closed; closing and
/// reopening are named operations with a reason, each leaving a history row, and nothing else changes the state.
/// </summary>
public sealed class KeyPlace : IUnitOwned
{
    public static readonly string[] Types = ["bbq-stall", "night-food-stall", "bar", "ktv", "internet-cafe", "hotel", "school-gate", "other"];

    /// <summary>Sichuan's extent with a small margin (the province spans about 97.35–108.55° E, 26.05–34.32° N).</summary>
    public const double MinLongitude = 97.3, MaxLongitude = 108.6, MinLatitude = 26.0, MaxLatitude = 34.4;
    public const int NameLength = 100, AddressLength = 200, HoursLength = 60, ReasonLength = 500;

    public long Id { get; private set; }
    public int UnitId { get; private set; }
    public string Type { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public double Longitude { get; private set; }
    public double Latitude { get; private set; }
    public RiskLevel Risk { get; private set; }
    public string OpeningHours { get; private set; } = "";
    public KeyPlaceState State { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public DateTime RegisteredUtc { get; private set; }
    public List<KeyPlaceStateChange> History { get; private set; } = [];

    private KeyPlace() { }

    /// <summary>For the demo's bulk writer, which gives keys itself; every field as <see cref="Register"/> would set it.</summary>
    internal static KeyPlace Seeded(long id, int unitId, string type, string name, string address, double lon, double lat, RiskLevel risk, string hours,
        KeyPlaceState state, string by, DateTime at) => new()
    {
        Id = id, UnitId = unitId, Type = type, Name = name, Address = address, Longitude = lon, Latitude = lat, Risk = risk, OpeningHours = hours,
        State = state, RegisteredBy = by, RegisteredUtc = at,
    };

    public static KeyPlace Register(int unitId, KeyPlaceDetails details, string by, DateTime at)
    {
        var place = new KeyPlace { UnitId = unitId, State = KeyPlaceState.Active, RegisteredBy = by, RegisteredUtc = at };
        place.Apply(details);
        place.History.Add(new KeyPlaceStateChange { UnitId = unitId, From = null, To = KeyPlaceState.Active, By = by, AtUtc = at, Reason = LedgerText.Registered.Zh });
        return place;
    }

    public void Edit(KeyPlaceDetails details) => Apply(details);

    public void Close(string by, DateTime at, string? reason)
    {
        if (State == KeyPlaceState.Closed) throw DomainException.Conflict(new("该场所已停业关闭。", "This place is already closed."));
        Move(KeyPlaceState.Closed, by, at, reason);
    }

    public void Reopen(string by, DateTime at, string? reason)
    {
        if (State == KeyPlaceState.Active) throw DomainException.Conflict(new("该场所正在营业，无需恢复。", "This place is already active."));
        Move(KeyPlaceState.Active, by, at, reason);
    }

    private void Move(KeyPlaceState to, string by, DateTime at, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid(new("请说明理由。", "Give a reason."), new Dictionary<string, string[]> { ["reason"] = [new Phrase("请说明理由。", "Give a reason.")] });
        if (reason.Trim().Length > ReasonLength)
            throw DomainException.Invalid(new($"理由最多 {ReasonLength} 个字。", $"The reason is at most {ReasonLength} characters."));
        History.Add(new KeyPlaceStateChange { UnitId = UnitId, From = State, To = to, By = by, AtUtc = at, Reason = reason.Trim() });
        State = to;
    }

    private void Apply(KeyPlaceDetails d)
    {
        var errors = Check(d);
        if (errors.Count > 0) throw DomainException.Invalid(LedgerText.NotSaved, errors);
        (Type, Name, Address, Longitude, Latitude, Risk, OpeningHours) =
            (d.Type!.Trim(), d.Name!.Trim(), d.Address!.Trim(), d.Longitude!.Value, d.Latitude!.Value, d.Risk!.Value, d.OpeningHours?.Trim() ?? "");
    }

    /// <summary>Every problem with the details, by field (camelCase, as the API names them); empty when they may be stored.</summary>
    public static Dictionary<string, string[]> Check(KeyPlaceDetails d)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, Phrase p) => errors[field] = [.. errors.GetValueOrDefault(field, []), p];
        if (d.Type is null || !Types.Contains(d.Type.Trim()))
            Add("type", new($"场所类型须为 {string.Join("、", Types)} 之一。", $"The type must be one of {string.Join(", ", Types)}."));
        if (string.IsNullOrWhiteSpace(d.Name)) Add("name", new("请填写场所名称。", "The name is required."));
        else if (d.Name.Trim().Length > NameLength) Add("name", new($"名称最多 {NameLength} 个字。", $"The name is at most {NameLength} characters."));
        if (string.IsNullOrWhiteSpace(d.Address)) Add("address", new("请填写地址。", "The address is required."));
        else if (d.Address.Trim().Length > AddressLength) Add("address", new($"地址最多 {AddressLength} 个字。", $"The address is at most {AddressLength} characters."));
        if (d.Longitude is not { } lon || double.IsNaN(lon) || lon < MinLongitude || lon > MaxLongitude)
            Add("longitude", new($"经度须在四川省范围内（{MinLongitude}–{MaxLongitude}）。", $"The longitude must lie within Sichuan ({MinLongitude}–{MaxLongitude})."));
        if (d.Latitude is not { } lat || double.IsNaN(lat) || lat < MinLatitude || lat > MaxLatitude)
            Add("latitude", new($"纬度须在四川省范围内（{MinLatitude}–{MaxLatitude}）。", $"The latitude must lie within Sichuan ({MinLatitude}–{MaxLatitude})."));
        if (d.Risk is not { } risk || !Enum.IsDefined(risk)) Add("risk", new("请选择风险等级：low、medium 或 high。", "Choose a risk level: low, medium or high."));
        if (d.OpeningHours?.Trim().Length > HoursLength) Add("openingHours", new($"营业时间最多 {HoursLength} 个字。", $"The opening hours are at most {HoursLength} characters."));
        return errors;
    }
}

/// <summary>One change of a key place's state: who, when, from (none when registered), to, why.</summary>
public sealed class KeyPlaceStateChange : IUnitOwned
{
    public long Id { get; init; }
    public long KeyPlaceId { get; init; }
    public int UnitId { get; init; }
    public KeyPlaceState? From { get; init; }
    public KeyPlaceState To { get; init; }
    public required string By { get; init; }
    public DateTime AtUtc { get; init; }
    public required string Reason { get; init; }
}

internal sealed class KeyPlaceConfiguration : IEntityTypeConfiguration<KeyPlace>
{
    public void Configure(EntityTypeBuilder<KeyPlace> e)
    {
        e.ToTable("KeyPlaces");
        e.HasIndex(p => new { p.UnitId, p.State });
        e.Property(p => p.Type).HasMaxLength(20);
        e.Property(p => p.Name).HasMaxLength(KeyPlace.NameLength);
        e.Property(p => p.Address).HasMaxLength(KeyPlace.AddressLength);
        e.Property(p => p.OpeningHours).HasMaxLength(KeyPlace.HoursLength);
        e.Property(p => p.Risk).HasConversion<string>().HasMaxLength(10);
        e.Property(p => p.State).HasConversion<string>().HasMaxLength(10);
        e.Property(p => p.RegisteredBy).HasMaxLength(256);
        e.HasOne<Units.Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.History).WithOne().HasForeignKey(h => h.KeyPlaceId);
    }
}

internal sealed class KeyPlaceStateChangeConfiguration : IEntityTypeConfiguration<KeyPlaceStateChange>
{
    public void Configure(EntityTypeBuilder<KeyPlaceStateChange> e)
    {
        e.ToTable("KeyPlaceStateChanges");
        e.Property(h => h.From).HasConversion<string>().HasMaxLength(10);
        e.Property(h => h.To).HasConversion<string>().HasMaxLength(10);
        e.Property(h => h.By).HasMaxLength(256);
        e.Property(h => h.Reason).HasMaxLength(KeyPlace.ReasonLength);
    }
}
