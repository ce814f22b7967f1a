using System.Net;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Demo;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Ledgers;

public class RecheckIntervalFormTests
{
    private const string Page = "/ledgers/trouble-spots";

    private static Dictionary<string, string> Fields(string days) => new() { ["Interval.Campaign"] = DemoCampaign.Code, ["Interval.Days"] = days };

    [Theory, BothDatabases]
    public async Task The_campaign_office_sets_the_recheck_interval_on_the_page_refused_input_stays_and_the_change_is_audited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        long lastAudit;
        await using (var db = app.Db()) lastAudit = await db.AuditEntries.MaxAsync(a => a.Id); // the demo's own policy is audited too
        var (office, _) = await app.SignInAsync("province");
        var html = await TestApp.PageAsync(office, Page);
        Assert.Contains("id=\"interval-form\"", html);
        Assert.Contains($"value=\"{DemoFieldChecks.RecheckDays}\"", html); // the demo campaign's interval, ready to change

        foreach (var (typed, message) in new[] { ("0", "复查间隔须为 1 至 180 天"), ("181", "复查间隔须为 1 至 180 天"), ("两周", "复查间隔“两周”应为 1 至 180 的整数天数") })
        {
            var refused = await TestApp.PostFormAsync(office, Page, "recheck-interval", Fields(typed));
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("id=\"interval-error\"", body);
            Assert.Contains(message, body);
            Assert.Matches($"<input[^>]*id=\"i-days\"[^>]*value=\"{typed}\"", body);
        }
        await using (var db = app.Db())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoCampaign.Code);
            Assert.Equal(DemoFieldChecks.RecheckDays, (await db.Set<RecheckPolicy>().SingleAsync(p => p.CampaignId == campaign.Id)).Days);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Id > lastAudit && a.Entity == nameof(RecheckPolicy)));
        }

        var saved = await TestApp.PostFormAsync(office, Page, "recheck-interval", Fields("21"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("id=\"interval-saved\"", await saved.Content.ReadAsStringAsync());
        await using (var db = app.Db())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoCampaign.Code);
            Assert.Equal(21, (await db.Set<RecheckPolicy>().SingleAsync(p => p.CampaignId == campaign.Id)).Days);
            var audit = await db.AuditEntries.SingleAsync(a => a.Id > lastAudit && a.Entity == nameof(RecheckPolicy));
            Assert.Equal("province", audit.Actor);
            Assert.Contains("21", audit.After);
        }

        // Nobody else sees the form.
        var (reporter, _) = await app.SignInAsync("jinjiang");
        Assert.DoesNotContain("interval-form", await TestApp.PageAsync(reporter, Page));
    }
}
