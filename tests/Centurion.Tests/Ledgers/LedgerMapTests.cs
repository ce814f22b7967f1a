using System.Net;
using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Ledgers;

public partial class LedgerMapTests
{
    [GeneratedRegex("<a href=\"/ledgers/trouble-spots/(\\d+)\" class=\"spot ([^\"]*)\" data-spot=")]
    private static partial Regex SpotPoint();

    private static Dictionary<long, string[]> Spots(string html) =>
        SpotPoint().Matches(html).ToDictionary(m => long.Parse(m.Groups[1].Value), m => m.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Theory, BothDatabases]
    public async Task The_map_shows_the_units_trouble_spots_open_in_red_recurring_marked_each_linking_to_it_and_nothing_out_of_scope(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Dictionary<long, (bool Open, int Recurrences)> jinjiang;
        await using (var db = app.Db())
        {
            var unit = await db.Units.SingleAsync(u => u.Code == "510104");
            var subtree = db.UnitLinks.Where(l => l.AncestorId == unit.Id).Select(l => l.DescendantId);
            jinjiang = (await db.Set<TroubleSpot>().Where(s => subtree.Contains(s.UnitId) && s.Longitude != null).ToListAsync())
                .ToDictionary(s => s.Id, s => (s.Status is TroubleSpotStatus.Listed or TroubleSpotStatus.Rectifying, s.Recurrences));
        }
        Assert.Equal(4, jinjiang.Count); // the demo's four, one of them reopened twice and still open
        Assert.Contains(jinjiang.Values, s => s is { Open: true, Recurrences: 2 });

        var (reporter, _) = await app.SignInAsync("jinjiang");
        var html = await TestApp.PageAsync(reporter, "/ledgers/map");
        var shown = Spots(html);
        Assert.Equal(jinjiang.Keys.Order(), shown.Keys.Order());
        foreach (var (id, (open, recurrences)) in jinjiang)
        {
            Assert.Equal(open ? "open" : "done", shown[id][0]);
            Assert.Equal(recurrences > 0, shown[id].Contains("recurring"));
        }
        Assert.Contains("id=\"map-legend\"", html);
        Assert.Contains("治安乱点：未销号（红）", html);

        // Chengdu's leader sees Jinjiang's spots among Chengdu's; Mianyang's leader sees none of them, and Jinjiang's map is not found.
        var (chengdu, _) = await app.SignInAsync("chengdu");
        Assert.Equal(jinjiang.Keys.Order(), Spots(await TestApp.PageAsync(chengdu, "/ledgers/map?unit=510104")).Keys.Order());
        var chengduSpots = Spots(await TestApp.PageAsync(chengdu, "/ledgers/map?unit=510100"));
        Assert.Superset(jinjiang.Keys.ToHashSet(), chengduSpots.Keys.ToHashSet());
        var (mianyang, _) = await app.SignInAsync("mianyang");
        var own = Spots(await TestApp.PageAsync(mianyang, "/ledgers/map"));
        Assert.NotEmpty(own);
        Assert.Empty(own.Keys.Intersect(chengduSpots.Keys));
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync("/ledgers/map?unit=510104")).StatusCode);

        // In English, the legend too.
        await TestApp.InEnglishAsync(reporter);
        Assert.Contains("Trouble spot, open (red)", await TestApp.PageAsync(reporter, "/ledgers/map"));
    }
}
