using Centurion.Features.Ledgers;
using Centurion.Features.Supervision.Evidence;
using Centurion.Features.Supervision.Lists;
using Centurion.Features.Supervision.Listing;
using Centurion.Features.Supervision.Rectification;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;

namespace Centurion.Features.Supervision;

/// <summary>Supervision's services and its JSON API under /api/supervision.</summary>
public static class SupervisionApi
{
    public static IServiceCollection AddSupervision(this IServiceCollection services) =>
        services.AddScoped<SupervisionDesk>().AddScoped<Rectifications>().AddScoped<SupervisionLists>().AddScoped<SupervisionEvidence>().AddWorkSource<SupervisionWork>()
            .AddScoped<Listings>().AddWorkSource<ListingWork>();

    public static void MapSupervision(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/supervision").WithTags("Supervision").RequireAuthorization();

        api.MapGet("/teams", async (SupervisionDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.TeamsAsync(ct)))
            .Named("ListSupervisionTeams", "Supervision teams of the campaigns the caller takes part in: leader, members, linked prefectures, lines.");
        api.MapGet("/teams/{id:int}", async (int id, SupervisionDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.TeamAsync(id, ct)))
            .Named("GetSupervisionTeam", "One supervision team.");
        api.MapPost("/teams", async (TeamInput body, SupervisionDesk desk, CancellationToken ct) =>
            { var t = await desk.FormTeamAsync(body, ct); return TypedResults.Created($"/api/supervision/teams/{t.Id}", t); })
            .Named("FormSupervisionTeam", "Forms a team under one of the campaign's linked leaders (its prefectures are the leader's links), with member user names and line codes; campaign office.");

        api.MapGet("/plans", async (int? team, string? state, string? unit, int? page, int? pageSize, SupervisionDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.ListAsync(new PlanFilter(team, state, unit, page ?? 1, pageSize ?? 50), ct)))
            .Named("ListInspectionPlans", "Inspection plans the caller may see (a plan not carried out only by its team and the campaign office), newest first; filter by team, state (planned, carried-out, cancelled), target unit subtree.");
        api.MapGet("/plans/export", async (int? team, string? state, string? unit, SupervisionDesk desk, CancellationToken ct) =>
            await Files.XlsxAsync((await desk.AllAsync(new PlanFilter(team, state, unit), ct)).Select(Export), "inspection-plans.xlsx", ct: ct))
            .Named("ExportInspectionPlans", "The filtered plan list as XLSX.").Produces(StatusCodes.Status200OK, contentType: Files.XlsxType);
        api.MapGet("/plans/{id:long}", async (long id, SupervisionDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.GetAsync(id, ct)))
            .Named("GetInspectionPlan", "One plan with its draw, inspection, checklist answers, findings and history.");
        api.MapPost("/plans", async (PlanInput body, SupervisionDesk desk, CancellationToken ct) =>
            { var p = await desk.PlanAsync(body, ct); return TypedResults.Created($"/api/supervision/plans/{p.Id}", p); })
            .Named("PlanInspection", "Plans an unannounced inspection of a county or station (unit) or a key place (keyPlace) in the team's prefectures; a member from the target's own chain is a 409 (conflict of interest).");
        api.MapPost("/plans/draw", async (DrawInput body, SupervisionDesk desk, CancellationToken ct) =>
            { var p = await desk.DrawAsync(body, ct); return TypedResults.Created($"/api/supervision/plans/{p.Id}", p); })
            .Named("DrawInspectionTarget", "Draws the target at random (seed given or generated) among the team's prefectures' counties, stations and active key places, leaving out conflicts, and plans the inspection; seed and candidates are stored.");
        api.MapPost("/plans/{id:long}/cancel", async (long id, CancelInput body, SupervisionDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.CancelAsync(id, body, ct)))
            .Named("CancelInspectionPlan", "Cancels a planned inspection, with a reason.");
        api.MapPost("/plans/{id:long}/carry-out", async (long id, CarryOutInput body, SupervisionDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.CarryOutAsync(id, body, ct)))
            .Named("CarryOutInspection", "Records the inspection: happenedAt (province time unless it ends in Z), who went, an answer per checklist item, and any findings.");
        api.MapPost("/plans/{id:long}/findings", async (long id, FindingInput body, SupervisionDesk desk, CancellationToken ct) =>
            { var f = await desk.AddFindingAsync(id, body, ct); return TypedResults.Created($"/api/supervision/findings/{f.Id}", f); })
            .Named("RecordFinding", "Records a finding of a carried-out inspection: what, where, severity (minor, major, serious), category, line, evidence note.");
        api.MapGet("/findings/{id:long}", async (long id, SupervisionDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.FindingAsync(id, ct)))
            .Named("GetFinding", "One finding with its rectification items.");
        api.MapPost("/findings/{id:long}/items", async (long id, ItemInput body, Rectifications items, CancellationToken ct) =>
            { var i = await items.AssignAsync(id, body, ct); return TypedResults.Created($"/api/supervision/items/{i.Id}", i); })
            .Named("AssignRectificationItem", "Assigns a rectification item from a finding: responsible unit (the inspected unit, above or below it), person, measure, deadline.");

        MapLists(api);
        api.MapGet("/items/{id:long}", async (long id, Rectifications items, CancellationToken ct) => TypedResults.Ok(await items.GetAsync(id, ct)))
            .Named("GetRectificationItem", "One item with its history and the moves open to the caller.");
        api.MapPost("/items/{id:long}/actions", async (long id, ItemAction body, Rectifications items, CancellationToken ct) => TypedResults.Ok(await items.ActAsync(id, body, ct)))
            .Named("ActOnRectificationItem", "start, submit (evidence in note): the responsible unit; verify, return (reason in note), close-out, reopen (note and newDeadline): the team; the campaign office may make any.");
        api.MapGet("/listings", async (string? unit, string? state, bool? overdue, int? page, int? pageSize, Listings listings, CancellationToken ct) =>
            TypedResults.Ok(await listings.ListAsync(new ListingFilter(unit, state, overdue ?? false, page ?? 1, pageSize ?? 50), ct)))
            .Named("ListSupervisionListings", "Listed supervision (挂牌督办) in scope (the responsible unit in the caller's subtree), listed ones by next due first, so the overdue lead; filter by responsible unit subtree, state (listed, delisted), overdue.");
        api.MapGet("/listings/{id:long}", async (long id, Listings listings, CancellationToken ct) => TypedResults.Ok(await listings.GetAsync(id, ct)))
            .Named("GetSupervisionListing", "One listing with its history (listed, progress reports, delisted) and the moves open to the caller.");
        api.MapPost("/listings", async (ListingInput body, Listings listings, CancellationToken ct) =>
            { var l = await listings.ListForSupervisionAsync(body, ct); return TypedResults.Created($"/api/supervision/listings/{l.Id}", l); })
            .Named("ListForSupervision", "Lists an open rectification item (item) or a trouble spot (place, problem, unit) for province-level tracking, with a reason, a progress report every intervalDays (1–90) and an optional targetDate; the province campaign office.");
        api.MapPost("/listings/{id:long}/reports", async (long id, ListingReportInput body, Listings listings, CancellationToken ct) => TypedResults.Ok(await listings.ReportAsync(id, body, ct)))
            .Named("ReportListingProgress", "A progress report (text) by the responsible unit; the next is due intervalDays province days after it.");
        api.MapPost("/listings/{id:long}/delist", async (long id, DelistInput body, Listings listings, CancellationToken ct) => TypedResults.Ok(await listings.DelistAsync(id, body, ct)))
            .Named("DelistSupervisionListing", "Delists (撤牌) with a conclusion: an item's listing once the item is closed out, a trouble spot's at the office's judgement; the province campaign office.");
        app.MapSupervisionEvidence(api);
    }

    private const string Filters = " Filters (all optional): unit (code; its subtree), line (code), team (number), state, overdue (true/false), month (YYYY-MM, the month the problem was found); a malformed one is a 400 naming it.";

    /// <summary>The leaders' three lists: problems (findings), rectification items, and who is responsible for each item; each paged, counted by prefecture and exported.</summary>
    private static void MapLists(RouteGroupBuilder api)
    {
        static ListQuery Q(string? unit, string? line, string? team, string? state, string? overdue, string? month, string? page = null, string? pageSize = null) =>
            ListQuery.Parse(unit, line, team, state, overdue, month, page, pageSize);

        api.MapGet("/findings", async (string? unit, string? line, string? team, string? state, string? overdue, string? month, string? page, string? pageSize,
                SupervisionLists lists, CancellationToken ct) => TypedResults.Ok(await lists.ProblemsAsync(Q(unit, line, team, state, overdue, month, page, pageSize), ct)))
            .Named("ListProblems", "The problem list (问题清单): findings the caller may see, overdue first, then those with no item assigned, then open, then closed out, newest first; state is unassigned, rectifying or closed-out." + Filters)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/findings/by-prefecture", async (string? unit, string? line, string? team, string? state, string? overdue, string? month, SupervisionLists lists, CancellationToken ct) =>
                TypedResults.Ok(await lists.ProblemCountsAsync(Q(unit, line, team, state, overdue, month), ct)))
            .Named("CountProblemsByPrefecture", "The problem list's counts by state per prefecture (of the inspected unit), with overdue and totals, grouped in the database." + Filters)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/findings/export", async (string? unit, string? line, string? team, string? state, string? overdue, string? month, SupervisionLists lists, CancellationToken ct) =>
                await Files.XlsxAsync((await lists.AllProblemsAsync(Q(unit, line, team, state, overdue, month), ct)).Select(ListText.Export), "problems.xlsx", ct: ct))
            .Named("ExportProblems", "The filtered problem list as XLSX (at most 100,000 rows).").Produces(StatusCodes.Status200OK, contentType: Files.XlsxType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/items", async (string? unit, string? line, string? team, string? state, string? overdue, string? month, string? page, string? pageSize,
                SupervisionLists lists, CancellationToken ct) => TypedResults.Ok(await lists.ItemsAsync(Q(unit, line, team, state, overdue, month, page, pageSize), ct: ct)))
            .Named("ListRectificationItems", "The rectification list (整改清单): items in scope, overdue first, then open by deadline, then closed out; unit is the responsible unit." + Filters)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/items/by-prefecture", async (string? unit, string? line, string? team, string? state, string? overdue, string? month, SupervisionLists lists, CancellationToken ct) =>
                TypedResults.Ok(await lists.ItemCountsAsync(Q(unit, line, team, state, overdue, month), ct)))
            .Named("CountRectificationItemsByPrefecture", "Items' counts by state per prefecture (of the responsible unit), with overdue and totals, grouped in the database; the responsibility list's counts too." + Filters)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/items/export", async (string? unit, string? line, string? team, string? state, string? overdue, string? month, SupervisionLists lists, CancellationToken ct) =>
                await Files.XlsxAsync((await lists.AllItemsAsync(Q(unit, line, team, state, overdue, month), ct: ct)).Select(ListText.Rectification), "rectification-items.xlsx", ct: ct))
            .Named("ExportRectificationItems", "The filtered rectification list as XLSX (at most 100,000 rows).").Produces(StatusCodes.Status200OK, contentType: Files.XlsxType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/responsibilities", async (string? unit, string? line, string? team, string? state, string? overdue, string? month, string? page, string? pageSize,
                SupervisionLists lists, CancellationToken ct) => TypedResults.Ok(await lists.ItemsAsync(Q(unit, line, team, state, overdue, month, page, pageSize), byResponsibility: true, ct)))
            .Named("ListResponsibilities", "The responsibility list (责任清单): for each item, the responsible unit and person, the team and its leader (a campaign's linked leader) and the line; overdue first, then by responsible unit and person." + Filters)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/responsibilities/by-prefecture", async (string? unit, string? line, string? team, string? state, string? overdue, string? month, SupervisionLists lists, CancellationToken ct) =>
                TypedResults.Ok(await lists.ItemCountsAsync(Q(unit, line, team, state, overdue, month), ct)))
            .Named("CountResponsibilitiesByPrefecture", "The responsibility list's counts by state per prefecture of the responsible unit (the same items as the rectification list's)." + Filters)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/responsibilities/export", async (string? unit, string? line, string? team, string? state, string? overdue, string? month, SupervisionLists lists, CancellationToken ct) =>
                await Files.XlsxAsync((await lists.AllItemsAsync(Q(unit, line, team, state, overdue, month), byResponsibility: true, ct)).Select(ListText.Responsibility), "responsibilities.xlsx", ct: ct))
            .Named("ExportResponsibilities", "The filtered responsibility list as XLSX (at most 100,000 rows).").Produces(StatusCodes.Status200OK, contentType: Files.XlsxType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IDictionary<string, object?> Export(PlanRow p) => new Dictionary<string, object?>
    {
        [new Phrase("编号", "No.")] = p.Id, [SupervisionText.Team] = p.TeamName, [SupervisionText.Target] = $"{p.UnitName} {p.Unit}",
        [new Phrase("重点场所", "Key place")] = p.KeyPlace, [SupervisionText.PlannedOn] = p.PlannedOn.ToString("yyyy-MM-dd"), [SupervisionText.Focus] = p.Focus,
        [SupervisionText.State] = p.State, [SupervisionText.Findings] = p.Findings,
    };
}
