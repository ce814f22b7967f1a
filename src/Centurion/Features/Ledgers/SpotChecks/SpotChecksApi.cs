using Centurion.Features.Campaigns;
using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers.SpotChecks;

public static class SpotChecksApi
{
    public static void MapSpotChecksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/ledgers/spot-checks/{campaign}").WithTags("Ledgers: emergency-duty spot checks").RequireAuthorization();
        api.MapGet("/draws", async (CampaignInRoute route, DateOnly? round, string? unit, string? state, string? from, string? to, int? page, int? pageSize, SpotCheckLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.DrawsAsync(await ledger.CampaignAsync(route, ct), DrawFilter(unit, state, from, to) with { Page = page ?? 1, PageSize = pageSize ?? LedgerFilter.DefaultPageSize }, round, ct)))
            .Named("ListSpotCheckDraws", "The campaign's draws in scope, newest first, each with its seed, candidates, result and whether it reproduces; filter by round, "
                + "by the subtree of a drawn unit (unit), state current|superseded, and round range (from, to: YYYY-MM-DD); paged.");
        api.MapGet("/draws/export", async (CampaignInRoute route, DateOnly? round, string? unit, string? state, string? from, string? to, SpotCheckLedger ledger, CancellationToken ct) =>
            {
                var c = await ledger.CampaignAsync(route, ct);
                return await Files.XlsxAsync((await ledger.AllDrawsAsync(c, DrawFilter(unit, state, from, to), round, ct)).Select(d => LedgerExport.Draw(d, ledger.CanDraw)), "spot-check-draws.xlsx", ct: ct);
            })
            .Named("ExportSpotCheckDraws", "The filtered draws as XLSX (the list's filters).").Produces(StatusCodes.Status200OK, contentType: Files.XlsxType);
        api.MapPost("/draws", async (CampaignInRoute route, DrawRequest body, SpotCheckLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.DrawAsync(await ledger.CampaignAsync(route, ct), body, ct)))
            .Named("DrawSpotChecks", "Draws count units of a level within the given units for a round (a Monday); stored and audited first. A redraw needs a reason; campaign office.");
        api.MapGet("/draws/{id:long}", async (CampaignInRoute route, long id, SpotCheckLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.DrawAsync(await ledger.CampaignAsync(route, ct), id, ct)))
            .Named("GetSpotCheckDraw", "One draw with its checks.");
        api.MapPost("/checks/{id:long}", async (CampaignInRoute route, long id, CheckInput body, SpotCheckLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.RecordAsync(await ledger.CampaignAsync(route, ct), id, body, ct)))
            .Named("RecordSpotCheck", "Records a drawn unit's check (calledAt in province time unless it ends in Z); pass or fail by the rules; campaign office.");
        api.MapGet("/checks", async (CampaignInRoute route, [AsParameters] LedgerFilter f, SpotCheckLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.ListAsync(await ledger.CampaignAsync(route, ct), f, ct)))
            .Named("ListSpotChecks", "Checks of draws in force in scope: filter by unit subtree, state passed|failed|pending, round range; paged.");
        api.MapGet("/checks/export", async (CampaignInRoute route, [AsParameters] LedgerFilter f, SpotCheckLedger ledger, CancellationToken ct) =>
            await Files.XlsxAsync((await ledger.AllAsync(await ledger.CampaignAsync(route, ct), f, ct)).Select(LedgerExport.Check), "spot-checks.xlsx", ct: ct))
            .Named("ExportSpotChecks", "The filtered checks as XLSX.").Produces(StatusCodes.Status200OK, contentType: Files.XlsxType);
        api.MapGet("/failures", async (CampaignInRoute route, string? unit, CenturionDb db, CallerScope scope, SpotCheckLedger ledger, CancellationToken ct) =>
            {
                var c = await ledger.CampaignAsync(route, ct);
                var root = await scope.UnitOrOwnAsync(db, unit, ct);
                return TypedResults.Ok(await SpotCheckFailures.ByUnitMonthAsync(db, c.Id, root.Id, ct));
            })
            .Named("SpotCheckFailures", "Recorded checks and failures per unit and month, in the subtree.");
    }

    // Dates as text, so that a malformed one is a 400 naming it rather than a bare binding failure.
    private static LedgerFilter DrawFilter(string? unit, string? state, string? from, string? to) => LedgerQuery.Parse(unit, state, null, from, to, null, null);
}
