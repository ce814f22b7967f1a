using System.Net.Http.Json;
using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Units;

public class HierarchyTests
{
    [Theory, BothDatabases]
    public async Task The_Sichuan_hierarchy_is_loaded_with_21_prefectures_and_183_counties(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.ApiAs("province");

        var prefectures = await api.GetFromJsonAsync<List<UnitDto>>("/api/units?level=Prefecture");
        var counties = await api.GetFromJsonAsync<List<UnitDto>>("/api/units?level=County");

        Assert.Equal(21, prefectures!.Count);
        Assert.Equal(183, counties!.Count);
        Assert.All(prefectures, p => Assert.Equal("510000", p.ParentCode));
        var prefectureCodes = prefectures.Select(p => p.Code).ToHashSet();
        Assert.All(counties, c => Assert.Contains(c.ParentCode!, prefectureCodes));
        var jinjiang = await api.GetFromJsonAsync<UnitDto>("/api/units/510104");
        Assert.Equal(("锦江区", "Jinjiang District", "510100", "county"), (jinjiang!.NameZh, jinjiang.NameEn, jinjiang.ParentCode, jinjiang.Level));
        Assert.All(counties, c => Assert.False(string.IsNullOrEmpty(c.NameEn)));
    }

    [Theory, BothDatabases]
    public async Task The_closure_table_agrees_with_the_parent_links_for_every_unit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var parents = await db.Units.ToDictionaryAsync(u => u.Id, u => u.ParentId);
        var links = await db.UnitLinks.ToListAsync();

        // Walk the parent chain of every unit independently and compare with the stored closure.
        var expected = parents.Keys.SelectMany(id =>
        {
            var chain = new List<(int, int, int)>();
            for (int? a = id, depth = 0; a is not null; a = parents[a.Value], depth++) chain.Add((a.Value, id, depth!.Value));
            return chain;
        }).OrderBy(x => x).ToList();
        Assert.Equal(expected, links.Select(l => (l.AncestorId, l.DescendantId, l.Depth)).OrderBy(x => x).ToList());
        Assert.True(parents.Count > 205, "demo stations are units too");
    }

    [Theory, BothDatabases]
    public async Task A_unit_whose_closure_rows_fail_to_save_is_not_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var db = TestDatabases.Open(provider, app.ConnectionString, app.Clock, new FailingSave<UnitLink>()))
        {
            var county = await db.Units.SingleAsync(u => u.Code == "510104");
            // What the API and the unit page do: add, then save.
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await Hierarchy.AddAsync(db, county, "510104901", UnitLevel.Station, "测试派出所", "Test Police Station");
                await db.SaveChangesAsync();
            });
        }

        await using var fresh = app.Db();
        Assert.False(await fresh.Units.AnyAsync(u => u.Code == "510104901"), "a unit without closure rows is outside every scope");
        Assert.False(await fresh.AuditEntries.AnyAsync(a => a.Entity == "Unit" && a.After!.Contains("510104901")));
    }
}
