using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Evaluation;
using Centurion.Features.Evaluation.Publication;
using Centurion.Features.Evaluation.Schemes;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Infrastructure;
using Centurion.Tests.Reporting;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Evaluation;

/// <summary>Publishing freezes a month; later figures show as differences; appeals within the period; corrections beside the month.</summary>
public class PublicationTests
{
    private static readonly Scheme Small = new(100, [new("police-deployments", IndicatorMethod.Rank, 10, 10)],
        [new(FactKind.LateReport, 0.5m, 5), new(FactKind.MissingReport, 1, 10)], [], new ListRules(RedTop: 2, BlackBottom: 2), PublishRanking: true, AppealDays: 3);

    private const string Api = $"/api/campaigns/{TestCampaign.Code}/evaluation";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>test-2026 (July 2026) with a published scheme of its own and two of Jinjiang's reports filed: one on time, one late.</summary>
    private static async Task<TestApp> StartAsync(DatabaseProvider provider)
    {
        var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 1, 20, 0);
        await TestCampaign.CreateAsync(app);
        await TestCampaign.FileAsync(app, "jinjiang", "510104", new DateOnly(2026, 7, 1), 100);
        await using var db = app.Db();
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == TestCampaign.Code);
        var v = ScoringSchemeVersion.Draft(campaign, 1, new DateOnly(2026, 7, 1), Small, "province", app.Clock.UtcNow);
        v.Publish([], "province", app.Clock.UtcNow);
        db.Add(v);
        await db.SaveChangesAsync();
        return app;
    }

    private static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Web)!;
    }

    private static async Task<(EvaluationPublication Publication, List<string> Rows)> StoredAsync(TestApp app)
    {
        await using var db = app.Db();
        var p = await db.Set<EvaluationPublication>().Include(x => x.Scores).ThenInclude(s => s.Points).AsSplitQuery().SingleAsync(x => x.Month == "2026-07");
        var rows = p.Scores.OrderBy(s => s.UnitCode).SelectMany(s => new[] { $"{s.Id}|{s.UnitCode}|{s.NameZh}|{s.Score}|{s.Rank}|{s.List}|{s.ListReason}" }
            .Concat(s.Points.OrderBy(r => r.Order).Select(r => $"{r.Id}|{r.ScoreId}|{r.Order}|{r.Rule}|{r.SourceType}|{r.SourceId}|{r.SourceLabel}|{r.Value}|{r.Points}"))).ToList();
        return (p, rows);
    }

    [Theory, BothDatabases]
    public async Task Publishing_stores_exactly_what_was_computed_once_and_a_later_figure_shows_as_a_difference_never_as_a_change(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var office = app.ApiAs("province");

        // Not before the month is over; not by a unit.
        app.Clock.SetLocal(2026, 7, 31, 18, 0);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsync($"{Api}/2026-07/publish", null)).StatusCode);
        app.Clock.SetLocal(2026, 8, 3, 10, 0);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("chengdu").PostAsync($"{Api}/2026-07/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"{Api}/2026-07/publication")).StatusCode);

        var published = await Read<PublicationDto>(await office.PostAsync($"{Api}/2026-07/publish", null), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsync($"{Api}/2026-07/publish", null)).StatusCode);
        Assert.Equal((1, "province", new DateOnly(2026, 8, 6)), (published.SchemeVersion, published.PublishedBy, published.AppealUntil));

        var (before, rowsBefore) = await StoredAsync(app);
        // The hash is the snapshot's SHA-256, and the snapshot is the rows written out again, byte for byte.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(before.Snapshot))), before.SnapshotSha256);
        Assert.Equal(before.Snapshot, PublicationSnapshot.Write(TestCampaign.Code, before, before.Scores));
        // Every unit's rows add up to its score, and the rows are what the month scores at the publication's instant.
        Assert.All(before.Scores, s => Assert.Equal(s.Score, s.Points.Sum(p => p.Points)));
        await using (var db = app.Db())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Code == TestCampaign.Code);
            var computed = await Evaluations.ComputeAsync(db, campaign, EvaluationMonths.Find(campaign, "2026-07")!, before.AsOfUtc, withDraft: false);
            Assert.Equal(computed.Published!.Scores.Select(s => (s.Unit, s.Score, s.Rank, Publications.ListCode(s.List))).OrderBy(x => x.Unit),
                before.Scores.Select(s => (s.UnitCode, s.Score, s.Rank, s.List)).OrderBy(x => x.UnitCode));
            Assert.Equal(computed.Published.Scores.Single(s => s.Unit == "510100").Points.Select(p => (p.Rule, p.Source?.Id, p.Points)),
                before.Scores.Single(s => s.UnitCode == "510100").Points.OrderBy(p => p.Order).Select(p => (p.Rule, p.SourceId, p.Points)));
        }
        // By hand: Jinjiang filed 1 July on time, nothing else in Chengdu was filed, so Chengdu has 10 one-point missing-report
        // deductions (the cap) and 0-point rows after; its deployments (100) rank it first of the prefectures: 10 points.
        var chengdu = before.Scores.Single(s => s.UnitCode == "510100");
        Assert.Equal(100m + 10m - 10m, chengdu.Score);
        Assert.Equal(10, chengdu.Points.Count(p => p.Rule == "missing-report" && p.Points == -1));

        // A later figure: Jinjiang files 2 July's report (late) and a big 3 July. Recomputed, Chengdu differs; the snapshot does not.
        app.Clock.SetLocal(2026, 8, 4, 9, 0);
        await TestCampaign.FileAsync(app, "jinjiang", "510104", new DateOnly(2026, 7, 2), 50);
        var diff = await Read<DifferencesDto>(await office.GetAsync($"{Api}/2026-07/publication/differences"));
        var d = diff.Units.Single(u => u.Unit == "510100");
        // Its missing reports are still more than the cap (10 points), and the late report costs 0.5 more.
        Assert.Equal((100m, 99.5m, true), (d.PublishedScore, d.NowScore!.Value, d.Changed));
        Assert.Equal(diff.Units.Count(u => u.Changed), diff.Changed);

        var (after, rowsAfter) = await StoredAsync(app);
        Assert.Equal(before.SnapshotSha256, after.SnapshotSha256);
        Assert.Equal(before.Snapshot, after.Snapshot);
        Assert.Equal(rowsBefore, rowsAfter);
        var page = await TestApp.PageAsync(office, $"/campaigns/{TestCampaign.Code}/evaluation/2026-07/publication");
        Assert.Contains("id=\"differences\"", page);
        Assert.Contains("99.5", page);
    }

    [Theory, BothDatabases]
    public async Task A_frozen_row_cannot_be_changed_or_deleted_through_the_context(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        app.Clock.SetLocal(2026, 8, 3, 10, 0);
        await Read<PublicationDto>(await app.ApiAs("province").PostAsync($"{Api}/2026-07/publish", null), HttpStatusCode.Created);

        await using (var db = app.Db())
        {
            var score = await db.Set<EvaluationPublishedScore>().FirstAsync();
            db.Entry(score).Property(s => s.Score).CurrentValue = 1000m;
            Assert.Throws<FrozenRowException>(() => db.SaveChangesAsync().GetAwaiter().GetResult());
        }
        await using (var db = app.Db())
        {
            db.Remove(await db.Set<EvaluationPublishedPoint>().FirstAsync());
            await Assert.ThrowsAsync<FrozenRowException>(() => db.SaveChangesAsync());
        }
        await using (var db = app.Db())
        {
            var p = await db.Set<EvaluationPublication>().FirstAsync();
            db.Entry(p).Property(x => x.Snapshot).CurrentValue = "{}";
            await Assert.ThrowsAsync<FrozenRowException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            var audit = await db.AuditEntries.FirstAsync();
            audit.Actor = "someone else";
            await Assert.ThrowsAsync<FrozenRowException>(() => db.SaveChangesAsync());
        }
        await using (var db = app.Db())
        {
            var p = await db.Set<EvaluationPublication>().FirstAsync();
            Assert.Equal(PublicationSnapshot.Sha256(p.Snapshot), p.SnapshotSha256);
            Assert.DoesNotContain(1000m, await db.Set<EvaluationPublishedScore>().Select(s => s.Score).ToListAsync());
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(EvaluationPublication) && a.Actor == "province"));
        }
    }

    [Theory, BothDatabases]
    public async Task A_unit_appeals_a_deduction_until_the_last_day_and_the_office_decides_once(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var office = app.ApiAs("province");
        var chengdu = app.ApiAs("chengdu");
        app.Clock.SetLocal(2026, 8, 3, 10, 0); // appeals until 3 + 3 = 6 August
        await Read<PublicationDto>(await office.PostAsync($"{Api}/2026-07/publish", null), HttpStatusCode.Created);
        var unit = await Read<PublishedUnitDto>(await chengdu.GetAsync($"{Api}/2026-07/publication/units/510100"));
        Assert.True(unit.MayAppeal);
        var deductions = unit.Points.Where(p => p.Points < 0).ToList();
        var bonus = unit.Points.First(p => p.Points > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync($"{Api}/2026-07/publication/units/510100")).StatusCode);

        HttpContent Form(long point, string reason, string unitCode = "510100") => new MultipartFormDataContent
        {
            { new StringContent("2026-07"), "month" }, { new StringContent(unitCode), "unit" }, { new StringContent(point.ToString()), "point" }, { new StringContent(reason), "reason" },
        };
        app.Clock.SetLocal(2026, 8, 6, 23, 59);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await chengdu.PostAsync($"{Api}/appeals", Form(deductions[0].Id, " "))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await chengdu.PostAsync($"{Api}/appeals", Form(bonus.Id, "基础分有误"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync($"{Api}/appeals", Form(deductions[0].Id, "专班代为申诉"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").PostAsync($"{Api}/appeals", Form(deductions[0].Id, "替成都申诉"))).StatusCode);
        var appeal = await Read<AppealDto>(await chengdu.PostAsync($"{Api}/appeals", Form(deductions[0].Id, "该日报表系统故障，已电话报告")), HttpStatusCode.Created);
        Assert.Equal(("open", "chengdu", -1m), (appeal.State, appeal.LodgedBy, appeal.Point.Points));
        Assert.Equal(HttpStatusCode.Conflict, (await chengdu.PostAsync($"{Api}/appeals", Form(deductions[0].Id, "再次申诉"))).StatusCode);

        app.Clock.SetLocal(2026, 8, 7, 0, 0);
        var late = await chengdu.PostAsync($"{Api}/appeals", Form(deductions[1].Id, "逾期申诉"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("2026-08-06", await late.Content.ReadAsStringAsync());

        // Scope: the unit sees its own; another unit nothing; the office all.
        Assert.Single(await Read<List<AppealRowDto>>(await chengdu.GetAsync($"{Api}/appeals")));
        Assert.Empty(await Read<List<AppealRowDto>>(await app.ApiAs("mianyang").GetAsync($"{Api}/appeals")));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync($"{Api}/appeals/{appeal.Id}")).StatusCode);
        Assert.Single(await Read<List<AppealRowDto>>(await office.GetAsync($"{Api}/appeals?state=open")));
        Assert.Empty(await Read<List<AppealRowDto>>(await office.GetAsync($"{Api}/appeals?state=upheld")));

        // The office decides, once; an upheld appeal is a dated correction beside the month, and the snapshot stays.
        var (before, rowsBefore) = await StoredAsync(app);
        Assert.Equal(HttpStatusCode.Forbidden, (await chengdu.PostAsJsonAsync($"{Api}/appeals/{appeal.Id}/uphold", new { reason = "自己采纳" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await office.PostAsJsonAsync($"{Api}/appeals/{appeal.Id}/uphold", new { reason = "" })).StatusCode);
        app.Clock.SetLocal(2026, 8, 8, 10, 0);
        var upheld = await Read<AppealDto>(await office.PostAsJsonAsync($"{Api}/appeals/{appeal.Id}/uphold", new { reason = "系统故障属实", version = appeal.Version }));
        Assert.Equal(("upheld", 1m, 100m + 1m), (upheld.State, upheld.Correction!.PointsRestored, upheld.Correction.CorrectedScore));
        Assert.Equal(["lodged", "upheld"], upheld.History.Select(h => h.Event));
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"{Api}/appeals/{appeal.Id}/dismiss", new { reason = "改为驳回" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"{Api}/appeals/{appeal.Id}/uphold", new { reason = "再次采纳" })).StatusCode);

        var corrections = await Read<List<CorrectionDto>>(await chengdu.GetAsync($"{Api}/2026-07/corrections"));
        Assert.Equal([(appeal.Id, "510100", 101m)], corrections.Select(c => (c.Appeal, c.Unit, c.CorrectedScore)));
        Assert.Equal(new DateTime(2026, 8, 8, 2, 0, 0, DateTimeKind.Utc), corrections[0].AtUtc);
        var publication = await Read<PublicationDto>(await chengdu.GetAsync($"{Api}/2026-07/publication"));
        var row = publication.Ranking.Single(r => r.Unit == "510100");
        Assert.Equal((100m, 101m), (row.Score, row.CorrectedScore!.Value));
        var (after, rowsAfter) = await StoredAsync(app);
        Assert.Equal(before.SnapshotSha256, after.SnapshotSha256);
        Assert.Equal(rowsBefore, rowsAfter);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(EvaluationCorrection) && a.Actor == "province"));
    }

    [Theory, BothDatabases]
    public async Task An_appeal_its_page_and_its_evidence_are_not_found_for_another_unit(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        app.Clock.SetLocal(2026, 8, 3, 10, 0);
        await Read<PublicationDto>(await app.ApiAs("province").PostAsync($"{Api}/2026-07/publish", null), HttpStatusCode.Created);
        var chengdu = app.ApiAs("chengdu");
        var unit = await Read<PublishedUnitDto>(await chengdu.GetAsync($"{Api}/2026-07/publication/units/510100"));
        var pdf = Centurion.Tests.Evidence.EvidenceSamples.Pdf();
        var form = new MultipartFormDataContent
        {
            { new StringContent("2026-07"), "month" }, { new StringContent("510100"), "unit" },
            { new StringContent(unit.Points.First(p => p.Points < 0).Id.ToString()), "point" }, { new StringContent("附故障报修单"), "reason" },
            { new ByteArrayContent(pdf), "evidence", "报修单.pdf" },
        };
        var appeal = await Read<AppealDto>(await chengdu.PostAsync($"{Api}/appeals", form), HttpStatusCode.Created);
        var file = Assert.Single(appeal.Evidence);
        string[] urls = [$"{Api}/appeals/{appeal.Id}", $"{Api}/appeals/{appeal.Id}/evidence/{file.Id}", file.Download,
            $"/campaigns/{TestCampaign.Code}/evaluation/appeals/{appeal.Id}"];

        // The unit and the office get each; Mianyang, a peer, "not found" for each.
        foreach (var user in new[] { "chengdu", "province" })
            foreach (var url in urls)
            {
                var r = await app.ApiAs(user).GetAsync(url);
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{user} {url}: {(int)r.StatusCode}");
                if (url.Contains("/evidence/")) Assert.Equal(pdf, await r.Content.ReadAsByteArrayAsync());
            }
        foreach (var url in urls)
            Assert.True((await app.ApiAs("mianyang").GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"mianyang {url}");
        // Nor does another unit find it in the lists: the API's and the page's.
        Assert.Empty(await Read<List<AppealRowDto>>(await app.ApiAs("mianyang").GetAsync($"{Api}/appeals")));
        Assert.DoesNotContain($"/appeals/{appeal.Id}\"", await TestApp.PageAsync(app.ApiAs("mianyang"), $"/campaigns/{TestCampaign.Code}/evaluation/appeals"));
        Assert.Contains($"/appeals/{appeal.Id}\"", await TestApp.PageAsync(app.ApiAs("province"), $"/campaigns/{TestCampaign.Code}/evaluation/appeals"));
        // A file of another appeal's id is not found through this one.
        Assert.Equal(HttpStatusCode.NotFound, (await chengdu.GetAsync($"{Api}/appeals/{appeal.Id}/evidence/{file.Id + 1000}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_demo_has_july_and_august_published_as_of_then_with_one_appeal_dismissed_and_one_upheld(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var publications = await db.Set<EvaluationPublication>().OrderBy(p => p.Month).ToListAsync();
        Assert.Equal(["2022-07", "2022-08"], publications.Select(p => p.Month));
        Assert.Equal([new DateTime(2022, 8, 2, 2, 0, 0, DateTimeKind.Utc), new DateTime(2022, 9, 2, 2, 0, 0, DateTimeKind.Utc)], publications.Select(p => p.AsOfUtc));
        var appeals = await db.Set<EvaluationAppeal>().Include(a => a.Point).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([("510100", AppealState.Dismissed, "late-report"), ("510700", AppealState.Upheld, "overdue-item")],
            appeals.Select(a => (a.UnitCode, a.State, a.Point!.Rule)));
        var correction = await db.Set<EvaluationCorrection>().SingleAsync();
        var mianyang = await db.Set<EvaluationPublishedScore>().SingleAsync(s => s.PublicationId == publications[1].Id && s.UnitCode == "510700");
        Assert.Equal(mianyang.Score + 2, correction.CorrectedScore);

        var page = await TestApp.PageAsync(app.ApiAs("mianyang"), "/campaigns/summer-2022/evaluation/2022-08/publication/units/510700");
        Assert.Contains("id=\"points\"", page);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync("/campaigns/summer-2022/evaluation/2022-08/publication/units/510100")).StatusCode);
        var office = await TestApp.PageAsync(app.ApiAs("province"), "/campaigns/summer-2022/evaluation/2022-08/publication");
        Assert.Contains("id=\"corrections\"", office);
    }

    [Theory, BothDatabases]
    public async Task The_office_publishes_september_from_the_page_after_seeing_what_it_will_publish(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (client, _) = await app.SignInAsync("province");
        const string url = "/campaigns/summer-2022/evaluation/2022-09/publication";
        var page = await TestApp.PageAsync(client, url);
        Assert.Contains("id=\"preview-top\"", page);
        var posted = await TestApp.PostFormAsync(client, url, "publish", []);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("id=\"ranking\"", html);
        await using var db = app.Db();
        Assert.True(await db.Set<EvaluationPublication>().AnyAsync(p => p.Month == "2022-09"));
        var (chengdu, _) = await app.SignInAsync("chengdu");
        Assert.DoesNotContain("id=\"publish-form\"", await TestApp.PageAsync(chengdu, "/campaigns/summer-2022/evaluation/2022-07/publication"));
    }
}
