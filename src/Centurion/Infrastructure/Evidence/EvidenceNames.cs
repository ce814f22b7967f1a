using System.Text;

namespace Centurion.Infrastructure.Evidence;

/// <summary>File names as a user gave them, made safe to store, show and send back in a Content-Disposition header.</summary>
public static class EvidenceNames
{
    private const string Fallback = "evidence";

    /// <summary>
    /// The last path segment only (a browser may send C:\Users\…\photo.jpg), without control characters, the characters Windows
    /// forbids in names, or leading and trailing dots and spaces, at most <see cref="EvidenceFile.FileNameLength"/> characters.
    /// With a type, the extension becomes that type's when it is not already one of its own: an HTML file cannot get this far,
    /// and a PDF named photo.jpg is kept as photo.pdf, so whoever opens it gets the program the content needs.
    /// </summary>
    public static string Clean(string? original, EvidenceType? type = null)
    {
        var name = (original ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
            if (!char.IsControl(c) && !char.IsSurrogate(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*') && !char.IsWhiteSpace(c) || c == ' ')
                kept.Append(c);
        name = kept.ToString().TrimStart(' ').TrimEnd(' ', '.');
        var stem = Path.GetFileNameWithoutExtension(name).Trim(' ', '.');
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (stem.Length == 0) stem = Fallback;
        if (type is not null && !type.Extensions.Contains(extension)) extension = type.Extensions[0];
        if (extension.Length > 10) extension = "";
        var room = EvidenceFile.FileNameLength - extension.Length;
        if (stem.Length > room) stem = stem[..room].TrimEnd(' ', '.');
        return stem + extension;
    }
}
