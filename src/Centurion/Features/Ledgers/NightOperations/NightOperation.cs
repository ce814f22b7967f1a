using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Ledgers.NightOperations;

public sealed record NightOperationDetails(DateOnly? Date, int? PlacesCovered, int? Police, int? PeopleChecked, int? SuspectsCaught, int? CasesOpened, string? Notes);

/// <summary>
/// A night sweep-and-rectify operation (夜查): one unit's operation on one night, with what it covered and what it found.
/// Each counts as one night operation; its police count as police deployments.
/// </summary>
public sealed class NightOperation : IUnitOwned
{
    public const int NotesLength = 1000, MaxCount = 100_000;

    public long Id { get; private set; }
    public int UnitId { get; private set; }
    public DateOnly Date { get; private set; }
    public int PlacesCovered { get; private set; }
    public int Police { get; private set; }
    public int PeopleChecked { get; private set; }
    public int SuspectsCaught { get; private set; }
    public int CasesOpened { get; private set; }
    public string Notes { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedUtc { get; private set; }

    private NightOperation() { }

    internal static NightOperation Seeded(long id, int unitId, DateOnly date, int places, int police, int people, int suspects, int cases, string notes, string by) => new()
    {
        Id = id, UnitId = unitId, Date = date, PlacesCovered = places, Police = police, PeopleChecked = people, SuspectsCaught = suspects,
        CasesOpened = cases, Notes = notes, RecordedBy = by, RecordedUtc = ProvinceTime.StartUtc(date.AddDays(1)).AddHours(9),
    };

    public static NightOperation Record(int unitId, NightOperationDetails details, string by, DateTime now, DateOnly today)
    {
        var op = new NightOperation { UnitId = unitId, RecordedBy = by, RecordedUtc = now };
        op.Apply(details, today);
        return op;
    }

    public void Edit(NightOperationDetails details, DateOnly today) => Apply(details, today);

    private void Apply(NightOperationDetails d, DateOnly today)
    {
        var errors = Check(d, today);
        if (errors.Count > 0) throw DomainException.Invalid(LedgerText.NotSaved, errors);
        (Date, PlacesCovered, Police, PeopleChecked, SuspectsCaught, CasesOpened, Notes) =
            (d.Date!.Value, d.PlacesCovered!.Value, d.Police!.Value, d.PeopleChecked ?? 0, d.SuspectsCaught ?? 0, d.CasesOpened ?? 0, d.Notes?.Trim() ?? "");
    }

    public static Dictionary<string, string[]> Check(NightOperationDetails d, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, Phrase p) => errors[field] = [.. errors.GetValueOrDefault(field, []), p];
        void Count(string field, int? value, bool required, Phrase name)
        {
            if (value is null) { if (required) Add(field, new($"请填写{name.Zh}。", $"{name.En} is required.")); }
            else if (value is < 0 or > MaxCount) Add(field, new($"{name.Zh}须在 0 至 {MaxCount} 之间。", $"{name.En} must be 0 to {MaxCount}."));
        }
        if (d.Date is not { } date) Add("date", new("请填写日期。", "The date is required."));
        else if (date > today) Add("date", new("日期不能晚于今天。", "The date cannot be in the future."));
        Count("placesCovered", d.PlacesCovered, true, LedgerText.PlacesCovered);
        Count("police", d.Police, true, LedgerText.PoliceDeployed);
        if (d.Police == 0) Add("police", new("夜查行动至少出动一名警力。", "A night operation deploys at least one officer."));
        Count("peopleChecked", d.PeopleChecked, false, LedgerText.PeopleChecked);
        Count("suspectsCaught", d.SuspectsCaught, false, LedgerText.SuspectsCaught);
        Count("casesOpened", d.CasesOpened, false, LedgerText.CasesOpened);
        if ((d.SuspectsCaught ?? 0) > (d.PeopleChecked ?? 0) && !errors.ContainsKey("suspectsCaught") && !errors.ContainsKey("peopleChecked"))
            Add("suspectsCaught", new("查获嫌疑人数不能多于盘查人数。", "Suspects caught cannot exceed the people checked."));
        if (d.Notes?.Trim().Length > NotesLength) Add("notes", new($"备注最多 {NotesLength} 个字。", $"The notes are at most {NotesLength} characters."));
        return errors;
    }
}

internal sealed class NightOperationConfiguration : IEntityTypeConfiguration<NightOperation>
{
    public void Configure(EntityTypeBuilder<NightOperation> e)
    {
        e.ToTable("NightOperations");
        e.HasIndex(o => new { o.UnitId, o.Date });
        e.Property(o => o.Notes).HasMaxLength(NightOperation.NotesLength);
        e.Property(o => o.RecordedBy).HasMaxLength(256);
        e.HasOne<Units.Unit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
