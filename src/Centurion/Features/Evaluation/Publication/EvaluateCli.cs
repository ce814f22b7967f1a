using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Centurion.Features.Evaluation.Scoring;

namespace Centurion.Features.Evaluation.Publication;

/// <summary>The <c>evaluate</c> verb: a month's ranking, as computed now, or with --publish as published.</summary>
public static class EvaluateCli
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public sealed record PointJson(string Rule, SourceDto? Source, string Value, decimal Points);
    public sealed record UnitJson(string Unit, string Name, decimal Score, int Rank, string List, string? ListReason, IReadOnlyList<PointJson> Points);
    public sealed record MonthJson(string Campaign, string Month, int SchemeVersion, DateTime AsOfUtc, bool Published, string? Sha256, IReadOnlyList<UnitJson> Units);

    /// <summary>`evaluate --campaign CODE --month YYYY-MM [--publish] [--json]`, as the campaign office of the whole province.</summary>
    public static Command Command(TextWriter output)
    {
        var command = new Command("evaluate", "A campaign month's evaluation: every prefecture's score, rank and list (red, black or none), computed now under the "
            + "applying scheme version; with --publish, publishes the month (freezes it, once per month and version) and prints what was published.");
        var campaign = new Option<string>("--campaign") { Description = "Campaign code, e.g. summer-2022.", Required = true };
        var month = new Option<string>("--month") { Description = "Evaluation month, YYYY-MM, e.g. 2022-08.", Required = true };
        var publish = new Option<bool>("--publish") { Description = "Publish the month as the campaign office (it must be over and not yet published)." };
        var json = new Option<bool>("--json") { Description = "Write JSON: per unit its code, name, score, rank, list and points (rule, source, value, points)." };
        foreach (var o in new Option[] { campaign, month, publish, json }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            MonthJson? result = null;
            await Cli.AsProvinceOfficeAsync(async (_, _, sp) =>
            {
                var p = sp.GetRequiredService<Publications>();
                string code = parse.GetValue(campaign)!, key = parse.GetValue(month)!;
                if (parse.GetValue(publish))
                {
                    await p.PublishAsync(code, key, ct);
                    var stored = await p.StoredAsync(code, key, ct);
                    result = new(code, stored.Month, stored.SchemeNumber, stored.AsOfUtc, true, stored.SnapshotSha256,
                        [.. stored.Scores.OrderBy(s => s.Rank).ThenBy(s => s.UnitCode, StringComparer.Ordinal).Select(s => new UnitJson(s.UnitCode, s.NameEn, s.Score, s.Rank, s.List, s.ListReason,
                            [.. s.Points.OrderBy(r => r.Order).Select(r => new PointJson(r.Rule, r.SourceType is null ? null : new(r.SourceType, r.SourceId ?? "", r.SourceLabel ?? ""), r.Value, r.Points))]))]);
                }
                else
                {
                    var (m, scores, units) = await p.ComputeNowAsync(code, key, ct);
                    if (scores is null) throw Infrastructure.DomainException.Conflict(PublicationText.NoScheme(m.Key));
                    var published = await p.FindPublicationAsync(code, key, ct);
                    result = new(code, m.Key, scores.Version.Number, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, published is not null, published?.Sha256,
                        [.. scores.Scores.Select(s => new UnitJson(s.Unit, units[s.Unit].Name(english: true), s.Score, s.Rank, Publications.ListCode(s.List), s.ListReason,
                            [.. s.Points.Select(r => new PointJson(r.Rule, r.Source is { } src ? new(src.Type, src.Id, src.Label) : null, r.Value, r.Points))]))]);
                }
            }, ct);
            if (parse.GetValue(json)) await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
            else await WriteTextAsync(output, result!);
            return 0;
        });
        return command;
    }

    private static async Task WriteTextAsync(TextWriter o, MonthJson r)
    {
        await o.WriteLineAsync($"{r.Campaign} {r.Month}, scheme version {r.SchemeVersion}, "
            + (r.Published ? $"published (snapshot SHA-256 {r.Sha256})" : "not published") + $"; figures as of {r.AsOfUtc:yyyy-MM-dd HH:mm} UTC");
        await o.WriteLineAsync($"{"Rank",4}  {"Unit",-8} {"Score",8}  {"List",-5}  Name");
        foreach (var u in r.Units)
            await o.WriteLineAsync($"{u.Rank,4}  {u.Unit,-8} {u.Score.ToString("0.00", CultureInfo.InvariantCulture),8}  {u.List,-5}  {u.Name}");
    }
}
