using Centurion.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Campaigns;

public enum IndicatorSource { Reported, Derived }

public enum Measure { PersonTimes, Cases, Places, Persons, Operations, Disputes }

public enum GoodDirection { Up, Down, Neutral }

/// <summary>How a derived indicator is counted from case records.</summary>
public enum DerivedRule
{
    None,
    /// <summary>Criminal cases, on the date filed (立案).</summary>
    CriminalFiled,
    /// <summary>Criminal cases, on the date solved (破案).</summary>
    CriminalSolved,
    /// <summary>Public-order cases, on the date accepted (受理).</summary>
    PublicOrderAccepted,
    /// <summary>Public-order cases, on the date dealt with (查处).</summary>
    PublicOrderDealt,
    /// <summary>Suspects caught, criminal and public-order, on the date solved or dealt with.</summary>
    OffenceSuspects,
    /// <summary>Cases of carrying controlled instruments in public places, on the date dealt with.</summary>
    ControlledInstrumentCases,
    /// <summary>Criminal cases with a victim among women, children, the elderly, the disabled or students, on the date filed.</summary>
    VulnerableVictimCases,
}

/// <summary>A figure that units report on a form, or that is counted from case records.</summary>
public sealed class Indicator
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public string NameEn { get; set; } = "";
    public Measure Measure { get; set; }
    public int? OwnerLineId { get; set; }
    public Line? OwnerLine { get; set; }
    public IndicatorSource Source { get; set; }
    public DerivedRule Rule { get; set; }
    public GoodDirection Good { get; set; } = GoodDirection.Up;

    /// <summary>A reported indicator whose running total may not exceed this one's (resolved ≤ screened).</summary>
    public string? AtMostCode { get; set; }

    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameZh;
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> e)
    {
        e.HasIndex(i => i.Code).IsUnique();
        e.Property(i => i.Code).HasMaxLength(40);
        e.Property(i => i.AtMostCode).HasMaxLength(40);
        e.Property(i => i.Measure).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Rule).HasConversion<string>().HasMaxLength(40);
        e.Property(i => i.Good).HasConversion<string>().HasMaxLength(10);
        e.HasOne(i => i.OwnerLine).WithMany().HasForeignKey(i => i.OwnerLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
