using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Units;

public sealed record UnitDto(string Code, string? ParentCode, string Level, string NameZh, string NameEn, DateOnly? CodeValidFrom);

public sealed record NewUnit(string ParentCode, string Code, string NameZh, string? NameEn);

public sealed record UnitNames(string? NameZh, string? NameEn);

public static class UnitsApi
{
    public static IQueryable<UnitDto> ToDto(this IQueryable<Unit> units) =>
        units.Select(u => new UnitDto(u.Code, u.Parent == null ? null : u.Parent.Code, u.Level.ToString().ToLower(), u.NameZh, u.NameEn, u.CodeValidFrom));

    public static void MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units").WithTags("Units").RequireAuthorization().ProducesCommonProblems();

        api.MapGet("/", async (CenturionDb db, CallerScope scope, string? parent, UnitLevel? level, CancellationToken ct) =>
        {
            var units = scope.Units(db);
            if (parent is not null) units = units.Where(u => u.Parent != null && u.Parent.Code == parent);
            if (level is not null) units = units.Where(u => u.Level == level);
            return await units.OrderBy(u => u.Code).ToDto().ToListAsync(ct);
        }).WithName("ListUnits").WithSummary("Units in the caller's subtree, optionally the children of one unit or one level.");

        api.MapGet("/{code}", async Task<Results<Ok<UnitDto>, NotFound>> (string code, CenturionDb db, CallerScope scope, CancellationToken ct) =>
            await scope.Units(db).Where(u => u.Code == code).ToDto().FirstOrDefaultAsync(ct) is { } unit ? TypedResults.Ok(unit) : TypedResults.NotFound())
            .WithName("GetUnit").WithSummary("One unit, if it is in the caller's subtree.");

        api.MapPost("/", async Task<Results<Created<UnitDto>, ValidationProblem>> (NewUnit input, CenturionDb db, CallerScope scope, CancellationToken ct) =>
        {
            scope.Require(Roles.CampaignOffice, Roles.UnitLeader);
            var parent = await scope.FindUnitAsync(db, input.ParentCode, ct);
            var errors = await Hierarchy.ValidateChildAsync(db, parent, input.Code, input.NameZh, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: new Phrase("单位信息有误。", "The unit is not valid."));
            var unit = await Hierarchy.AddAsync(db, parent, input.Code.Trim(), Hierarchy.ChildLevel(parent.Level)!.Value, input.NameZh.Trim(), input.NameEn?.Trim() ?? "", ct: ct);
            var dto = await db.Units.Where(u => u.Id == unit.Id).ToDto().FirstAsync(ct);
            return TypedResults.Created($"/api/units/{unit.Code}", dto);
        }).WithName("AddUnit").WithSummary("Adds a unit (e.g. a police station) below a unit in the caller's subtree.");

        api.MapPatch("/{code}", async Task<Results<Ok<UnitDto>, ValidationProblem>> (string code, UnitNames input, CenturionDb db, CallerScope scope, CancellationToken ct) =>
        {
            scope.Require(Roles.CampaignOffice, Roles.UnitLeader);
            var unit = await scope.FindUnitAsync(db, code, ct);
            if (input.NameZh is not null && input.NameZh.Trim().Length == 0)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["nameZh"] = [new Phrase("中文名称不能为空。", "The Chinese name cannot be empty.")] });
            if (input.NameZh is not null) unit.NameZh = input.NameZh.Trim();
            if (input.NameEn is not null) unit.NameEn = input.NameEn.Trim();
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await db.Units.Where(u => u.Id == unit.Id).ToDto().FirstAsync(ct));
        }).WithName("RenameUnit").WithSummary("Renames a unit in the caller's subtree.");
    }
}
