using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace Centurion.Infrastructure.Evidence;

/// <summary>When and where a photo was taken, as its own metadata says; each part null when the photo does not say.</summary>
public sealed record PhotoFacts(DateTime? TakenAtUtc, double? Longitude, double? Latitude)
{
    public static readonly PhotoFacts None = new(null, null, null);

    /// <summary>EXIF OffsetTimeOriginal: the offset from UTC of DateTimeOriginal, e.g. "+08:00" (EXIF 2.31).</summary>
    private const int TagOffsetTimeOriginal = 0x9011;

    /// <summary>
    /// Reads EXIF DateTimeOriginal (with OffsetTimeOriginal where the camera wrote it; without, the camera's clock is taken to be in
    /// province time, Asia/Shanghai, as a phone in the province is) and the GPS position. Damaged or absent metadata gives nothing,
    /// never an error: the photo itself was already accepted by its content.
    /// </summary>
    public static PhotoFacts Read(string path)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try { directories = ImageMetadataReader.ReadMetadata(path); }
        catch (Exception e) when (e is ImageProcessingException or IOException or ArgumentException or IndexOutOfRangeException) { return None; }

        DateTime? taken = null;
        foreach (var exif in directories.OfType<ExifSubIfdDirectory>())
            if (exif.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var local) && local.Year >= 1900)
            {
                taken = Offset(exif.GetString(TagOffsetTimeOriginal)) is { } offset
                    ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).UtcDateTime
                    : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ProvinceTime.Zone);
                break;
            }

        double? lon = null, lat = null;
        foreach (var gps in directories.OfType<GpsDirectory>())
            if (gps.GetGeoLocation() is { IsZero: false } at && double.IsFinite(at.Latitude) && double.IsFinite(at.Longitude)
                && Math.Abs(at.Latitude) <= 90 && Math.Abs(at.Longitude) <= 180)
            {
                (lon, lat) = (Math.Round(at.Longitude, 6), Math.Round(at.Latitude, 6));
                break;
            }
        return new PhotoFacts(taken, lon, lat);
    }

    private static TimeSpan? Offset(string? text) =>
        text is { Length: 6 } && (text[0] is '+' or '-')
        && TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var span) && span <= TimeSpan.FromHours(14)
            ? text[0] == '-' ? -span : span
            : null;
}
