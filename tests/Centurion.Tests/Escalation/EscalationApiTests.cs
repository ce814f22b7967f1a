using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Escalation;
using Centurion.Features.Escalation.Rules;
using Centurion.Features.Evaluation.Publication;
using Centurion.Features.Evaluation.Schemes;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Escalation;

/// <summary>The ladder's versions, the proposals publishing opens, the office's decisions, and who sees what, through the API on both databases.</summary>
public class EscalationApiTests
{
    public const string Code = "ladder-2026";
    public const string Api = $"/api/campaigns/{Code}/escalation";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly Scheme Small = new(100, [new("police-deployments", IndicatorMethod.Rank, 10, 10)],
        [new(FactKind.MissingReport, 0.1m, 10), new(FactKind.NegativeIncident, 5, 10)], [], new ListRules(RedTop: 2, BlackBottom: 3), PublishRanking: true, AppealDays: 3);

    /// <summary>A two-month campaign (July and August 2026) with a published scheme and the standard ladder published from July.</summary>
    public static async Task<TestApp> StartAsync(DatabaseProvider provider)
    {
        var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 1, 9, 0);
        var office = app.ApiAs("province");
        var created = await office.PostAsJsonAsync("/api/campaigns", new
        {
            code = Code, nameZh = "升级测试", nameEn = "Ladder test", startDate = new DateOnly(2026, 7, 1), endDate = new DateOnly(2026, 8, 31), cadence = "Daily",
            deadlineDaysAfter = 1, deadlineTime = "10:00:00", reportingLevel = "County", indicators = new[] { "police-deployments" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var db = app.Db();
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == Code);
        var v = ScoringSchemeVersion.Draft(campaign, 1, new DateOnly(2026, 7, 1), Small, "province", app.Clock.UtcNow);
        v.Publish([], "province", app.Clock.UtcNow);
        db.Add(v);
        await db.SaveChangesAsync();
        await Read<LadderVersionDto>(await office.PostAsync($"{Api}/ladder/draft?fromMonth=2026-07", null));
        await Read<LadderVersionDto>(await office.PostAsync($"{Api}/ladder/draft/publish", null));
        return app;
    }

    public static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Web)!;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory, BothDatabases]
    public async Task The_ladder_is_versioned_like_the_scheme(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var office = app.ApiAs("province");
        long lastAudit;
        await using (var before = app.Db()) lastAudit = await before.AuditEntries.MaxAsync(a => a.Id);
        var published = Assert.Single(await Read<List<LadderVersionDto>>(await office.GetAsync($"{Api}/ladder/versions")));
        Assert.Equal((1, "2026-07", "published"), (published.Number, published.FromMonth, published.State));
        var json = await (await office.GetAsync($"{Api}/ladder/versions/1/json")).Content.ReadAsStringAsync();
        Assert.Equal(Ladder.Standard.Rules, LadderJson.Read(json).Rules);

        // A published version never changes; a new draft starts from it; a wrong field is named by its path and nothing is saved.
        var draft = await Read<LadderVersionDto>(await office.PostAsync($"{Api}/ladder/draft?fromMonth=2026-08", null));
        Assert.Equal((2, "draft", true), (draft.Number, draft.State, draft.MayEdit));
        var bad = JsonDocument.Parse(json.Replace("\"months\": 2", "\"months\": 0")).RootElement;
        var problem = await Problem(await office.PutAsJsonAsync($"{Api}/ladder/draft", new { fromMonth = "2026-08", ladder = bad, version = draft.Version }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["ladder.rules[1].months"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var three = JsonDocument.Parse(json.Replace("\"months\": 2", "\"months\": 3")).RootElement;
        var edited = await Read<LadderVersionDto>(await office.PutAsJsonAsync($"{Api}/ladder/draft", new { fromMonth = "2026-08", ladder = three, version = draft.Version }));
        Assert.Equal(3, edited.Ladder.GetProperty("rules")[1].GetProperty("months").GetInt32());
        await Problem(await office.PutAsJsonAsync($"{Api}/ladder/draft", new { fromMonth = "2026-08", ladder = three, version = draft.Version }), HttpStatusCode.Conflict);
        await Problem(await office.PostAsync($"{Api}/ladder/draft", null), HttpStatusCode.Conflict);

        // A unit reads the published version only; it changes nothing (403); another campaign's code is 404.
        var chengdu = app.ApiAs("chengdu");
        Assert.Equal([1], (await Read<List<LadderVersionDto>>(await chengdu.GetAsync($"{Api}/ladder/versions"))).Select(v => v.Number));
        await Problem(await chengdu.GetAsync($"{Api}/ladder/versions/2"), HttpStatusCode.NotFound);
        await Problem(await chengdu.PostAsync($"{Api}/ladder/draft/publish", null), HttpStatusCode.Forbidden);
        await Problem(await chengdu.PutAsJsonAsync($"{Api}/ladder/draft", new { fromMonth = "2026-08", ladder = three }), HttpStatusCode.Forbidden);
        await Problem(await office.GetAsync("/api/campaigns/no-such/escalation/ladder/versions"), HttpStatusCode.NotFound);

        var final = await Read<LadderVersionDto>(await office.PostAsync($"{Api}/ladder/draft/publish?version={edited.Version}", null));
        Assert.Equal("published", final.State);
        Assert.Equal(["drafted", "edited", "published"], final.History.Select(h => h.Event));
        await using var db = app.Db();
        // Drafted and edited (version 2 added, then modified twice: edit and publish), each step a change row: all audited.
        Assert.Equal((1, 2, 3), (await db.AuditEntries.CountAsync(a => a.Id > lastAudit && a.Entity == nameof(LadderVersion) && a.Action == "Added"),
            await db.AuditEntries.CountAsync(a => a.Id > lastAudit && a.Entity == nameof(LadderVersion) && a.Action == "Modified"),
            await db.AuditEntries.CountAsync(a => a.Id > lastAudit && a.Entity == nameof(LadderChange) && a.Action == "Added")));
    }

    [Theory, BothDatabases]
    public async Task Publishing_two_months_proposes_from_the_lists_and_the_office_decides(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var office = app.ApiAs("province");
        app.Clock.SetLocal(2026, 8, 2, 10, 0);
        await Read<PublicationDto>(await office.PostAsync($"/api/campaigns/{Code}/evaluation/2026-07/publish", null), HttpStatusCode.Created);
        app.Clock.SetLocal(2026, 8, 20, 10, 0);
        var incident = await office.PostAsJsonAsync($"/api/campaigns/{Code}/evaluation/incidents",
            new { unit = "510104", date = new DateOnly(2026, 8, 19), kind = "群体性事件", major = true, description = "聚集堵路" });
        Assert.Equal(HttpStatusCode.Created, incident.StatusCode);
        app.Clock.SetLocal(2026, 9, 2, 10, 0);
        await Read<PublicationDto>(await office.PostAsync($"/api/campaigns/{Code}/evaluation/2026-08/publish", null), HttpStatusCode.Created);

        // What the rules should have proposed, worked out from the two publications' lists.
        var july = (await Read<PublicationDto>(await office.GetAsync($"/api/campaigns/{Code}/evaluation/2026-07/publication"))).Ranking.Where(r => r.List == "black").Select(r => r.Unit).ToHashSet();
        var august = (await Read<PublicationDto>(await office.GetAsync($"/api/campaigns/{Code}/evaluation/2026-08/publication"))).Ranking.Where(r => r.List == "black").Select(r => r.Unit).ToList();
        Assert.Contains("510100", august); // the major incident in Jinjiang blacklists Chengdu
        var expected = july.Select(u => (u, "criticism", "2026-07"))
            .Concat(august.Select(u => (u, "criticism", "2026-08")))
            .Concat(august.Where(july.Contains).Select(u => (u, "interview", "2026-08")))
            .Append(("510104", "accountability", "2026-08"))
            .Order().ToList();
        Assert.True(august.Any(july.Contains), "the constructed months black-list some unit twice");
        var proposals = await Read<List<ProposalDto>>(await office.GetAsync($"{Api}/proposals"));
        Assert.Equal(expected, proposals.Select(p => (p.Unit, p.Rung, p.Month)).Order().ToList());
        Assert.All(proposals, p => Assert.Equal("open", p.State));
        var twice = proposals.First(p => p.Rung == "interview");
        Assert.Equal(["2026-07", "2026-08"], twice.Reasons.Select(r => r.SourceId));
        var accountability = proposals.Single(p => p.Rung == "accountability");
        Assert.Equal("incident", Assert.Single(accountability.Reasons).SourceType);

        // Scope: Chengdu and Jinjiang see Jinjiang's case proposal; Mianyang and the line coordinator do not; no unit may decide.
        Assert.Equal([accountability.Id], (await Read<List<ProposalDto>>(await app.ApiAs("jinjiang").GetAsync($"{Api}/proposals"))).Select(p => p.Id));
        var chengdu = app.ApiAs("chengdu");
        Assert.Contains(accountability.Id, (await Read<List<ProposalDto>>(await chengdu.GetAsync($"{Api}/proposals"))).Select(p => p.Id));
        await Problem(await app.ApiAs("mianyang").GetAsync($"{Api}/proposals/{accountability.Id}"), HttpStatusCode.NotFound);
        await Problem(await app.ApiAs("xingzhen").GetAsync($"{Api}/proposals/{accountability.Id}"), HttpStatusCode.NotFound);
        await Problem(await chengdu.PostAsJsonAsync($"{Api}/proposals/{accountability.Id}/confirm", new { reason = "同意" }), HttpStatusCode.Forbidden);
        await Problem(await chengdu.PostAsync($"{Api}/evaluate", null), HttpStatusCode.Forbidden);

        // Waive needs a reason; once decided, a proposal is final; a waived one is not proposed again that month.
        var problem = await Problem(await office.PostAsJsonAsync($"{Api}/proposals/{twice.Id}/waive", new { reason = " " }), HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        var waived = await Read<ProposalDto>(await office.PostAsJsonAsync($"{Api}/proposals/{twice.Id}/waive", new { reason = "该单位8月已专题汇报，暂不约谈", version = twice.Version }));
        Assert.Equal(("waived", "该单位8月已专题汇报，暂不约谈", "province"), (waived.State, waived.Decision, waived.DecidedBy));
        Assert.Equal(["proposed", "waived"], waived.History.Select(h => h.Event));
        await Problem(await office.PostAsJsonAsync($"{Api}/proposals/{twice.Id}/confirm", new { reason = "" }), HttpStatusCode.Conflict);
        var criticism = proposals.First(p => p.Rung == "criticism" && p.Month == "2026-08");
        await Read<ProposalDto>(await office.PostAsJsonAsync($"{Api}/proposals/{criticism.Id}/confirm", new { reason = (string?)null }));
        var run = await Read<LadderRunDto>(await office.PostAsync($"{Api}/evaluate", null));
        Assert.Equal(("2026-08", 1), (run.Month, run.LadderVersion));
        Assert.Empty(run.Proposed);

        // The notice's query: the month's confirmed criticisms only.
        var criticisms = await Read<List<CriticismDto>>(await office.GetAsync($"{Api}/criticisms/2026-08"));
        Assert.Equal([criticism.Unit], criticisms.Select(c => c.Unit));
        await Problem(await chengdu.GetAsync($"{Api}/criticisms/2026-08"), HttpStatusCode.Forbidden);
        await using var db = app.Db();
        var keys = proposals.Select(p => p.Id.ToString()).ToList();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Entity == nameof(EscalationProposal) && keys.Contains(a.EntityKey) && a.Action == "Modified"));
    }
}
