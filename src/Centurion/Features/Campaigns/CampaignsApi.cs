using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Campaigns;

public sealed record CampaignSummary(string Code, string NameZh, string NameEn, DateOnly StartDate, DateOnly EndDate, string Cadence);

public sealed record IndicatorDto(string Code, string NameZh, string NameEn, string Measure, string Source, string Good, string? OwnerLine);

public sealed record CampaignDto(
    string Code, string NameZh, string NameEn, DateOnly StartDate, DateOnly EndDate, string Cadence, int DeadlineDaysAfter,
    TimeOnly DeadlineTime, string ReportingLevel, string RootUnit, IReadOnlyList<IndicatorDto> Indicators,
    IReadOnlyList<PhaseDto> Phases, IReadOnlyList<TaskDto> Tasks, IReadOnlyList<LeaderLinkDto> LeaderLinks, int ReportingUnits);

public static class CampaignsApi
{
    public static void MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization().ProducesCommonProblems();

        api.MapGet("/", async (CenturionDb db, CallerScope scope, CancellationToken ct) =>
            await CampaignOperations.Visible(db, scope).OrderByDescending(c => c.StartDate)
                .Select(c => new CampaignSummary(c.Code, c.NameZh, c.NameEn, c.StartDate, c.EndDate, c.Cadence.ToString().ToLower()))
                .ToListAsync(ct))
            .WithName("ListCampaigns").WithSummary("Campaigns the caller takes part in.");

        api.MapGet("/{campaign}", async (CampaignInRoute route, CenturionDb db, CallerScope scope, CancellationToken ct) =>
            TypedResults.Ok(await DescribeAsync(db, route.Campaign, ct)))
            .WithName("GetCampaign").WithSummary("A campaign with its indicators, phases, tasks and leader links.");

        api.MapPost("/", async Task<Created<CampaignDto>> (NewCampaign input, CenturionDb db, CallerScope scope, TimeProvider clock, CancellationToken ct) =>
        {
            scope.Require(Roles.CampaignOffice);
            var campaign = await CampaignOperations.CreateAsync(db, scope, input, clock.GetUtcNow().UtcDateTime, ct);
            return TypedResults.Created($"/api/campaigns/{campaign.Code}", await DescribeAsync(db, campaign, ct));
        }).WithName("CreateCampaign").ProducesChangeProblems().WithSummary("Creates a campaign (campaign office).");

    }

    public static async Task<CampaignDto> DescribeAsync(CenturionDb db, Campaign c, CancellationToken ct)
    {
        var lines = await db.Lines.ToDictionaryAsync(l => l.Id, l => l.Code, ct);
        var indicators = (await CampaignOperations.IndicatorsAsync(db, c.Id, ct))
            .Select(i => new IndicatorDto(i.Code, i.NameZh, i.NameEn, i.Measure.ToString(), i.Source.ToString().ToLower(), i.Good.ToString().ToLower(),
                i.OwnerLineId is { } line ? lines[line] : null)).ToList();
        var phases = await db.CampaignPhases.Where(p => p.CampaignId == c.Id).OrderBy(p => p.StartDate)
            .Select(p => new PhaseDto(p.Id, p.NameZh, p.NameEn, p.StartDate, p.EndDate)).ToListAsync(ct);
        var tasks = (await CampaignPlan.Tasks(db, db.CampaignTasks.Where(t => t.CampaignId == c.Id)).ToListAsync(ct))
            .OrderBy(t => t.Deadline).ThenBy(t => t.Id).ToList();
        var links = await db.LeaderLinks.Where(l => l.CampaignId == c.Id).OrderBy(l => l.Unit!.Code).ThenBy(l => l.Id)
            .Select(l => new LeaderLinkDto(l.Id, l.LeaderName, l.LeaderTitle, l.Unit!.Code)).ToListAsync(ct);
        var root = await db.Units.Where(u => u.Id == c.RootUnitId).Select(u => u.Code).FirstAsync(ct);
        var units = await db.CampaignUnits.CountAsync(u => u.CampaignId == c.Id, ct);
        return new CampaignDto(c.Code, c.NameZh, c.NameEn, c.StartDate, c.EndDate, c.Cadence.ToString().ToLower(), c.DeadlineDaysAfter,
            c.DeadlineTime, c.ReportingLevel.ToString().ToLower(), root, indicators, phases, tasks, links, units);
    }
}
