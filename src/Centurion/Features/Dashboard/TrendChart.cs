using System.Globalization;
using System.Net;
using System.Text;

namespace Centurion.Features.Dashboard;

/// <summary>A daily trend as inline SVG: this year's line against last year's, with a readable axis. Pure: text in, text out.</summary>
public static class TrendChart
{
    private const double W = 800, H = 260, Left = 56, Right = 12, Top = 16, Bottom = 40;

    public static string Svg(IReadOnlyList<DateOnly> days, IReadOnlyList<long> current, IReadOnlyList<long> lastYear,
        string currentLabel, string lastYearLabel, string title)
    {
        var max = NiceCeiling(Math.Max(1, current.Concat(lastYear).DefaultIfEmpty(0).Max()));
        double X(int i) => Left + (days.Count <= 1 ? 0 : i * (W - Left - Right) / (days.Count - 1));
        double Y(long v) => Top + (H - Top - Bottom) * (1 - (double)v / max);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"trend\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<title>{WebUtility.HtmlEncode(title)}</title>");
        for (var k = 0; k <= 4; k++)
        {
            var v = max * k / 4;
            svg.Append($"<line x1=\"{Left}\" x2=\"{W - Right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" class=\"grid\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\" class=\"axis\">{v.ToString("N0", CultureInfo.InvariantCulture)}</text>");
        }
        var step = Math.Max(1, days.Count / 8);
        for (var i = 0; i < days.Count; i += step)
            svg.Append($"<text x=\"{F(X(i))}\" y=\"{H - Bottom + 16}\" text-anchor=\"middle\" class=\"axis\">{days[i]:M-d}</text>");
        svg.Append(Line(lastYear, X, Y, "last-year"));
        svg.Append(Line(current, X, Y, "current"));
        svg.Append($"<g class=\"legend\"><line x1=\"{Left}\" x2=\"{Left + 24}\" y1=\"{H - 8}\" y2=\"{H - 8}\" class=\"current\"/><text x=\"{Left + 30}\" y=\"{H - 4}\">{WebUtility.HtmlEncode(currentLabel)}</text>");
        svg.Append($"<line x1=\"{Left + 200}\" x2=\"{Left + 224}\" y1=\"{H - 8}\" y2=\"{H - 8}\" class=\"last-year\"/><text x=\"{Left + 230}\" y=\"{H - 4}\">{WebUtility.HtmlEncode(lastYearLabel)}</text></g>");
        return svg.Append("</svg>").ToString();
    }

    private static string Line(IReadOnlyList<long> values, Func<int, double> x, Func<long, double> y, string css) =>
        values.Count == 0 ? "" : $"<polyline class=\"{css}\" fill=\"none\" points=\"{string.Join(' ', values.Select((v, i) => $"{x(i).ToString("0.#", CultureInfo.InvariantCulture)},{y(v).ToString("0.#", CultureInfo.InvariantCulture)}"))}\"/>";

    /// <summary>The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above the value, so the axis reads in round numbers.</summary>
    public static long NiceCeiling(long value)
    {
        var magnitude = (long)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
            if (m * magnitude >= value) return (long)(m * magnitude);
        return 10 * magnitude;
    }
}
