using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Units;

public enum UnitLevel { Province, Prefecture, County, Station }

/// <summary>A node of the police hierarchy: the province's department, a prefecture or county bureau, a station.</summary>
public sealed class Unit : IAuditedUnit
{
    public int Id { get; set; }

    /// <summary>GB/T 2260 division code for province, prefecture and county; a township-style 9-digit code for stations.</summary>
    public required string Code { get; set; }

    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    public UnitLevel Level { get; set; }
    public required string NameZh { get; set; }
    public string NameEn { get; set; } = "";

    /// <summary>When this code took effect, where known (codes change when a county becomes a city).</summary>
    public DateOnly? CodeValidFrom { get; set; }

    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameZh;

    int? IAuditedUnit.AuditUnitId => Id;
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> e)
    {
        e.HasIndex(u => u.Code).IsUnique();
        e.HasIndex(u => u.ParentId);
        e.Property(u => u.Code).HasMaxLength(16);
        e.Property(u => u.Level).HasConversion<string>().HasMaxLength(16);
        e.Property(u => u.NameZh).HasMaxLength(100);
        e.Property(u => u.NameEn).HasMaxLength(200);
        e.HasOne(u => u.Parent).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Closure table: one row for every (ancestor, descendant) pair, including each unit with itself at depth 0.</summary>
[NotAudited] // derived from Unit.ParentId, whose changes are audited
public sealed class UnitLink
{
    public int AncestorId { get; set; }
    public int DescendantId { get; set; }
    public int Depth { get; set; }
}

internal sealed class UnitLinkConfiguration : IEntityTypeConfiguration<UnitLink>
{
    public void Configure(EntityTypeBuilder<UnitLink> e)
    {
        e.HasKey(l => new { l.AncestorId, l.DescendantId });
        e.HasIndex(l => new { l.DescendantId, l.AncestorId });
        e.HasOne<Unit>().WithMany().HasForeignKey(l => l.AncestorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(l => l.DescendantId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A police line (警种): public order, criminal investigation, narcotics control, traffic, …</summary>
public sealed class Line
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public string NameEn { get; set; } = "";
    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameZh;
}

internal sealed class LineConfiguration : IEntityTypeConfiguration<Line>
{
    public void Configure(EntityTypeBuilder<Line> e)
    {
        e.HasIndex(l => l.Code).IsUnique();
        e.Property(l => l.Code).HasMaxLength(40);
    }
}
