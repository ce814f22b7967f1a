using System.Globalization;
using System.Security.Cryptography;
using Centurion.Data;
using Microsoft.Extensions.Options;

namespace Centurion.Infrastructure.Evidence;

/// <summary>Where evidence is kept and how much of it one upload may bring (configuration section <c>Evidence</c>).</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>The store's folder; by default <c>evidence</c> in the data folder (beside the SQLite database).</summary>
    public string Path { get; set; } = "";

    public long MaxFileBytes { get; set; } = 10L << 20;

    /// <summary>All the evidence of one finding, or of one submission of a rectification item, together.</summary>
    public long MaxTotalBytes { get; set; } = 50L << 20;

    /// <summary>What a request carrying a full set of evidence may weigh, with room for the form's other fields.</summary>
    public long MaxRequestBytes => MaxTotalBytes + (1L << 20);
}

/// <summary>
/// The content-addressed evidence store: each file's bytes once on disk under their SHA-256
/// (<c>{Path}/ab/abcdef…</c>), an <see cref="EvidenceFile"/> row per upload in the database. An upload is read once, never past
/// the limit, into a temporary file in the store's folder while it is hashed; its type is judged from that file's content;
/// then it is moved into place in one rename, so no partial file is ever under a hash name, and the temporary file is gone
/// whatever happens. Features call it and decide who may upload and see; it knows no feature.
/// </summary>
public sealed class EvidenceStore
{
    private readonly EvidenceOptions _options;
    private readonly ILogger<EvidenceStore> _log;

    public EvidenceStore(IOptions<EvidenceOptions> options, TimeProvider clock, ILogger<EvidenceStore> log)
    {
        _options = options.Value;
        _log = log;
        Root = System.IO.Path.GetFullPath(_options.Path);
        Directory.CreateDirectory(Root);
        // Left by a process that died mid-upload; an upload in progress is younger than an hour.
        var cutoff = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        foreach (var stale in Directory.EnumerateFiles(Root, TempPattern))
            if (File.GetLastWriteTimeUtc(stale) < cutoff) File.Delete(stale);
    }

    private const string TempPattern = ".upload-*.tmp";

    public string Root { get; }
    public long MaxFileBytes => _options.MaxFileBytes;
    public long MaxTotalBytes => _options.MaxTotalBytes;
    public long MaxRequestBytes => _options.MaxRequestBytes;

    /// <summary>Where the bytes with this hash are kept.</summary>
    public string PathOf(string sha256) => System.IO.Path.Combine(Root, sha256[..2], sha256);

    /// <summary>
    /// Stores one upload and adds its row to <paramref name="db"/> (the caller saves it with what it attaches the file to).
    /// Refused, with nothing stored: empty (422), larger than the per-file limit or than what is left of the total after
    /// <paramref name="bytesAlreadyAttached"/> (413), or of a type not accepted, judged by content (422).
    /// </summary>
    /// <param name="unitId">The unit the evidence is about, for the audit.</param>
    /// <param name="uploadedBy">Who uploaded it, when not the context's actor: the demo, which records what happened in 2022.</param>
    /// <param name="uploadedAtUtc">When, likewise; otherwise the context's clock.</param>
    public async Task<EvidenceFile> StoreAsync(CenturionDb db, Stream content, string? fileName, long bytesAlreadyAttached, int? unitId, CancellationToken ct = default,
        string? uploadedBy = null, DateTime? uploadedAtUtc = null)
    {
        var shown = EvidenceNames.Clean(fileName);
        var room = MaxTotalBytes - bytesAlreadyAttached;
        if (room <= 0) throw TooLarge(Text.TotalTooLarge, shown, MaxTotalBytes);
        var limit = Math.Min(MaxFileBytes, room);

        var temp = System.IO.Path.Combine(Root, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            string sha256;
            long size = 0;
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += n;
                    if (size > limit)
                        throw limit == MaxFileBytes ? TooLarge(Text.FileTooLarge, shown, MaxFileBytes) : TooLarge(Text.TotalTooLarge, shown, MaxTotalBytes);
                    hash.AppendData(buffer, 0, n);
                    await target.WriteAsync(buffer.AsMemory(0, n), ct);
                }
                await target.FlushAsync(ct);
                target.Flush(flushToDisk: true);
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            if (size == 0) throw DomainException.Invalid(Text.Empty.Phrase(shown), Field(Text.Empty.Phrase(shown)));
            var type = EvidenceTypes.Detect(temp) ?? throw DomainException.Invalid(Text.WrongType.Phrase(shown), Field(Text.WrongType.Phrase(shown)));
            var photo = type.IsPhoto ? PhotoFacts.Read(temp) : PhotoFacts.None;

            PutInPlace(temp, sha256);
            var row = EvidenceFile.Stored(sha256, size, type, EvidenceNames.Clean(fileName, type), photo,
                uploadedBy ?? db.Actor.Name, uploadedBy is null ? db.Actor.UserId : null, uploadedAtUtc ?? db.Clock.GetUtcNow().UtcDateTime, unitId);
            db.Add(row);
            return row;
        }
        finally { File.Delete(temp); }
    }

    /// <summary>Stores several uploads for one finding or submission, all or none: on a refusal none of their rows stays in the context.</summary>
    public async Task<IReadOnlyList<EvidenceFile>> StoreAllAsync(CenturionDb db, IEnumerable<IFormFile> files, long bytesAlreadyAttached, int? unitId, CancellationToken ct = default)
    {
        var stored = new List<EvidenceFile>();
        try
        {
            foreach (var file in files)
            {
                await using var content = file.OpenReadStream();
                var row = await StoreAsync(db, content, file.FileName, bytesAlreadyAttached, unitId, ct);
                bytesAlreadyAttached += row.Size;
                stored.Add(row);
            }
            return stored;
        }
        catch
        {
            foreach (var row in stored) db.Entry(row).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            throw;
        }
    }

    /// <summary>
    /// The same bytes are kept once. If a file is already under the hash it is checked, and replaced when it no longer holds
    /// those bytes (damaged on disk), so an upload of the right content repairs the store.
    /// </summary>
    private void PutInPlace(string temp, string sha256)
    {
        var path = PathOf(sha256);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            if (HashOf(path) == sha256) return;
            _log.LogWarning("Evidence file {Path} did not hold the bytes of its name; replaced by an upload of them.", path);
            File.Move(temp, path, overwrite: true);
            return;
        }
        try { File.Move(temp, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { } // the same bytes, put in place by a concurrent upload
    }

    private static string HashOf(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>
    /// The stored bytes as a download, for a feature to return once it has checked that the caller may see what the file is
    /// attached to. The file is opened once and hashed before anything is sent; a file missing from the store, or whose bytes no
    /// longer match the hash recorded, is logged and refused (410), never served.
    /// </summary>
    public async Task<IResult> DownloadAsync(EvidenceFile file, CancellationToken ct = default)
    {
        var path = PathOf(file.Sha256);
        FileStream stream;
        try { stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            _log.LogError("Evidence file {Id} ({Name}) is missing from the store: {Path}", file.Id, file.FileName, path);
            throw new DomainException(StatusCodes.Status410Gone, Text.Missing.Phrase(file.FileName));
        }
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        if (actual != file.Sha256 || stream.Length != file.Size)
        {
            var length = stream.Length;
            await stream.DisposeAsync();
            _log.LogError("Evidence file {Id} ({Name}) at {Path} is damaged: SHA-256 {Actual}, {Length} bytes; recorded {Expected}, {Size} bytes",
                file.Id, file.FileName, path, actual, length, file.Sha256, file.Size);
            throw new DomainException(StatusCodes.Status410Gone, Text.Damaged.Phrase(file.FileName));
        }
        stream.Position = 0;
        return new Download(Results.File(stream, file.ContentType, file.FileName));
    }

    /// <summary>Always an attachment (the file result's download name), never sniffed, and never a document the browser runs.</summary>
    private sealed class Download(IResult file) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            http.Response.Headers.CacheControl = "private, no-store";
            return file.ExecuteAsync(http);
        }
    }

    private DomainException TooLarge(Message message, string name, long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, message.Phrase(name, Size(limit)), Field(message.Phrase(name, Size(limit))));

    private static Dictionary<string, string[]> Field(Phrase message) => new() { ["evidence"] = [message] };

    /// <summary>A byte count as people write it: 10 MB, 512 KB.</summary>
    public static string Size(long bytes) =>
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? $"{bytes >> 20} MB"
        : bytes >= 1 << 20 ? (bytes / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : bytes >= 1 << 10 ? $"{(bytes + 1023) >> 10} KB"
        : $"{bytes} B";

    /// <summary>A message with the file's name (and a limit) filled in, in both languages.</summary>
    public sealed record Message(string Zh, string En)
    {
        public Phrase Phrase(params object[] args) =>
            new(string.Format(CultureInfo.InvariantCulture, Zh, args), string.Format(CultureInfo.InvariantCulture, En, args));
    }

    public static class Text
    {
        public static readonly Message Empty = new("文件“{0}”是空的，未保存。", "The file \"{0}\" is empty; nothing was stored.");
        public static readonly Message FileTooLarge = new("文件“{0}”超过单个文件 {1} 的上限，未保存。",
            "The file \"{0}\" is larger than the limit of {1} per file; nothing was stored.");
        public static readonly Message TotalTooLarge = new("加上文件“{0}”，同一问题（或同一次整改提交）的证据将超过合计 {1} 的上限，未保存。",
            "With the file \"{0}\", the evidence of one finding (or one submission) would exceed the limit of {1} in all; nothing was stored.");
        public static readonly Message WrongType = new(
            "文件“{0}”的内容不是可接受的证据类型（JPEG 或 PNG 照片、PDF、Word、Excel 或 PowerPoint 文档）；类型按文件内容判断，不看文件名。未保存。",
            "The content of the file \"{0}\" is not an accepted kind of evidence (a JPEG or PNG photo, a PDF, a Word, Excel or PowerPoint document); the kind is judged by the content, not the name. Nothing was stored.");
        public static readonly Message Missing = new("证据文件“{0}”在存储中找不到，无法提供。已记录此问题，请告知系统管理员。",
            "The evidence file \"{0}\" is missing from the store and cannot be served. This has been logged; tell the administrator.");
        public static readonly Message Damaged = new("证据文件“{0}”在存储中已损坏或被改动（内容与记录的 SHA-256 不符），不予提供。已记录此问题，请告知系统管理员。",
            "The evidence file \"{0}\" is damaged or altered in the store (its content does not match the SHA-256 recorded), so it is not served. This has been logged; tell the administrator.");
    }
}

public static class EvidenceSetup
{
    /// <param name="defaultPath">The store's folder when <c>Evidence:Path</c> is not set, from the configuration.</param>
    public static IServiceCollection AddEvidence(this IServiceCollection services, Func<IConfiguration, string> defaultPath)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section).Configure<IConfiguration>((o, config) =>
        {
            if (string.IsNullOrWhiteSpace(o.Path)) o.Path = defaultPath(config);
        }).Validate(o => o.MaxFileBytes > 0 && o.MaxTotalBytes >= o.MaxFileBytes, "Evidence: MaxFileBytes must be above 0 and MaxTotalBytes at least MaxFileBytes.");
        services.AddSingleton<EvidenceStore>();
        return services;
    }
}
