using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Features.Campaigns;
using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers.TroubleSpots;

public sealed record RecheckInterval(int Days);

public static class TroubleSpotsApi
{
    public static void MapTroubleSpotsApi(this IEndpointRouteBuilder app)
    {
        var spots = app.MapGroup("/api/ledgers/trouble-spots").WithTags("Ledgers: trouble spots").RequireAuthorization();
        spots.MapGet("/", async ([AsParameters] LedgerFilter f, TroubleSpotLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.ListAsync(f, ct)))
            .Named("ListTroubleSpots", "Trouble spots in scope: filter by unit subtree, state (listed, rectifying, cleared, closed, or open), type recurring, listed-on range, overdue; paged.");
        spots.MapGet("/export", async ([AsParameters] LedgerFilter f, TroubleSpotLedger ledger, CancellationToken ct) =>
            await Files.XlsxAsync((await ledger.AllAsync(f, ct)).Select(LedgerExport.TroubleSpot), "trouble-spots.xlsx", ct: ct))
            .Named("ExportTroubleSpots", "The filtered trouble-spot list as XLSX.").Produces(StatusCodes.Status200OK, contentType: Files.XlsxType);
        spots.MapGet("/by-unit", async (string? unit, int? top, TroubleSpotLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.ByUnitAsync(unit, top ?? 20, ct)))
            .Named("TroubleSpotsByUnit", "Open, overdue and recurring spots per responsible unit, most recurrences first.");
        spots.MapGet("/{id:long}", async (long id, TroubleSpotLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.GetAsync(id, ct)))
            .Named("GetTroubleSpot", "One trouble spot with its history, recurrences and days open.");
        spots.MapPost("/", async (TroubleSpotInput body, TroubleSpotLedger ledger, CancellationToken ct) =>
            { var s = await ledger.CreateAsync(body, ct); return TypedResults.Created($"/api/ledgers/trouble-spots/{s.Id}", s); })
            .Named("ListTroubleSpot", "Lists (挂牌) a trouble spot: why, responsible unit and leader, deadline.");
        spots.MapPut("/{id:long}", async (long id, TroubleSpotInput body, TroubleSpotLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.EditAsync(id, body, ct)))
            .Named("EditTroubleSpot", "Edits a trouble spot that is not closed.");
        spots.MapPost("/{id:long}/actions", async (long id, TroubleSpotAction body, TroubleSpotLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.ActAsync(id, body, ct)))
            .Named("ActOnTroubleSpot", "rectify; clear (the evidence in note); recheck once due (foundBack true reopens it with newDeadline).");
        spots.MapPut("/recheck-interval/{campaign}", async (CampaignInRoute route, RecheckInterval body, TroubleSpotLedger ledger, CancellationToken ct) =>
            {
                await ledger.SetRecheckDaysAsync(route.Campaign, body.Days, ct);
                return TypedResults.NoContent();
            })
            .Named("SetRecheckInterval", "Sets the campaign's interval between clearing a spot and its re-check (days); campaign office.");
    }
}
