using Centurion.Features.Statistics;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Records;

public enum CaseKind { Criminal, PublicOrder }

/// <summary>One criminal or public-order case imported from another system; derived indicators are counted from these.</summary>
public sealed class CaseRecord : IUnitOwned
{
    public long Id { get; set; }

    /// <summary>The source system's id; re-importing the same id updates the record.</summary>
    public required string ExternalId { get; set; }

    public CaseKind Kind { get; set; }
    public int UnitId { get; set; }
    public required string Category { get; set; }
    public DateOnly FiledOn { get; set; }
    public DateOnly? SolvedOn { get; set; }

    /// <summary>Suspects caught, counted on <see cref="SolvedOn"/>.</summary>
    public int Suspects { get; set; }

    public required string PlaceType { get; set; }
    public VictimGroups VictimGroups { get; set; }
    public bool ControlledInstrument { get; set; }

    /// <summary>The import that last wrote this record.</summary>
    public long ImportBatchId { get; set; }
}

internal sealed class CaseRecordConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> e)
    {
        e.HasIndex(r => r.ExternalId).IsUnique();
        e.HasIndex(r => new { r.UnitId, r.FiledOn });
        e.HasIndex(r => new { r.UnitId, r.SolvedOn });
        e.Property(r => r.ExternalId).HasMaxLength(64);
        e.Property(r => r.Category).HasMaxLength(40);
        e.Property(r => r.PlaceType).HasMaxLength(40);
        e.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
