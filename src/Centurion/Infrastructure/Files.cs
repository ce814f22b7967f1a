using MiniExcelLibs;

namespace Centurion.Infrastructure;

/// <summary>Files in and out: uploads kept on disk while an importer reads them (twice), and tables sent as spreadsheets.</summary>
public static class Files
{
    /// <summary>Saves an upload to a temporary file, runs the work on its path, and deletes the file whatever happens.</summary>
    public static async Task<T> WithTempCopyAsync<T>(IFormFile upload, Func<string, Task<T>> work, CancellationToken ct = default)
    {
        var path = Path.GetTempFileName();
        try
        {
            await using (var target = File.Create(path)) await upload.CopyToAsync(target, ct);
            return await work(path);
        }
        finally { File.Delete(path); }
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Rows (column name → value, in column order) as an XLSX download.</summary>
    public static async Task<IResult> XlsxAsync(IEnumerable<IDictionary<string, object?>> rows, string fileName, string? sheetName = null, CancellationToken ct = default)
    {
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: sheetName ?? "Sheet1", cancellationToken: ct);
        stream.Position = 0;
        return Results.File(stream, XlsxType, fileName);
    }
}
