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
}
