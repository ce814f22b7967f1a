using System.Net;
using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Campaigns;

/// <summary>The plan page: forms for the campaign office while the campaign runs, nothing for anyone else.</summary>
public partial class CampaignPlanPageTests
{
    private const string Page = "/campaigns/summer-2022/plan";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string form, Dictionary<string, string> fields)
    {
        var page = await TestApp.PageAsync(client, Page);
        fields["__RequestVerificationToken"] = TestApp.Token(page);
        fields["_handler"] = form;
        return await client.PostAsync(Page, new FormUrlEncodedContent(fields));
    }

    [Theory, BothDatabases]
    public async Task The_office_edits_a_phase_and_adds_a_key_task_and_a_refusal_keeps_what_was_typed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 7, 10, 12);
        var (office, _) = await app.SignInAsync("province");
        int phaseId;
        await using (var db = app.Db())
            phaseId = await db.CampaignPhases.Where(p => p.NameZh == "巩固深化").Select(p => p.Id).SingleAsync();

        Assert.Contains("id=\"edit-plan\"", await TestApp.PageAsync(office, "/campaigns/summer-2022"));
        var overlapping = await PostAsync(office, $"phase-{phaseId}", new()
        {
            ["nameZh"] = "巩固深化", ["nameEn"] = "Consolidation", ["startDate"] = "2022-08-20", ["endDate"] = "2022-09-25", ["op"] = "save",
        });
        var refusal = await overlapping.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlapping.StatusCode);
        Assert.Contains("与阶段“集中打击”（2022-07-01 至 2022-08-31）重叠。", refusal);
        Assert.Contains("value=\"2022-08-20\"", refusal);

        var saved = await PostAsync(office, $"phase-{phaseId}", new()
        {
            ["nameZh"] = "巩固深化", ["nameEn"] = "Consolidation", ["startDate"] = "2022-09-01", ["endDate"] = "2022-09-20", ["op"] = "save",
        });
        var added = await PostAsync(office, "task-new", new()
        {
            ["titleZh"] = "夜市巡防", ["titleEn"] = "Night-market patrols", ["ownerLine"] = "patrol", ["responsibleUnit"] = "510104",
            ["responsibleUser"] = "", ["responsibleName"] = "张伟", ["responsibleTitle"] = "锦江分局副局长", ["deadline"] = "2022-09-20", ["op"] = "save",
        });
        var badDate = await PostAsync(office, "task-new", new() { ["titleZh"] = "夜市巡防", ["deadline"] = "20.9.2022", ["op"] = "save" });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (saved.StatusCode, added.StatusCode));
        Assert.Contains("日期应为 YYYY-MM-DD。", await badDate.Content.ReadAsStringAsync());
        await using (var db = app.Db())
        {
            Assert.Equal(new DateOnly(2022, 9, 20), (await db.CampaignPhases.SingleAsync(p => p.Id == phaseId)).EndDate);
            var task = await db.CampaignTasks.Include(t => t.ResponsibleUnit).SingleAsync(t => t.TitleZh == "夜市巡防");
            Assert.Equal(("510104", "张伟", "锦江分局副局长", new DateOnly(2022, 9, 20)), (task.ResponsibleUnit!.Code, task.ResponsibleName, task.ResponsibleTitle, task.Deadline));
        }
        var overview = await TestApp.PageAsync(office, "/campaigns/summer-2022");
        Assert.Contains("张伟（锦江分局副局长）", overview);
        Assert.Contains("成都市局领导", overview); // a task whose person is the user chengdu, in the demo
    }

    [Theory, BothDatabases]
    public async Task A_reporter_or_unit_leader_sees_no_edit_controls_and_a_finished_campaign_none_for_anyone(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 7, 10, 12);
        foreach (var user in new[] { "jinjiang", "chengdu" })
        {
            var (client, _) = await app.SignInAsync(user);
            Assert.DoesNotContain("id=\"edit-plan\"", await TestApp.PageAsync(client, "/campaigns/summer-2022"));
            var plan = await client.GetAsync(Page);
            Assert.NotEqual(HttpStatusCode.OK, plan.StatusCode);
            Assert.DoesNotContain("phase-new", await plan.Content.ReadAsStringAsync());
        }

        app.Clock.SetLocal(2026, 12, 1, 12);
        var (office, _) = await app.SignInAsync("province");
        Assert.DoesNotContain("id=\"edit-plan\"", await TestApp.PageAsync(office, "/campaigns/summer-2022"));
        var closed = await TestApp.PageAsync(office, Page);
        Assert.Contains("id=\"plan-closed\"", closed);
        Assert.DoesNotContain("phase-new", closed);
    }

    [Theory, BothDatabases]
    public async Task Removing_a_unit_that_has_reports_is_refused_on_the_page_too(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 7, 10, 12);
        var (office, _) = await app.SignInAsync("province");

        var refused = await PostAsync(office, "unit-remove", new() { ["unitCode"] = "510104" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Matches(RefusedRemoval(), await refused.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.True(await db.CampaignUnits.AnyAsync(cu => cu.Unit!.Code == "510104"));
    }

    [GeneratedRegex("锦江区 在本行动已有 [0-9]+ 份报表，不能移出。")]
    private static partial Regex RefusedRemoval();
}
