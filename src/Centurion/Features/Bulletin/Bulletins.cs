using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Statistics;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Bulletin;

/// <summary>Gathers a bulletin's figures from the statistics and hands them to <see cref="BulletinWriter"/>.</summary>
public static class Bulletins
{
    public static void MapBulletinApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/campaigns/{campaign}/bulletin", async (CampaignInRoute route, DateOnly? asOf, string? lang, CenturionDb db, CallerScope scope, TimeProvider clock, CancellationToken ct) =>
        {
            var c = route.Campaign;
            return TypedResults.Ok(await WriteAsync(db, scope, c, asOf ?? ProvinceTime.Today(clock), lang == "en" ? "en" : "zh", ct));
        }).RequireAuthorization().ProducesCommonProblems().WithTags("Bulletin").WithName("GetBulletin").WithSummary("The public summary of the campaign so far, in Chinese (lang=zh) or English (lang=en).");

    /// <summary>`bulletin --campaign CODE --as-of DATE --lang zh|en`: prints the province-wide bulletin.</summary>
    public static System.CommandLine.Command Command(TextWriter output)
    {
        var command = new System.CommandLine.Command("bulletin", "Write the public summary of a campaign so far (the headline figures and their changes), in Chinese or English.");
        var campaign = new System.CommandLine.Option<string>("--campaign") { Description = "The campaign's code, e.g. summer-2022.", Required = true };
        var asOf = new System.CommandLine.Option<DateOnly>("--as-of") { Description = "The last day counted (YYYY-MM-DD).", Required = true };
        var lang = new System.CommandLine.Option<string>("--lang") { Description = "zh or en.", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        command.Options.Add(campaign);
        command.Options.Add(asOf);
        command.Options.Add(lang);
        command.SetAction(async (parse, ct) =>
        {
            await Cli.AsProvinceOfficeAsync(async (db, scope, _) =>
            {
                var c = await CampaignOperations.FindAsync(db, scope, parse.GetValue(campaign)!, ct);
                await output.WriteLineAsync((await WriteAsync(db, scope, c, parse.GetValue(asOf), parse.GetValue(lang)!, ct)).Text);
            }, ct);
            return 0;
        });
        return command;
    }

    /// <summary>What the bulletin reports, in order: totals of what was done, then how case counts moved (as the source bulletin does).</summary>
    public static readonly string[] Totals = ["police-deployments", "social-forces", "offence-suspects", "disputes-resolved", "night-operations", "controlled-instrument-cases"];

    public static readonly (string Indicator, bool YearOnYear)[] Changes =
        [("criminal-cases-filed", true), ("public-order-cases", false), ("public-order-cases-dealt", true)];

    public sealed record BulletinDto(string Campaign, string Unit, DateOnly From, DateOnly AsOf, string Lang, string Text, IReadOnlyList<Headline> Totals, IReadOnlyList<Headline> Changes);

    /// <summary>The bulletin for the caller's unit (or the campaign's, when the caller is above it), from the campaign's start to the as-of date.</summary>
    public static async Task<BulletinDto> WriteAsync(CenturionDb db, CallerScope scope, Campaign campaign, DateOnly asOf, string lang, CancellationToken ct = default)
    {
        if (asOf < campaign.StartDate)
            throw DomainException.Invalid(new($"截止日期早于行动开始日期 {campaign.StartDate:yyyy-MM-dd}。", $"The date is before the campaign began on {campaign.StartDate:yyyy-MM-dd}."));
        var own = await scope.OwnUnitAsync(db, ct);
        var unit = await CallerScope.Subtree(db, own.Id).AnyAsync(u => u.Id == campaign.RootUnitId, ct) ? (await db.Units.FindAsync([campaign.RootUnitId], ct))! : own;
        var indicators = (await CampaignOperations.IndicatorsAsync(db, campaign.Id, ct))
            .Where(i => scope.LineId is not { } line || i.OwnerLineId == line).ToDictionary(i => i.Code);
        var to = campaign.Clamp(asOf);

        var totals = new List<Headline>();
        foreach (var code in Totals.Where(indicators.ContainsKey))
        {
            var s = await Stats.ForAsync(db, campaign, unit, indicators[code], campaign.StartDate, to, ct: ct);
            totals.Add(new(code, s.IndicatorNameZh, s.IndicatorNameEn, indicators[code].Measure, s.Value));
        }
        var changes = new List<Headline>();
        foreach (var (code, yearOnYear) in Changes.Where(c => indicators.ContainsKey(c.Indicator)))
        {
            var s = await Stats.ForAsync(db, campaign, unit, indicators[code], campaign.StartDate, to, ct: ct);
            changes.Add(yearOnYear
                ? new(code, s.IndicatorNameZh, s.IndicatorNameEn, indicators[code].Measure, s.Value, s.YoyChange, s.YoyZ, s.YoyLowBase, true)
                : new(code, s.IndicatorNameZh, s.IndicatorNameEn, indicators[code].Measure, s.Value, s.PopChange, s.PopZ, s.PopLowBase, false));
        }
        var where = unit.ParentId is null ? ("全省", "across the province") : (unit.NameZh, $"in {unit.Name(true)}");
        var text = BulletinWriter.Write(lang, where, campaign.NameZh, campaign.Name(true), campaign.StartDate, to, totals, changes);
        return new(campaign.Code, unit.Code, campaign.StartDate, to, lang, text, totals, changes);
    }
}
