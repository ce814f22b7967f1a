using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Infrastructure.Evidence;

/// <summary>
/// One uploaded evidence file: its bytes live in the content-addressed store on disk (<see cref="EvidenceStore"/>), named by
/// <see cref="Sha256"/>; this row says what they are and where they came from. Two uploads of the same bytes are two rows over one
/// stored file. Made only by <see cref="EvidenceStore"/>,
/// after the file is in place, so a row never names bytes that were not stored.
/// </summary>
public sealed class EvidenceFile : IAuditedUnit
{
    public const int FileNameLength = 120;

    public long Id { get; private set; }
    public string Sha256 { get; private set; } = "";
    public long Size { get; private set; }

    /// <summary>Found from the content (<see cref="EvidenceTypes"/>), never the client's Content-Type; served as this.</summary>
    public string ContentType { get; private set; } = "";

    /// <summary>The uploaded name, cleaned, with the extension of the type found (<see cref="EvidenceNames.Clean"/>).</summary>
    public string FileName { get; private set; } = "";

    public string UploadedBy { get; private set; } = "";
    public string? UploadedById { get; private set; }
    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>When the photo was taken, from its EXIF DateTimeOriginal (with its offset, or else in province time); null when absent.</summary>
    public DateTime? TakenAtUtc { get; private set; }

    /// <summary>Where the photo was taken, from its EXIF GPS position; null when absent.</summary>
    public double? Longitude { get; private set; }
    public double? Latitude { get; private set; }

    /// <summary>The unit the evidence is about, for the audit (read by unit subtree); the feature that attaches it says which.</summary>
    public int? UnitId { get; private set; }

    int? IAuditedUnit.AuditUnitId => UnitId;

    private EvidenceFile() { }

    internal static EvidenceFile Stored(string sha256, long size, EvidenceType type, string fileName, PhotoFacts photo,
        string by, string? byId, DateTime at, int? unitId) => new()
    {
        Sha256 = sha256, Size = size, ContentType = type.ContentType, FileName = fileName,
        UploadedBy = by, UploadedById = byId, UploadedAtUtc = at,
        TakenAtUtc = photo.TakenAtUtc, Longitude = photo.Longitude, Latitude = photo.Latitude, UnitId = unitId,
    };
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> e)
    {
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.Property(f => f.ContentType).HasMaxLength(100);
        e.Property(f => f.FileName).HasMaxLength(EvidenceFile.FileNameLength);
        e.Property(f => f.UploadedBy).HasMaxLength(256);
        e.HasIndex(f => f.Sha256);
    }
}
