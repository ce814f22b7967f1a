using Centurion.Data;
using Centurion.Infrastructure;

namespace Centurion.Features.Supervision.Pages;

/// <summary>A finding as typed on a form, kept as text so that a refusal shows the form again as it was.</summary>
public sealed class FindingModel
{
    public string? What { get; set; }
    public string? Where { get; set; }
    public string? Severity { get; set; }
    public string? Category { get; set; }
    public string? Line { get; set; }
    public string? EvidenceNote { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(What) && string.IsNullOrWhiteSpace(Where) && string.IsNullOrWhiteSpace(EvidenceNote);

    public FindingInput ToInput() => new(What, Where, Severity, Category, string.IsNullOrWhiteSpace(Line) ? null : Line, EvidenceNote);

    public static List<(string Code, string Name)> Lines(CenturionDb db) =>
        [.. db.Lines.OrderBy(l => l.Id).Select(l => new { l.Code, l.NameZh, l.NameEn }).AsEnumerable().Select(l => (l.Code, Lang.Pick(l.NameZh, l.NameEn)))];
}
