using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;

namespace Centurion.Features.Dashboard;

public static class DashboardExport
{
    /// <summary>`/campaigns/{code}/dashboard.xlsx`: the dashboard's table of units below, with the same query as the page.</summary>
    public static void MapDashboardExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/campaigns/{code}/dashboard.xlsx", async (string code, string? unit, DateOnly? from, DateOnly? to, string? indicator, string? sort, string? dir,
            CenturionDb db, CallerScope scope, TimeProvider clock, CancellationToken ct) =>
        {
            var view = await DashboardView.LoadAsync(db, scope, clock, code, unit, from, to, indicator, sort, dir == "asc", ct);
            var rows = view.Rows.Select(r =>
            {
                var row = new Dictionary<string, object?> { [Lang.Pick("单位", "Unit")] = Lang.Pick(r.NameZh, r.NameEn), [Lang.Pick("代码", "Code")] = r.Code };
                foreach (var i in view.Indicators)
                {
                    var cell = r.Cells.GetValueOrDefault(i.Code);
                    row[i.Name(Lang.IsEnglish)] = cell?.Value;
                    row[$"{i.Name(Lang.IsEnglish)} {DashboardText.Yoy}"] = cell?.YoyChange is { } c ? Math.Round(c, 4) : null;
                }
                return row;
            }).ToList();
            return await Files.XlsxAsync(rows, $"{code}-{view.Unit.Code}-{view.To:yyyyMMdd}.xlsx", view.Unit.Code, ct);
        }).RequireAuthorization().ExcludeFromDescription();
}
