using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers.SpotChecks;

public static class SpotChecksApi
{
    public static void MapSpotChecksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/ledgers/spot-checks/{campaign}").WithTags("Ledgers: emergency-duty spot checks").RequireAuthorization();
        api.MapGet("/draws", async (string campaign, DateOnly? round, SpotCheckLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.DrawsAsync(await ledger.CampaignAsync(campaign, ct), round, ct)))
            .Named("ListSpotCheckDraws", "The campaign's draws, newest first, each with its seed, candidates, result and whether it reproduces.");
        api.MapPost("/draws", async (string campaign, DrawRequest body, SpotCheckLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.DrawAsync(await ledger.CampaignAsync(campaign, ct), body, ct)))
            .Named("DrawSpotChecks", "Draws count units of a level within the given units for a round (a Monday); stored and audited first. A redraw needs a reason; campaign office.");
        api.MapGet("/draws/{id:long}", async (string campaign, long id, SpotCheckLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.DrawAsync(await ledger.CampaignAsync(campaign, ct), id, ct)))
            .Named("GetSpotCheckDraw", "One draw with its checks.");
        api.MapPost("/checks/{id:long}", async (string campaign, long id, CheckInput body, SpotCheckLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.RecordAsync(await ledger.CampaignAsync(campaign, ct), id, body, ct)))
            .Named("RecordSpotCheck", "Records a drawn unit's check (calledAt in province time unless it ends in Z); pass or fail by the rules; campaign office.");
        api.MapGet("/checks", async (string campaign, [AsParameters] LedgerFilter f, SpotCheckLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.ListAsync(await ledger.CampaignAsync(campaign, ct), f, ct)))
            .Named("ListSpotChecks", "Checks of draws in force in scope: filter by unit subtree, state passed|failed|pending, round range; paged.");
        api.MapGet("/checks/export", async (string campaign, [AsParameters] LedgerFilter f, SpotCheckLedger ledger, CancellationToken ct) =>
            await Files.XlsxAsync((await ledger.AllAsync(await ledger.CampaignAsync(campaign, ct), f, ct)).Select(LedgerExport.Check), "spot-checks.xlsx", ct: ct))
            .Named("ExportSpotChecks", "The filtered checks as XLSX.").Produces(StatusCodes.Status200OK, contentType: Files.XlsxType);
        api.MapGet("/failures", async (string campaign, string? unit, CenturionDb db, CallerScope scope, SpotCheckLedger ledger, CancellationToken ct) =>
            {
                var c = await ledger.CampaignAsync(campaign, ct);
                var root = await scope.UnitOrOwnAsync(db, unit, ct);
                return TypedResults.Ok(await SpotCheckFailures.ByUnitMonthAsync(db, c.Id, root.Id, ct));
            })
            .Named("SpotCheckFailures", "Recorded checks and failures per unit and month, in the subtree.");
    }
}
