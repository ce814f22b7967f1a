using System.Net;
using System.Net.Http.Json;
using Centurion.Data;
using Centurion.Features.Reporting;
using Centurion.Tests.Support;
using static Centurion.Tests.Reporting.TestCampaign;

namespace Centurion.Tests.Reporting;

public class CompletenessTests
{
    [Fact]
    public void A_report_is_on_time_up_to_the_deadline_late_after_it_and_missing_only_once_it_has_passed()
    {
        var deadline = new DateTime(2026, 7, 4, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal(Timeliness.OnTime, Completeness.Classify(deadline, deadline, deadline.AddDays(1)));
        Assert.Equal(Timeliness.Late, Completeness.Classify(deadline.AddSeconds(1), deadline, deadline.AddDays(1)));
        Assert.Equal(Timeliness.Pending, Completeness.Classify(null, deadline, deadline));
        Assert.Equal(Timeliness.Missing, Completeness.Classify(null, deadline, deadline.AddSeconds(1)));
    }

    [Theory, BothDatabases]
    public async Task Completeness_counts_a_known_set_of_Chengdu_reports(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateAsync(app);
        var day1 = new DateOnly(2026, 7, 1);
        var day2 = new DateOnly(2026, 7, 2);
        app.Clock.SetLocal(2026, 7, 2, 9, 0);
        await FileAsync(app, "jinjiang", "510104", day1, 100);                 // on time
        await app.ApiAs("chengdu").PostAsJsonAsync(Url("510106", day1, "nil"), new { version = 0 }); // on time, nil
        app.Clock.SetLocal(2026, 7, 2, 11, 0);
        await FileAsync(app, "chengdu", "510105", day1, 100);                  // late
        await FileAsync(app, "chengdu", "510107", day2, 100);                  // day 2, before its deadline
        await FileAsync(app, "mianyang", "510703", day1, 100);                 // outside Chengdu: not counted

        var c = await app.ApiAs("chengdu").GetFromJsonAsync<CompletenessDto>($"/api/campaigns/{Code}/completeness?unit=510100&from=2026-07-01&to=2026-07-02");

        // Chengdu has 20 counties; day 1 is past its deadline, day 2 is not yet due.
        Assert.Equal(new CompletenessCounts(Expected: 40, Received: 4, OnTime: 3, Late: 1, Missing: 17, Pending: 19, Nil: 1), c!.Total);
        var jinjiang = c.ByUnit.Single(u => u.Code == "510104").Counts;
        Assert.Equal((2, 1, 0, 1), (jinjiang.Expected, jinjiang.OnTime, jinjiang.Missing, jinjiang.Pending));
        Assert.Equal(20, c.ByUnit.Count);

        var outstanding = await app.ApiAs("chengdu").GetFromJsonAsync<OutstandingDto>($"/api/campaigns/{Code}/outstanding?date=2026-07-01");
        Assert.Equal((20, 17, true), (outstanding!.Expected, outstanding.Units.Count, outstanding.Overdue));
        Assert.DoesNotContain(outstanding.Units, u => u.Code is "510104" or "510105" or "510106");
        var province = await app.ApiAs("province").GetFromJsonAsync<CompletenessDto>($"/api/campaigns/{Code}/completeness?from=2026-07-01&to=2026-07-01");
        Assert.Equal((183, 4), (province!.Total.Expected, province.Total.Received));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("chengdu").GetAsync($"/api/campaigns/{Code}/completeness?unit=510700")).StatusCode);

        // The page's export holds the same table: one row per county and the total.
        var (leader, _) = await app.SignInAsync("chengdu");
        var xlsx = await leader.GetAsync($"/campaigns/{Code}/completeness.xlsx?from=2026-07-01&to=2026-07-02");
        var rows = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(21, rows.Count);
        Assert.Equal(("510100", 40L, 4L, 17L), ((string)rows[^1]["代码"], Convert.ToInt64(rows[^1]["应报"]), Convert.ToInt64(rows[^1]["已报"]), Convert.ToInt64(rows[^1]["缺报"])));
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/campaigns/{Code}/completeness.xlsx?unit=510700")).StatusCode);
    }
}
