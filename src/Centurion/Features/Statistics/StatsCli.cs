using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Statistics;

public static class StatsCli
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEnumerable<Command> Commands(TextWriter output) => [StatsCommand(output), RebuildFactsCommand(output)];

    /// <summary>`stats --campaign CODE --unit UNIT --indicator CODE --from DATE --to DATE [--line L] [--by B] [--compare-month] [--json]`, for the whole province.</summary>
    public static Command StatsCommand(TextWriter output)
    {
        var command = new Command("stats", "An indicator for a unit subtree over a window, against last year and the previous period (see the README's Statistics section).");
        var campaign = new Option<string>("--campaign") { Description = "Campaign code, e.g. summer-2022.", Required = true };
        var unit = new Option<string>("--unit") { Description = "Unit code; its whole subtree counts, e.g. 510100.", Required = true };
        var indicator = new Option<string>("--indicator") { Description = "Indicator code, e.g. criminal-cases-filed.", Required = true };
        var from = new Option<DateOnly>("--from") { Description = "First day, YYYY-MM-DD (province time).", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last day, YYYY-MM-DD, inclusive.", Required = true };
        var line = new Option<string?>("--line") { Description = "Only if the indicator belongs to this line." };
        var by = new Option<string?>("--by") { Description = "Breakdown: unit, line, category, place or victim." };
        var compareMonth = new Option<bool>("--compare-month") { Description = "Also compare with the same days a calendar month earlier." };
        var json = new Option<bool>("--json") { Description = "Write JSON (the API's shape) instead of text." };
        foreach (var o in new Option[] { campaign, unit, indicator, from, to, line, by, compareMonth, json }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            StatsResult? result = null;
            await Cli.AsProvinceOfficeAsync(async (db, scope, _) =>
            {
                var breakdown = StatsApi.ParseBreakdown(parse.GetValue(by));
                var (c, u, i) = await Stats.ResolveAsync(db, scope, parse.GetValue(campaign)!, parse.GetValue(unit)!, parse.GetValue(indicator)!, parse.GetValue(line), ct);
                result = await Stats.ForAsync(db, c, u, i, parse.GetValue(from), parse.GetValue(to), new StatsOptions(breakdown, parse.GetValue(compareMonth)), ct);
            }, ct);
            if (parse.GetValue(json)) await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
            else await WriteTextAsync(output, result!);
            return 0;
        });
        return command;
    }

    public static Command RebuildFactsCommand(TextWriter output)
    {
        var command = new Command("rebuild-facts", "Delete every statistics fact and recompute them all from reports and case records, in one transaction.");
        command.SetAction(async (_, ct) =>
        {
            RebuildSummary? summary = null;
            await Cli.WithServicesAsync(async sp => summary = await Facts.RebuildAsync(sp.GetRequiredService<CenturionDb>(), sp.GetServices<IFactSource>(), ct));
            await output.WriteLineAsync($"Facts rebuilt: {summary!.Facts} ({summary.FromReports} from reports, {summary.FromRecords} from case records).");
            return 0;
        });
        return command;
    }

    private static async Task WriteTextAsync(TextWriter o, StatsResult r)
    {
        static string Pct(double? f) => f is { } v ? v.ToString("+0.0%;−0.0%;0.0%", CultureInfo.InvariantCulture) : "n/a";
        static string Z(double? z, bool significant) => z is { } v ? $"z {v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)}{(significant ? " (significant)" : "")}" : "";
        await o.WriteLineAsync($"{r.IndicatorNameEn} ({r.Indicator}), {r.UnitNameEn} {r.Unit} and below, campaign {r.Campaign}");
        await o.WriteLineAsync($"  {r.Window,-24} {r.Value,12:N0}");
        await o.WriteLineAsync($"  last year {r.LastYearWindow,-14} {r.LastYear,12:N0}  {Pct(r.YoyChange),8}  {Z(r.YoyZ, r.YoySignificant)}");
        await o.WriteLineAsync($"  previous {r.PreviousWindow,-15} {r.PreviousPeriod,12:N0}  {Pct(r.PopChange),8}  {Z(r.PopZ, r.PopSignificant)}");
        if (r.PreviousMonthWindow is { } m)
            await o.WriteLineAsync($"  month before {m,-11} {r.PreviousMonth,12:N0}  {Pct(r.MomChange),8}  {Z(r.MomZ, r.MomSignificant == true)}");
        if (r.LowBase) await o.WriteLineAsync($"  low base: a base under {r.LowBaseThreshold}; percentages are mostly noise.");
        foreach (var row in r.Breakdown ?? [])
            await o.WriteLineAsync($"  {row.Key,-20} {row.Value,10:N0} {row.LastYear,10:N0} {Pct(row.YoyChange),8} {row.PreviousPeriod,10:N0} {Pct(row.PopChange),8}  {row.NameEn}");
    }
}
