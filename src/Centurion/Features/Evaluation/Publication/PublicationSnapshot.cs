using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Centurion.Features.Evaluation.Publication;

/// <summary>
/// The canonical JSON text of a publication: the same data always gives the same bytes. Properties in a fixed order, no
/// whitespace, numbers with at most two decimals and no trailing zeros (87.5, not 87.50), times as UTC to the second with a Z,
/// Chinese as text (not \u escapes). Written from the rows about to be stored, and again from the rows read back to check them.
/// </summary>
public static class PublicationSnapshot
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), Indented = false };

    public static string Write(string campaign, EvaluationPublication p, IEnumerable<EvaluationPublishedScore> scores)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("campaign", campaign);
            w.WriteString("month", p.Month);
            w.WriteString("from", p.WindowFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("to", p.WindowTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("schemeVersion", p.SchemeNumber);
            w.WriteString("asOf", Time(p.AsOfUtc));
            w.WriteString("publishedBy", p.PublishedBy);
            w.WriteString("publishedAt", Time(p.PublishedUtc));
            w.WriteString("appealUntil", p.AppealUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteStartArray("scores");
            foreach (var s in scores.OrderBy(s => s.Rank).ThenBy(s => s.UnitCode, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("unit", s.UnitCode);
                w.WriteString("nameZh", s.NameZh);
                w.WriteString("nameEn", s.NameEn);
                Number(w, "score", s.Score);
                w.WriteNumber("rank", s.Rank);
                w.WriteString("list", s.List);
                if (s.ListReason is null) w.WriteNull("listReason"); else w.WriteString("listReason", s.ListReason);
                w.WriteStartArray("points");
                foreach (var r in s.Points.OrderBy(r => r.Order))
                {
                    w.WriteStartObject();
                    w.WriteNumber("order", r.Order);
                    w.WriteString("rule", r.Rule);
                    if (r.SourceType is null) w.WriteNull("source");
                    else
                    {
                        w.WriteStartObject("source");
                        w.WriteString("type", r.SourceType);
                        w.WriteString("id", r.SourceId);
                        w.WriteString("label", r.SourceLabel);
                        w.WriteEndObject();
                    }
                    w.WriteString("value", r.Value);
                    Number(w, "points", r.Points);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A time as stored in a snapshot: UTC, whole seconds.</summary>
    public static DateTime ToSecond(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter w, string name, decimal d)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(Math.Round(d, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture));
    }
}
