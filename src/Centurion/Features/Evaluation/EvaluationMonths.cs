using System.Globalization;
using Centurion.Features.Campaigns;
using Centurion.Features.Statistics;

namespace Centurion.Features.Evaluation;

/// <summary>One evaluation month of a campaign: its key (<c>2022-07</c>), its first calendar day, and the days it covers.</summary>
public sealed record EvaluationMonth(string Key, DateOnly Month, Window Window);

/// <summary>
/// A campaign's evaluation months: its calendar months, clipped to its days, except that a first or last piece shorter than
/// <see cref="ShortestMonth"/> days joins its neighbour. Summer-2022 (25 June – 2 October) has three: 2022-07 (25 June – 31 July),
/// 2022-08, and 2022-09 (1 September – 2 October).
/// </summary>
public static class EvaluationMonths
{
    public const int ShortestMonth = 15;

    public static IReadOnlyList<EvaluationMonth> Of(Campaign c)
    {
        var months = new List<EvaluationMonth>();
        for (var m = new DateOnly(c.StartDate.Year, c.StartDate.Month, 1); m <= c.EndDate; m = m.AddMonths(1))
        {
            var last = m.AddMonths(1).AddDays(-1);
            months.Add(new(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), m, new(m < c.StartDate ? c.StartDate : m, last > c.EndDate ? c.EndDate : last)));
        }
        static int Days(EvaluationMonth e) => e.Window.To.DayNumber - e.Window.From.DayNumber + 1;
        if (months.Count > 1 && Days(months[0]) < ShortestMonth)
        {
            months[1] = months[1] with { Window = months[1].Window with { From = months[0].Window.From } };
            months.RemoveAt(0);
        }
        if (months.Count > 1 && Days(months[^1]) < ShortestMonth)
        {
            months[^2] = months[^2] with { Window = months[^2].Window with { To = months[^1].Window.To } };
            months.RemoveAt(months.Count - 1);
        }
        return months;
    }

    /// <summary>The month <paramref name="key"/> (yyyy-MM) names, or null when it is malformed or not one of the campaign's.</summary>
    public static EvaluationMonth? Find(Campaign c, string? key) => Of(c).FirstOrDefault(m => m.Key == key?.Trim());
}
