using System.Net;
using System.Net.Http.Json;
using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Units;

/// <summary>A user sees and touches only their subtree; everything else is "not found".</summary>
public class ScopeTests
{
    [Theory, BothDatabases]
    public async Task A_Chengdu_user_cannot_read_a_Mianyang_unit_and_a_province_user_reads_both(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chengdu = app.ApiAs("chengdu");
        var province = app.ApiAs("province");

        Assert.Equal(HttpStatusCode.NotFound, (await chengdu.GetAsync("/api/units/510700")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chengdu.GetAsync("/api/units/510703")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chengdu.GetAsync("/api/units/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chengdu.GetAsync("/api/units/510104")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync("/api/units/510700")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync("/api/units/510104")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_unit_list_holds_exactly_the_callers_subtree(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var listed = await app.ApiAs("chengdu").GetFromJsonAsync<List<UnitDto>>("/api/units");

        await using var db = app.Db();
        var all = await db.Units.Include(u => u.Parent).ToListAsync();
        var byId = all.ToDictionary(u => u.Id);
        bool UnderChengdu(Unit u) { for (var x = u; x is not null; x = x.ParentId is { } p ? byId[p] : null) if (x.Code == "510100") return true; return false; }
        var expected = all.Where(UnderChengdu).Select(u => u.Code).Order().ToList();

        Assert.Equal(expected, listed!.Select(u => u.Code).Order().ToList());
        Assert.DoesNotContain(listed!, u => u.Code == "510000" || u.Code == "510700");
    }

    [Theory, BothDatabases]
    public async Task Writing_outside_the_subtree_is_refused_as_not_found_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chengdu = app.ApiAs("chengdu");

        var rename = await chengdu.PatchAsJsonAsync("/api/units/510703", new { nameZh = "改名" });
        var addBelow = await chengdu.PostAsJsonAsync("/api/units", new { parentCode = "510703", code = "510703901", nameZh = "新派出所" });

        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, addBelow.StatusCode);
        await using var db = app.Db();
        Assert.Equal("涪城区", (await db.Units.SingleAsync(u => u.Code == "510703")).NameZh);
        Assert.False(await db.Units.AnyAsync(u => u.Code == "510703901"));
    }

    [Theory, BothDatabases]
    public async Task A_leader_adds_a_station_in_scope_and_it_joins_the_closure(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await app.ApiAs("chengdu").PostAsJsonAsync("/api/units", new { parentCode = "510104", code = "510104901", nameZh = "春熙路派出所", nameEn = "Chunxilu Police Station" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<UnitDto>();
        Assert.Equal(("station", "510104"), (created!.Level, created.ParentCode));
        await using var db = app.Db();
        var id = (await db.Units.SingleAsync(u => u.Code == "510104901")).Id;
        var ancestors = await db.UnitLinks.Where(l => l.DescendantId == id).Join(db.Units, l => l.AncestorId, u => u.Id, (l, u) => new { u.Code, l.Depth }).OrderBy(x => x.Depth).ToListAsync();
        Assert.Equal(["510104901", "510104", "510100", "510000"], ancestors.Select(a => a.Code));
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs("jinjiang").GetAsync("/api/units/510104901")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_bad_new_unit_is_refused_with_each_problem_named_and_nothing_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await app.ApiAs("chengdu").PostAsJsonAsync("/api/units", new { parentCode = "510104", code = "510104001", nameZh = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();
        Assert.Contains("510104001", problem!.Errors["code"][0]);
        Assert.True(problem.Errors.ContainsKey("nameZh"));
        await using var db = app.Db();
        Assert.Equal("城关派出所", (await db.Units.SingleAsync(u => u.Code == "510104001")).NameZh);
    }

    [Theory, BothDatabases]
    public async Task A_reporter_may_read_but_not_rename_their_own_unit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var jinjiang = app.ApiAs("jinjiang");

        Assert.Equal(HttpStatusCode.OK, (await jinjiang.GetAsync("/api/units/510104")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await jinjiang.PatchAsJsonAsync("/api/units/510104", new { nameZh = "改名" })).StatusCode);
        await using var db = app.Db();
        Assert.Equal("锦江区", (await db.Units.SingleAsync(u => u.Code == "510104")).NameZh);
    }

    [Theory, BothDatabases]
    public async Task A_unit_page_outside_the_subtree_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (client, _) = await app.SignInAsync("chengdu");

        var outside = await client.GetAsync("/units/510700");
        var inside = await client.GetAsync("/units/510104");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.DoesNotContain("绵阳", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Contains("锦江区", await inside.Content.ReadAsStringAsync());
    }

    public sealed record ValidationProblem(string Title, Dictionary<string, string[]> Errors);
}
