using System.Net;
using Centurion.Data;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Centurion.Tests.Ledgers;

public class ScreeningExportTests
{
    private const string Export = "/api/ledgers/screening/summer-2022/screenings/export";

    private static async Task<List<IDictionary<string, object>>> RowsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. (await stream.QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object>>()];
    }

    /// <summary>The page shows 50 at a time; the export holds every screening in scope, filtered like the list.</summary>
    [Theory, BothDatabases]
    public async Task Every_screening_in_scope_exports_to_xlsx_and_none_out_of_scope(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        int all;
        await using (var db = app.Db()) all = await db.Set<Screening>().CountAsync();
        Assert.True(all > 200, $"the demo has {all} screenings: more than the page shows");

        var province = await RowsAsync(await app.ApiAs("province").GetAsync(Export));
        Assert.Equal(all, province.Count);
        Assert.Equal(["轮次", "代码", "单位", "排查日期", "排查场所数", "排查户数", "发现纠纷数", "登记人"], province[0].Keys);

        var jinjiang = await RowsAsync(await app.ApiAs("jinjiang").GetAsync(Export));
        Assert.Equal(["510104", "510104"], jinjiang.Select(r => r["代码"]?.ToString()));
        Assert.Single(await RowsAsync(await app.ApiAs("chengdu").GetAsync(Export + "?unit=510104&round=" + await FirstRoundAsync(app))));

        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync(Export + "?unit=510104")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("xingzhen").GetAsync(Export)).StatusCode);
    }

    private static async Task<long> FirstRoundAsync(TestApp app)
    {
        await using var db = app.Db();
        return await db.Set<ScreeningRound>().Where(r => r.Number == 1).Select(r => r.Id).SingleAsync();
    }
}
