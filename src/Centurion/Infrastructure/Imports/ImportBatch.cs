using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Infrastructure.Imports;

/// <summary>One import of a file: who, when, what file, what it did. Inserted rows point to it; updates are audited row by row.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public required string Actor { get; set; }
    public DateTime AtUtc { get; set; }
    public int? CampaignId { get; set; }
    public int Rows { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> e)
    {
        e.Property(i => i.Kind).HasMaxLength(20);
        e.Property(i => i.Sha256).HasMaxLength(64);
    }
}
