using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Centurion.Features.Ledgers.Disputes;

public static class DisputesApi
{
    public static void MapDisputesApi(this IEndpointRouteBuilder app)
    {
        var disputes = app.MapGroup("/api/ledgers/disputes").WithTags("Ledgers: disputes").RequireAuthorization();
        disputes.MapGet("/", async ([AsParameters] LedgerFilter f, DisputeLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.ListAsync(f, ct)))
            .Named("ListDisputes", "Disputes in scope: filter by unit subtree, state, type, found-on range, overdue (open over 30 days); paged.");
        disputes.MapGet("/export", async ([AsParameters] LedgerFilter f, DisputeLedger ledger, CancellationToken ct) =>
            await Files.XlsxAsync((await ledger.AllAsync(f, ct)).Select(LedgerExport.Dispute), "disputes.xlsx", ct: ct))
            .Named("ExportDisputes", "The filtered dispute list as XLSX.").Produces(StatusCodes.Status200OK, contentType: Files.XlsxType);
        disputes.MapGet("/{id:long}", async (long id, DisputeLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.GetAsync(id, ct)))
            .Named("GetDispute", "One dispute with its full history of changes and follow-up visits.");
        disputes.MapPost("/", async (DisputeInput body, DisputeLedger ledger, CancellationToken ct) =>
            { var d = await ledger.CreateAsync(body, ct); return TypedResults.Created($"/api/ledgers/disputes/{d.Id}", d); })
            .Named("CreateDispute", "Records a dispute (parties by name or description only: ID and phone numbers are refused).");
        disputes.MapPut("/{id:long}", async (long id, DisputeInput body, DisputeLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.EditAsync(id, body, ct)))
            .Named("EditDispute", "Edits a dispute's details; send the version read (a stale one is 409).");
        disputes.MapPost("/{id:long}/actions", async (long id, DisputeAction body, DisputeLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.ActAsync(id, body, ct)))
            .Named("ActOnDispute", "A state change (mediate, resolve, escalate with target higher-unit|other-agency and toWhom, fail with a note) or a follow-up visit.");

        var hazards = app.MapGroup("/api/ledgers/hazards").WithTags("Ledgers: hazards").RequireAuthorization();
        hazards.MapGet("/", async ([AsParameters] LedgerFilter f, HazardLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.ListAsync(f, ct)))
            .Named("ListHazards", "Latent hazards in scope: filter by unit subtree, state, type (risk level), found-on range, overdue; paged.");
        hazards.MapGet("/export", async ([AsParameters] LedgerFilter f, HazardLedger ledger, CancellationToken ct) =>
            await Files.XlsxAsync((await ledger.AllAsync(f, ct)).Select(LedgerExport.Hazard), "hazards.xlsx", ct: ct))
            .Named("ExportHazards", "The filtered hazard list as XLSX.").Produces(StatusCodes.Status200OK, contentType: Files.XlsxType);
        hazards.MapGet("/{id:long}", async (long id, HazardLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.GetAsync(id, ct)))
            .Named("GetHazard", "One latent hazard with its history; overdue is computed from the deadline and today (province time).");
        hazards.MapPost("/", async (HazardInput body, HazardLedger ledger, CancellationToken ct) =>
            { var h = await ledger.CreateAsync(body, ct); return TypedResults.Created($"/api/ledgers/hazards/{h.Id}", h); })
            .Named("CreateHazard", "Records a latent hazard with a deadline.");
        hazards.MapPut("/{id:long}", async (long id, HazardInput body, HazardLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.EditAsync(id, body, ct)))
            .Named("EditHazard", "Edits a hazard that is not yet eliminated.");
        hazards.MapPost("/{id:long}/actions", async (long id, HazardAction body, HazardLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.ActAsync(id, body, ct)))
            .Named("ActOnHazard", "assign (with assignedTo) or eliminate (with a note of what was done).");

        var rounds = app.MapGroup("/api/ledgers/screening/{campaign}").WithTags("Ledgers: dispute screening").RequireAuthorization();
        rounds.MapGet("/rounds", async (CampaignInRoute route, string? unit, ScreeningLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.RoundsAsync(await ledger.CampaignAsync(route, ct), unit, ct)))
            .Named("ListScreeningRounds", "The campaign's screening rounds, each with the participating units in the subtree that have not screened.");
        rounds.MapPost("/rounds", async (CampaignInRoute route, NewRounds body, ScreeningLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.AddRoundsAsync(await ledger.CampaignAsync(route, ct), body, ct)))
            .Named("AddScreeningRounds", "Adds rounds back to back (days each, count of them) after the last; campaign office.");
        rounds.MapGet("/screenings", async (CampaignInRoute route, long? round, string? unit, int? page, int? pageSize, ScreeningLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.ListAsync(await ledger.CampaignAsync(route, ct), round, unit, page ?? 1, pageSize ?? LedgerFilter.DefaultPageSize, ct)))
            .Named("ListScreenings", "Units' screenings (places, households, disputes found) in the caller's subtree, filtered by round and unit subtree, the latest round first; paged.");
        rounds.MapGet("/screenings/export", async (CampaignInRoute route, long? round, string? unit, ScreeningLedger ledger, CancellationToken ct) =>
            await Files.XlsxAsync((await ledger.ScreeningsAsync(await ledger.CampaignAsync(route, ct), round, unit, ct)).Select(LedgerExport.Screening), "screenings.xlsx", ct: ct))
            .Named("ExportScreenings", "The screenings (filtered by round and unit subtree) as XLSX.").Produces(StatusCodes.Status200OK, contentType: Files.XlsxType);
        rounds.MapPut("/rounds/{round:long}/screenings", async (CampaignInRoute route, long round, ScreeningInput body, ScreeningLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.RecordAsync(await ledger.CampaignAsync(route, ct), round, body, ct)))
            .Named("RecordScreening", "Records or corrects a unit's screening in a round.");

        app.MapGet("/api/ledgers/disputes/figures", async (string? unit, DateOnly from, DateOnly to, Data.CenturionDb db, CallerScope scope, LedgerAccess access, CancellationToken ct) =>
        {
            var root = await access.RootAsync(unit, ct);
            var ids = new[] { root.Id };
            return TypedResults.Ok(new
            {
                unit = root.Code, from, to,
                disputesScreened = (await DisputeFigures.ForAsync(db, DisputeFigures.Screened, ids, from, to, ct))[root.Id],
                disputesResolved = (await DisputeFigures.ForAsync(db, DisputeFigures.Resolved, ids, from, to, ct))[root.Id],
            });
        }).RequireAuthorization().WithTags("Ledgers: disputes")
            .Named("DisputeFigures", "disputes-screened and disputes-resolved derived from the ledger for a unit's subtree and window.");
    }
}
