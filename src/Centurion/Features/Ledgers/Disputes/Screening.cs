using Centurion.Features.Campaigns;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Ledgers.Disputes;

/// <summary>A round of rolling dispute screening (滚动排查) set by the campaign office, e.g. every two weeks.</summary>
public sealed class ScreeningRound
{
    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public int Number { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string CreatedBy { get; private set; } = "";

    private ScreeningRound() { }

    internal void SeedKey(long id) => Id = id;

    public static ScreeningRound Create(int campaignId, int number, DateOnly startsOn, DateOnly endsOn, string by)
    {
        if (endsOn < startsOn)
            throw DomainException.Invalid(new("轮次结束日期早于开始日期。", "The round ends before it starts."));
        return new() { CampaignId = campaignId, Number = number, StartsOn = startsOn, EndsOn = endsOn, CreatedBy = by };
    }

    /// <summary>Open on the days it covers; a unit that has not screened by then is listed as missing.</summary>
    public bool IsOpen(DateOnly today) => StartsOn <= today && today <= EndsOn;
    public bool HasStarted(DateOnly today) => StartsOn <= today;
}

/// <summary>One unit's screening in one round: how many places and households it covered and how many disputes it found.</summary>
public sealed class Screening : IUnitOwned
{
    public long Id { get; private set; }
    public long RoundId { get; private set; }
    public int UnitId { get; private set; }
    public DateOnly ScreenedOn { get; private set; }
    public int Places { get; private set; }
    public int Households { get; private set; }
    public int DisputesFound { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedUtc { get; private set; }

    private Screening() { }

    internal void SeedRound(long roundId) => RoundId = roundId;

    public static Screening Record(ScreeningRound round, int unitId, DateOnly on, int places, int households, int found, string by, DateTime at)
    {
        var s = new Screening { RoundId = round.Id, UnitId = unitId };
        s.Update(round, on, places, households, found, by, at);
        return s;
    }

    public void Update(ScreeningRound round, DateOnly on, int places, int households, int found, string by, DateTime at)
    {
        if (Problems(round, on, places, households, found) is [var first, ..] all)
            throw DomainException.Invalid(first.Message, all.ToDictionary(p => p.Field, p => new[] { (string)p.Message }));
        (ScreenedOn, Places, Households, DisputesFound, RecordedBy, RecordedUtc) = (on, places, households, found, by, at);
    }

    /// <summary>What is wrong with a screening's figures, by field (as the API names it): the date outside the round, a count out of range.</summary>
    public static IReadOnlyList<(string Field, Phrase Message)> Problems(ScreeningRound round, DateOnly on, int places, int households, int found)
    {
        var problems = new List<(string, Phrase)>();
        if (on < round.StartsOn || on > round.EndsOn)
            problems.Add(("screenedOn", new($"排查日期须在本轮 {round.StartsOn:yyyy-MM-dd} 至 {round.EndsOn:yyyy-MM-dd} 之内。",
                $"The screening date must fall within the round, {round.StartsOn:yyyy-MM-dd} to {round.EndsOn:yyyy-MM-dd}.")));
        foreach (var (field, n) in new[] { ("places", places), ("households", households), ("disputesFound", found) })
            if (n < 0 || n > FigureLimits.Other)
                problems.Add((field, new($"场所数、户数和发现纠纷数须为 0 至 {FigureLimits.Other:N0} 的整数。",
                    $"Places, households and disputes found must be whole numbers from 0 to {FigureLimits.Other:N0}.")));
        return problems;
    }
}

public sealed class ScreeningRoundConfiguration : IEntityTypeConfiguration<ScreeningRound>
{
    public void Configure(EntityTypeBuilder<ScreeningRound> e)
    {
        e.ToTable("ScreeningRounds");
        e.HasIndex(r => new { r.CampaignId, r.Number }).IsUnique();
        e.Property(r => r.CreatedBy).HasMaxLength(100);
        e.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ScreeningConfiguration : IEntityTypeConfiguration<Screening>
{
    public void Configure(EntityTypeBuilder<Screening> e)
    {
        e.ToTable("Screenings");
        e.HasIndex(s => new { s.RoundId, s.UnitId }).IsUnique();
        e.Property(s => s.RecordedBy).HasMaxLength(100);
        e.HasOne<ScreeningRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Units.Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
