using Microsoft.AspNetCore.Http.Features;

namespace Centurion.Infrastructure.Evidence;

/// <summary>An evidence file as the API shows it; <see cref="Download"/> is the feature's own address for it.</summary>
public sealed record EvidenceDto(long Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTime UploadedAtUtc,
    DateTime? TakenAtUtc, double? Longitude, double? Latitude, string Download)
{
    public static EvidenceDto From(EvidenceFile f, string download) =>
        new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedBy, f.UploadedAtUtc, f.TakenAtUtc, f.Longitude, f.Latitude, download);
}

/// <summary>
/// Marks an endpoint (a page or an API route) that takes evidence uploads: its request may be as large as a full set of evidence
/// (<see cref="EvidenceOptions.MaxRequestBytes"/>, from configuration), where others keep the server's default.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AcceptsEvidenceAttribute : Attribute;

public static class EvidenceUploads
{
    /// <summary>The form field evidence files come in, on the pages and the API alike.</summary>
    public const string Field = "evidence";

    /// <summary>The files a form sent in the field; a file input left empty sends a nameless empty part, which is no file.</summary>
    public static IReadOnlyList<IFormFile> From(IFormFileCollection files, string field = Field) =>
        [.. files.GetFiles(field).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))];

    /// <summary>A page's refusal of a form that came with files: a browser cannot show them chosen again, so the user is told to.</summary>
    public static string Refused(string message, IReadOnlyList<IFormFile> files) => files.Count > 0 ? $"{message} {Text.ChooseAgain}" : message;

    /// <summary>Before anything reads a body (the antiforgery check reads forms): lifts the size limit for endpoints that take evidence.</summary>
    public static void UseEvidenceUploads(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<AcceptsEvidenceAttribute>() is not null
            && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = http.RequestServices.GetRequiredService<EvidenceStore>().MaxRequestBytes;
        return next(http);
    });

    public static class Text
    {
        public static readonly Phrase Files = new("证据文件", "Evidence files");
        public static readonly Phrase Add = new("添加证据文件", "Add evidence files");
        public static readonly EvidenceStore.Message Limits = new("照片（JPEG、PNG）、PDF、Word、Excel、PowerPoint 文档；每个文件不超过 {0}，合计不超过 {1}。类型按文件内容判断。",
            "Photos (JPEG, PNG), PDF, Word, Excel or PowerPoint documents; at most {0} each and {1} in all. The kind is judged by the content.");
        public static readonly Phrase Name = new("文件", "File");
        public static readonly Phrase Kind = new("类型", "Kind");
        public static readonly Phrase Size = new("大小", "Size");
        public static readonly Phrase Uploaded = new("上传", "Uploaded");
        public static readonly Phrase Taken = new("拍摄时间", "Taken");
        public static readonly Phrase Place = new("拍摄位置", "Where taken");
        public static readonly Phrase None = new("没有证据文件。", "No evidence files.");
        public static readonly Phrase NoneChosen = new("请选择要上传的证据文件。", "Choose the evidence files to upload.");
        public static readonly Phrase ChooseAgain = new("没有保存任何文件，请重新选择要上传的文件。", "No file was stored: choose the files to upload again.");
        public static readonly Phrase NotInPhoto = new("照片未记录", "not in the photo");
    }

    /// <summary>A short name for the kind of file, for a list.</summary>
    public static string Kind(string contentType) =>
        EvidenceTypes.All.FirstOrDefault(t => t.ContentType == contentType) is { } t ? t.Extensions[0].TrimStart('.').ToUpperInvariant() : contentType;
}
