using System.Security.Cryptography;
using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Evidence;
using Centurion.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Centurion.Tests.Evidence;

/// <summary>
/// The evidence store on a real folder and a real database (SQLite and PostgreSQL): what it accepts and how it keeps it, what
/// it refuses (and that a refusal leaves nothing behind, not even a temporary file), and a damaged or missing file never served.
/// </summary>
public sealed class EvidenceStoreTests : IAsyncLifetime
{
    private const long FileLimit = 64 * 1024, TotalLimit = 96 * 1024;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("evidence-store-");
    private readonly Logged _log = new();
    private readonly TestClock _clock = new();
    private EvidenceStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new EvidenceStore(Options.Create(new EvidenceOptions { Path = _folder.FullName, MaxFileBytes = FileLimit, MaxTotalBytes = TotalLimit }), _clock, _log);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private async Task<CenturionDb> DbAsync(DatabaseProvider provider) =>
        TestDatabases.Open(provider, await TestDatabases.CreateAsync(provider), _clock);

    private Task<EvidenceFile> StoreAsync(CenturionDb db, byte[] content, string name, long already = 0) =>
        _store.StoreAsync(db, new MemoryStream(content), name, already, unitId: null);

    private string[] StoredFiles() => [.. Directory.EnumerateFiles(_folder.FullName, "*", SearchOption.AllDirectories)];

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [Theory, BothDatabases]
    public async Task A_photo_is_stored_under_its_hash_with_its_own_time_and_place(DatabaseProvider provider)
    {
        _clock.SetUtc(new DateTime(2022, 7, 15, 2, 0, 0, DateTimeKind.Utc));
        var photo = DemoPhotos.Jpeg(11, new DateTimeOffset(2022, 7, 14, 21, 35, 20, TimeSpan.FromHours(8)), 104.065694, 30.6595);
        long id;
        var cs = await TestDatabases.CreateAsync(provider);
        await using (var db = TestDatabases.Open(provider, cs, _clock))
        {
            var row = await StoreAsync(db, photo, @"C:\fakepath\春熙路夜市 现场.JPG");
            await db.SaveChangesAsync();
            id = row.Id;
        }
        await using var check = TestDatabases.Open(provider, cs, _clock);
        var stored = await check.EvidenceFiles.SingleAsync(f => f.Id == id);
        Assert.Equal(Sha256(photo), stored.Sha256);
        Assert.Equal(photo.Length, stored.Size);
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.Equal("春熙路夜市 现场.jpg", stored.FileName);
        Assert.Equal("test", stored.UploadedBy);
        Assert.Equal(new DateTime(2022, 7, 15, 2, 0, 0, DateTimeKind.Utc), stored.UploadedAtUtc);
        Assert.Equal(new DateTime(2022, 7, 14, 13, 35, 20, DateTimeKind.Utc), stored.TakenAtUtc);
        Assert.Equal(104.065694, stored.Longitude!.Value, 5);
        Assert.Equal(30.6595, stored.Latitude!.Value, 5);
        var file = Assert.Single(StoredFiles());
        Assert.Equal(Path.Combine(_folder.FullName, stored.Sha256[..2], stored.Sha256), file);
        Assert.Equal(photo, await File.ReadAllBytesAsync(file));
    }

    [Theory, BothDatabases]
    public async Task Png_pdf_and_office_documents_are_stored_with_the_type_of_their_content(DatabaseProvider provider)
    {
        await using var db = await DbAsync(provider);
        var png = await StoreAsync(db, EvidenceSamples.Png(), "screen.png");
        var pdf = await StoreAsync(db, EvidenceSamples.Pdf(), "整改报告.pdf");
        var docx = await StoreAsync(db, EvidenceSamples.OfficePackage(EvidenceSamples.WordMain), "整改方案.docx");
        var xlsxNamedPdf = await StoreAsync(db, EvidenceSamples.OfficePackage(EvidenceSamples.ExcelMain, "/xl/workbook.xml"), "台账.pdf");
        await db.SaveChangesAsync();
        var rows = await Ours(db).OrderBy(f => f.Id).Select(f => new { f.FileName, f.ContentType, f.TakenAtUtc }).ToListAsync();
        Assert.Equal(
            [
                new { FileName = "screen.png", ContentType = "image/png", TakenAtUtc = (DateTime?)null },
                new { FileName = "整改报告.pdf", ContentType = "application/pdf", TakenAtUtc = (DateTime?)null },
                new { FileName = "整改方案.docx", ContentType = EvidenceTypes.Docx.ContentType, TakenAtUtc = (DateTime?)null },
                new { FileName = "台账.xlsx", ContentType = EvidenceTypes.Xlsx.ContentType, TakenAtUtc = (DateTime?)null },
            ], rows);
        Assert.Equal(4, StoredFiles().Length);
        Assert.All([png, pdf, docx, xlsxNamedPdf], f => Assert.True(File.Exists(_store.PathOf(f.Sha256))));
    }

    [Theory, BothDatabases]
    public async Task The_same_content_uploaded_twice_is_two_rows_over_one_file(DatabaseProvider provider)
    {
        await using var db = await DbAsync(provider);
        var pdf = EvidenceSamples.Pdf();
        var first = await StoreAsync(db, pdf, "a.pdf");
        var second = await StoreAsync(db, pdf, "b.pdf");
        await db.SaveChangesAsync();
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(2, await Ours(db).CountAsync(f => f.Sha256 == first.Sha256));
        Assert.Single(StoredFiles());
    }

    [Theory, BothDatabases]
    public async Task An_html_file_named_jpg_is_refused_and_leaves_nothing_behind(DatabaseProvider provider)
    {
        await using var db = await DbAsync(provider);
        var e = await Assert.ThrowsAsync<DomainException>(() => StoreAsync(db, EvidenceSamples.Html, "现场照片.jpg"));
        Assert.Equal(422, e.Status);
        Assert.Contains("“现场照片.jpg”", e.Text.Zh);
        Assert.Contains("\"现场照片.jpg\"", e.Text.En);
        Assert.Contains("not the name", e.Text.En);
        await AssertNothingStoredAsync(db);
    }

    [Theory, BothDatabases]
    public async Task An_empty_file_is_refused(DatabaseProvider provider)
    {
        await using var db = await DbAsync(provider);
        var e = await Assert.ThrowsAsync<DomainException>(() => StoreAsync(db, [], "empty.jpg"));
        Assert.Equal(422, e.Status);
        Assert.Equal("The file \"empty.jpg\" is empty; nothing was stored.", e.Text.En);
        await AssertNothingStoredAsync(db);
    }

    [Theory, BothDatabases]
    public async Task A_file_over_the_limit_is_refused_and_read_no_further_than_the_limit(DatabaseProvider provider)
    {
        await using var db = await DbAsync(provider);
        var endless = new EndlessJpeg();
        var e = await Assert.ThrowsAsync<DomainException>(() => _store.StoreAsync(db, endless, "big.jpg", 0, null));
        Assert.Equal(413, e.Status);
        Assert.Equal("The file \"big.jpg\" is larger than the limit of 64 KB per file; nothing was stored.", e.Text.En);
        Assert.Equal("文件“big.jpg”超过单个文件 64 KB 的上限，未保存。", e.Text.Zh);
        Assert.InRange(endless.Served, FileLimit + 1, FileLimit + 81920);
        await AssertNothingStoredAsync(db);

        // Exactly at the limit is accepted.
        var atLimit = new byte[FileLimit];
        DemoPhotos.Jpeg(1).CopyTo(atLimit, 0);
        Assert.Equal(FileLimit, (await StoreAsync(db, atLimit, "exact.jpg")).Size);
    }

    [Theory, BothDatabases]
    public async Task A_file_that_would_take_the_total_over_its_limit_is_refused(DatabaseProvider provider)
    {
        await using var db = await DbAsync(provider);
        var pdf = EvidenceSamples.Pdf();
        var e = await Assert.ThrowsAsync<DomainException>(() => StoreAsync(db, pdf, "third.pdf", already: TotalLimit - pdf.Length + 1));
        Assert.Equal(413, e.Status);
        Assert.Contains("96 KB in all", e.Text.En);
        await AssertNothingStoredAsync(db);
        e = await Assert.ThrowsAsync<DomainException>(() => StoreAsync(db, pdf, "fourth.pdf", already: TotalLimit));
        Assert.Equal(413, e.Status);
        Assert.Equal(pdf.Length, (await StoreAsync(db, pdf, "fits.pdf", already: TotalLimit - pdf.Length)).Size);
    }

    [Theory, BothDatabases]
    public async Task Several_files_are_stored_all_or_none(DatabaseProvider provider)
    {
        await using var db = await DbAsync(provider);
        IFormFile[] files = [Upload(EvidenceSamples.Pdf(), "a.pdf"), Upload(EvidenceSamples.Png(), "b.png"), Upload(EvidenceSamples.Html, "c.jpg")];
        var e = await Assert.ThrowsAsync<DomainException>(() => _store.StoreAllAsync(db, files, 0, null));
        Assert.Contains("\"c.jpg\"", e.Text.En);
        Assert.Empty(db.ChangeTracker.Entries<EvidenceFile>());
        await db.SaveChangesAsync();
        Assert.Equal(0, await Ours(db).CountAsync());
        Assert.Empty(Directory.EnumerateFiles(_folder.FullName, ".upload-*"));

        var stored = await _store.StoreAllAsync(db, files[..2], 0, null);
        await db.SaveChangesAsync();
        Assert.Equal(["a.pdf", "b.png"], stored.Select(f => f.FileName));
    }

    [Theory, BothDatabases]
    public async Task A_stored_file_is_served_as_an_attachment_with_its_type_and_never_sniffed(DatabaseProvider provider)
    {
        await using var db = await DbAsync(provider);
        var photo = DemoPhotos.Jpeg(12);
        var row = await StoreAsync(db, photo, "现场 照片.jpg");
        await db.SaveChangesAsync();
        var http = await ServeAsync(row);
        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal("image/jpeg", http.Response.ContentType);
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions);
        var disposition = http.Response.Headers.ContentDisposition.ToString();
        Assert.StartsWith("attachment;", disposition);
        Assert.Contains("filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87.jpg", disposition);
        Assert.Equal(photo, ((MemoryStream)http.Response.Body).ToArray());
    }

    [Theory, BothDatabases]
    public async Task A_tampered_file_is_detected_logged_and_not_served(DatabaseProvider provider)
    {
        await using var db = await DbAsync(provider);
        var row = await StoreAsync(db, EvidenceSamples.Pdf(), "report.pdf");
        await db.SaveChangesAsync();
        await File.WriteAllBytesAsync(_store.PathOf(row.Sha256), EvidenceSamples.Html);
        var e = await Assert.ThrowsAsync<DomainException>(() => ServeAsync(row));
        Assert.Equal(410, e.Status);
        Assert.Contains("\"report.pdf\" is damaged or altered", e.Text.En);
        Assert.Contains(_log.Errors, m => m.Contains(row.Sha256) && m.Contains("damaged"));

        // Uploading the right bytes again repairs the store.
        await StoreAsync(db, EvidenceSamples.Pdf(), "again.pdf");
        Assert.Equal(200, (await ServeAsync(row)).Response.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_missing_file_is_reported_and_logged(DatabaseProvider provider)
    {
        await using var db = await DbAsync(provider);
        var row = await StoreAsync(db, EvidenceSamples.Png(), "gone.png");
        await db.SaveChangesAsync();
        File.Delete(_store.PathOf(row.Sha256));
        var e = await Assert.ThrowsAsync<DomainException>(() => ServeAsync(row));
        Assert.Equal(410, e.Status);
        Assert.Equal("证据文件“gone.png”在存储中找不到，无法提供。已记录此问题，请告知系统管理员。", e.Text.Zh);
        Assert.Contains(_log.Errors, m => m.Contains("missing") && m.Contains(row.Sha256));
    }

    [Fact]
    public void A_temporary_file_left_by_a_dead_process_is_removed_at_start_and_a_recent_one_kept()
    {
        var old = Path.Combine(_folder.FullName, ".upload-old.tmp");
        var recent = Path.Combine(_folder.FullName, ".upload-recent.tmp");
        File.WriteAllText(old, "x");
        File.WriteAllText(recent, "x");
        File.SetLastWriteTimeUtc(old, _clock.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(recent, _clock.UtcNow.AddMinutes(-5));
        _ = new EvidenceStore(Options.Create(new EvidenceOptions { Path = _folder.FullName }), _clock, _log);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    /// <summary>The files this test uploaded (as "test"), not the demo's photos that the template database holds.</summary>
    private static IQueryable<EvidenceFile> Ours(CenturionDb db) => db.EvidenceFiles.Where(f => f.UploadedBy == "test");

    private async Task AssertNothingStoredAsync(CenturionDb db)
    {
        Assert.Empty(StoredFiles());
        Assert.Empty(db.ChangeTracker.Entries<EvidenceFile>());
        Assert.Equal(0, await Ours(db).CountAsync());
    }

    private async Task<DefaultHttpContext> ServeAsync(EvidenceFile row)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();
        await (await _store.DownloadAsync(row)).ExecuteAsync(http);
        return http;
    }

    private static FormFile Upload(byte[] content, string name) =>
        new(new MemoryStream(content), 0, content.Length, "evidence", name) { Headers = new HeaderDictionary(), ContentType = "image/jpeg" };

    /// <summary>A JPEG that never ends, counting what was read from it.</summary>
    private sealed class EndlessJpeg : Stream
    {
        public long Served { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++) buffer[offset + i] = Served + i < 3 ? (byte)0xFF : (byte)0;
            if (Served == 0) buffer[offset + 1] = 0xD8;
            Served += count;
            return count;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>The store's log, kept to look at.</summary>
    private sealed class Logged : ILogger<EvidenceStore>
    {
        public List<string> Errors { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (level >= LogLevel.Error) Errors.Add(formatter(state, exception));
        }
    }
}
