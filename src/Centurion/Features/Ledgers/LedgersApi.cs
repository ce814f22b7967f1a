using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Ledgers.NightOperations;
using Centurion.Features.Ledgers.Reconciliation;
using Centurion.Features.Ledgers.Visits;
using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Imports;
using Centurion.Infrastructure.Work;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centurion.Features.Ledgers;

/// <summary>The ledgers' services, JSON API under /api/ledgers and spreadsheet exports under /ledgers.</summary>
public static class LedgersApi
{
    public static IServiceCollection AddLedgers(this IServiceCollection services) => services
        .AddScoped<LedgerAccess>().AddScoped<KeyPlaceRegister>().AddScoped<VisitLedger>().AddScoped<NightOperationLedger>()
        .AddScoped<Reconciliations>()
        .AddScoped<Disputes.DisputeLedger>().AddScoped<Disputes.HazardLedger>().AddScoped<Disputes.ScreeningLedger>()
        .AddScoped<TroubleSpots.TroubleSpotLedger>().AddScoped<SpotChecks.SpotCheckLedger>()
        .AddScoped<LedgerKeepers>().AddWorkSource<HazardsDue>().AddWorkSource<TroubleSpotsDue>().AddWorkSource<ScreeningsDue>();

    private static RouteHandlerBuilder Documented(this RouteHandlerBuilder b, string name, string summary, params int[] problems)
    {
        b.WithName(name).WithSummary(summary).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var status in problems) b.ProducesProblem(status);
        return b;
    }

    private static LedgerFilter Filter(string? unit, string? state, string? type, DateOnly? from, DateOnly? to, int? page, int? pageSize) =>
        new(unit, state, type, from, to, page ?? 1, pageSize ?? LedgerFilter.DefaultPageSize);

    public static void MapLedgers(this IEndpointRouteBuilder app)
    {
        Disputes.DisputesApi.MapDisputesApi(app);
        TroubleSpots.TroubleSpotsApi.MapTroubleSpotsApi(app);
        SpotChecks.SpotChecksApi.MapSpotChecksApi(app);
        var api = app.MapGroup("/api/ledgers").WithTags("Ledgers").RequireAuthorization();

        var places = api.MapGroup("/key-places");
        places.MapGet("/", async (string? unit, string? state, string? type, DateOnly? from, DateOnly? to, int? page, int? pageSize, KeyPlaceRegister ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.ListAsync(Filter(unit, state, type, from, to, page, pageSize), ct)))
            .Documented("ListKeyPlaces", "Key places in a unit's subtree (default: the caller's), filtered by state, type and registration date, a page at a time.", 422);
        places.MapGet("/{id:long}", async (long id, KeyPlaceRegister ledger, CancellationToken ct) => TypedResults.Ok(await ledger.GetAsync(id, ct)))
            .Documented("GetKeyPlace", "One key place with the history of its state.");
        places.MapPost("/", async (KeyPlaceInput input, KeyPlaceRegister ledger, CancellationToken ct) =>
            { var p = await ledger.CreateAsync(input, ct); return TypedResults.Created($"/api/ledgers/key-places/{p.Id}", p); })
            .Documented("CreateKeyPlace", "Registers a key place for a county or station in scope (reporters and unit leaders); every problem by field.", 403, 422);
        places.MapPut("/{id:long}", async (long id, KeyPlaceInput input, KeyPlaceRegister ledger, CancellationToken ct) => TypedResults.Ok(await ledger.EditAsync(id, input, ct)))
            .Documented("EditKeyPlace", "Changes a key place's details (not its state or unit).", 403, 422);
        places.MapPost("/{id:long}/close", async (long id, ReasonInput input, KeyPlaceRegister ledger, CancellationToken ct) => TypedResults.Ok(await ledger.CloseAsync(id, input.Reason, ct)))
            .Documented("CloseKeyPlace", "Closes an active key place, with a reason; a closed one is refused with 409.", 403, 409, 422);
        places.MapPost("/{id:long}/reopen", async (long id, ReasonInput input, KeyPlaceRegister ledger, CancellationToken ct) => TypedResults.Ok(await ledger.ReopenAsync(id, input.Reason, ct)))
            .Documented("ReopenKeyPlace", "Reopens a closed key place, with a reason; an active one is refused with 409.", 403, 409, 422);

        var visits = api.MapGroup("/visits");
        visits.MapGet("/", async (string? unit, string? type, DateOnly? from, DateOnly? to, int? page, int? pageSize, VisitLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.ListAsync(Filter(unit, null, type, from, to, page, pageSize), ct)))
            .Documented("ListVisits", "Patrol and check visits in a unit's subtree, filtered by place type (or area) and date, latest first, a page at a time.", 422);
        visits.MapGet("/{id:long}", async (long id, VisitLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.GetAsync(id, ct)))
            .Documented("GetVisit", "One patrol or check visit.");
        visits.MapPost("/", async (VisitInput input, VisitLedger ledger, CancellationToken ct) =>
            { var v = await ledger.CreateAsync(input, ct); return TypedResults.Created($"/api/ledgers/visits/{v.Id}", v); })
            .Documented("CreateVisit", "Records a visit to a key place in scope (not a closed one) or to a named area of a unit in scope; time in province time.", 403, 422);
        visits.MapPut("/{id:long}", async (long id, VisitInput input, VisitLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.EditAsync(id, input, ct)))
            .Documented("EditVisit", "Corrects a recorded visit.", 403, 422);

        var operations = api.MapGroup("/night-operations");
        operations.MapGet("/", async (string? unit, DateOnly? from, DateOnly? to, int? page, int? pageSize, NightOperationLedger ledger, CancellationToken ct) =>
            TypedResults.Ok(await ledger.ListAsync(Filter(unit, null, null, from, to, page, pageSize), ct)))
            .Documented("ListNightOperations", "Night sweep-and-rectify operations in a unit's subtree, filtered by date, latest first, a page at a time.", 422);
        operations.MapGet("/{id:long}", async (long id, NightOperationLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.GetAsync(id, ct)))
            .Documented("GetNightOperation", "One night operation.");
        operations.MapPost("/", async (NightOperationInput input, NightOperationLedger ledger, CancellationToken ct) =>
            { var o = await ledger.CreateAsync(input, ct); return TypedResults.Created($"/api/ledgers/night-operations/{o.Id}", o); })
            .Documented("CreateNightOperation", "Records a night operation of a county or station in scope.", 403, 422);
        operations.MapPut("/{id:long}", async (long id, NightOperationInput input, NightOperationLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.EditAsync(id, input, ct)))
            .Documented("EditNightOperation", "Corrects a recorded night operation.", 403, 422);

        api.MapGet("/reconciliation", async (string? campaign, string? unit, DateOnly? from, DateOnly? to, Reconciliations r, CancellationToken ct) =>
            TypedResults.Ok(await r.ForAsync(campaign, unit, from, to, ct)))
            .Documented("GetReconciliation", "Ledger figures beside reported ones (key-places-checked, night-operations, police-deployments) for a unit, its children and every reporting unit below that disagrees.", 422);

        foreach (var kind in LedgerImports.Kinds)
            api.MapPost($"/{kind}/import", async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> (IFormFile? file, bool? dryRun, CenturionDb db, LedgerAccess access,
                CallerScope scope, Actor actor, TimeProvider clock, CancellationToken ct) =>
            {
                if (file is not { Length: > 0 })
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: new Phrase("请在表单字段 file 中上传 CSV 或 XLSX 文件。", "Upload a CSV or XLSX file in the form field file."));
                var result = await LedgerImports.UploadAsync(new(db, access, scope, actor, clock), kind, file, dryRun ?? false, ct);
                if (result.Summary is { } summary) return TypedResults.Ok(summary);
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: new Phrase($"文件未导入：发现 {result.ErrorCount} 处错误，未保存任何内容。", $"The file was not imported: {result.ErrorCount} error(s) found, nothing was stored."),
                    extensions: new Dictionary<string, object?>
                    {
                        ["errors"] = result.Errors.Select(e => new { e.Row, e.Column, e.Value, Message = e.Message.ToString() }).ToList(),
                        ["errorCount"] = result.ErrorCount,
                    });
            })
            .DisableAntiforgery() // API callers authenticate with a key header, not a cookie a form could ride on.
            .Documented("Import" + string.Concat(kind.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])), $"Imports {kind} from a CSV or XLSX file (form field file), all or nothing, every bad row listed; dryRun=true checks without storing.", 400, 403, 422);

        // Spreadsheets of any filtered list, for the pages' export links (same filters as the lists, every row).
        var export = app.MapGroup("/ledgers").RequireAuthorization().ExcludeFromDescription();
        export.MapGet("/key-places.xlsx", async (string? unit, string? state, string? type, DateOnly? from, DateOnly? to, KeyPlaceRegister ledger, CancellationToken ct) =>
            await Files.XlsxAsync((await ledger.ExportAsync(Filter(unit, state, type, from, to, 1, LedgerFilter.MaxPageSize), ct)).Select(KeyPlaceRegister.Row), "key-places.xlsx", ct: ct));
        export.MapGet("/visits.xlsx", async (string? unit, string? type, DateOnly? from, DateOnly? to, VisitLedger ledger, CancellationToken ct) =>
            await Files.XlsxAsync((await ledger.ExportAsync(Filter(unit, null, type, from, to, 1, LedgerFilter.MaxPageSize), ct)).Select(VisitLedger.Row), "visits.xlsx", ct: ct));
        export.MapGet("/night-operations.xlsx", async (string? unit, DateOnly? from, DateOnly? to, NightOperationLedger ledger, CancellationToken ct) =>
            await Files.XlsxAsync((await ledger.ExportAsync(Filter(unit, null, null, from, to, 1, LedgerFilter.MaxPageSize), ct)).Select(NightOperationLedger.Row), "night-operations.xlsx", ct: ct));
    }
}
