using Centurion.Features.Demo;
using Centurion.Infrastructure.Evidence;

namespace Centurion.Tests.Evidence;

/// <summary>Types judged by content from real files on disk, names cleaned, and a photo's own time and place read from its EXIF.</summary>
public sealed class EvidenceTypesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("evidence-types-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string? Detect(byte[] content)
    {
        var path = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, content);
        return EvidenceTypes.Detect(path)?.Code;
    }

    [Fact]
    public void Each_accepted_kind_is_recognised_by_its_content()
    {
        Assert.Equal("jpeg", Detect(DemoPhotos.Jpeg(1)));
        Assert.Equal("png", Detect(EvidenceSamples.Png()));
        Assert.Equal("pdf", Detect(EvidenceSamples.Pdf()));
        Assert.Equal("docx", Detect(EvidenceSamples.OfficePackage(EvidenceSamples.WordMain)));
        Assert.Equal("xlsx", Detect(EvidenceSamples.OfficePackage(EvidenceSamples.ExcelMain, "/xl/workbook.xml")));
        Assert.Equal("pptx", Detect(EvidenceSamples.OfficePackage(EvidenceSamples.PowerPointMain, "/ppt/presentation.xml")));
        Assert.Equal("doc", Detect(EvidenceSamples.CompoundFile("WordDocument")));
        Assert.Equal("xls", Detect(EvidenceSamples.CompoundFile("Workbook")));
        Assert.Equal("ppt", Detect(EvidenceSamples.CompoundFile("PowerPoint Document")));
    }

    [Fact]
    public void Anything_else_is_refused_whatever_it_is_called()
    {
        Assert.Null(Detect(EvidenceSamples.Html));
        Assert.Null(Detect("GIF89a"u8.ToArray()));
        Assert.Null(Detect(EvidenceSamples.PlainZip()));
        Assert.Null(Detect(EvidenceSamples.OfficePackage(EvidenceSamples.WordMacroMain)));
        Assert.Null(Detect(EvidenceSamples.CompoundFile("Contents")));
        Assert.Null(Detect([0x89, (byte)'P', (byte)'N', (byte)'G']));               // a signature cut short
        Assert.Null(Detect([(byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0, 0, 0]));             // a ZIP header and nothing after
        Assert.Null(Detect([.. EvidenceSamples.CompoundFile("WordDocument")[..600]])); // a compound file cut short
        Assert.Null(Detect([]));
    }

    [Theory]
    [InlineData(@"C:\Users\wang\Desktop\现场照片.JPG", "jpeg", "现场照片.jpg")]
    [InlineData("/home/li/photo.jpeg", "jpeg", "photo.jpeg")]
    [InlineData("整改报告.jpg", "pdf", "整改报告.pdf")]          // named as a photo, a PDF inside: it keeps the extension of its content
    [InlineData("report", "docx", "report.docx")]
    [InlineData("..\\..\\etc\\passwd", "png", "passwd.png")]
    [InlineData("a\"b<c>|d?*:e\r\n.png", "png", "abcde.png")]
    [InlineData(".png", "png", "evidence.png")]
    [InlineData("   ...  ", "pdf", "evidence.pdf")]
    [InlineData(null, "pdf", "evidence.pdf")]
    public void A_name_is_cleaned_and_given_the_extension_of_its_content(string? original, string type, string expected) =>
        Assert.Equal(expected, EvidenceNames.Clean(original, EvidenceTypes.All.Single(t => t.Code == type)));

    [Fact]
    public void A_long_name_is_cut_keeping_its_extension()
    {
        var name = EvidenceNames.Clean(new string('长', 300) + ".pdf", EvidenceTypes.Pdf);
        Assert.Equal(EvidenceFile.FileNameLength, name.Length);
        Assert.EndsWith("长.pdf", name);
    }

    [Fact]
    public void A_photo_gives_its_time_with_offset_and_its_position()
    {
        var path = Path.Combine(_folder.FullName, "p.jpg");
        // 21:35:20 in Chengdu (+08:00) is 13:35:20 UTC; 104° 3' 56.5" E = 104.065694°, 30° 39' 34.2" N = 30.659500°.
        File.WriteAllBytes(path, DemoPhotos.Jpeg(7, new DateTimeOffset(2022, 7, 14, 21, 35, 20, TimeSpan.FromHours(8)), 104.065694, 30.6595));
        var facts = PhotoFacts.Read(path);
        Assert.Equal(new DateTime(2022, 7, 14, 13, 35, 20, DateTimeKind.Utc), facts.TakenAtUtc);
        Assert.Equal(104.065694, facts.Longitude!.Value, 5);
        Assert.Equal(30.6595, facts.Latitude!.Value, 5);
    }

    [Fact]
    public void A_photo_taken_abroad_keeps_its_own_offset_and_a_southern_western_position_is_negative()
    {
        var path = Path.Combine(_folder.FullName, "p.jpg");
        File.WriteAllBytes(path, DemoPhotos.Jpeg(8, new DateTimeOffset(2022, 8, 1, 9, 0, 0, TimeSpan.FromHours(-3)), -43.2, -22.9));
        var facts = PhotoFacts.Read(path);
        Assert.Equal(new DateTime(2022, 8, 1, 12, 0, 0, DateTimeKind.Utc), facts.TakenAtUtc);
        Assert.Equal(-43.2, facts.Longitude!.Value, 5);
        Assert.Equal(-22.9, facts.Latitude!.Value, 5);
    }

    [Fact]
    public void A_photo_without_metadata_gives_none()
    {
        var path = Path.Combine(_folder.FullName, "p.jpg");
        File.WriteAllBytes(path, DemoPhotos.Jpeg(9));
        Assert.Equal(PhotoFacts.None, PhotoFacts.Read(path));
        File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, .. "Exif\0\0garbage!!"u8]);
        Assert.Equal(PhotoFacts.None, PhotoFacts.Read(path));
    }

    [Fact]
    public void The_same_seed_gives_the_same_photo_and_another_seed_another()
    {
        var at = new DateTimeOffset(2022, 7, 14, 21, 35, 20, TimeSpan.FromHours(8));
        Assert.Equal(DemoPhotos.Jpeg(3, at, 104.1, 30.7), DemoPhotos.Jpeg(3, at, 104.1, 30.7));
        Assert.NotEqual(DemoPhotos.Jpeg(3), DemoPhotos.Jpeg(4));
        Assert.InRange(DemoPhotos.Jpeg(3, at, 104.1, 30.7).Length, 1000, 12_000);
    }
}
