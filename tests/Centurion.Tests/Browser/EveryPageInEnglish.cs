using System.Reflection;
using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Ledgers.SpotChecks;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Features.Ledgers.NightOperations;
using Centurion.Features.Ledgers.Visits;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Supervision.Teams;
using Centurion.Infrastructure;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using RouteAttribute = Microsoft.AspNetCore.Components.RouteAttribute;

namespace Centurion.Tests.Browser;

/// <summary>
/// Every page of the app, as a campaign office user who chose English sees it in Chromium, has no Chinese in its visible text
/// except names that come from the data (units, campaigns, leaders, responsible people, key places) and what users typed (correction and return
/// reasons, ledger notes), and on the audit page the field values its rows stored.
/// The pages are the app's own routes, so a page added later is checked too.
/// </summary>
public partial class EveryPageInEnglish(Support.Browser browser) : IClassFixture<Support.Browser>
{
    /// <summary>Routes with data worth seeing besides each route's plain form.</summary>
    private static readonly string[] Variants =
    [
        "/campaigns/summer-2022/dashboard?to=2022-07-20",
        "/campaigns/summer-2022/dashboard?to=2022-07-20&unit=510100&indicator=criminal-cases-filed",
        "/campaigns/summer-2022/dashboard?to=2022-07-20&unit=510104",
        "/campaigns/summer-2022/bulletin?asOf=2022-07-20",
        "/campaigns/summer-2022/completeness?unit=510100&from=2022-06-25&to=2022-07-20",
        "/units/510000",
        "/campaigns/no-such-campaign",
        "/ledgers/visits/999999999",
        "/audit?entity=Report",
        "/audit?entity=KeyPlace",
        "/audit?entity=Dispute",
        "/supervision/items?overdue=true",
        "/campaigns/summer-2022/evaluation/2022-08?whatif=1",
        "/campaigns/summer-2022/evaluation/2022-08?within=510100",
        "/campaigns/summer-2022/evaluation/2022-08/units/510100",
        "/campaigns/summer-2022/evaluation/August",
        "/campaigns/summer-2022/evaluation/2022-07/publication",
        "/campaigns/summer-2022/evaluation/2022-09/publication",
        "/campaigns/summer-2022/evaluation/appeals?state=upheld",
        "/campaigns/summer-2022/evaluation/incidents?type=incident",
    ];

    [Fact]
    public async Task No_page_shows_chinese_in_english_except_names_and_words_from_the_data()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        var allowed = await AllowedAsync(app);
        var audited = await AuditedAsync(app, allowed);
        var ids = await LedgerIdsAsync(app);
        var urls = Routes().Select(r => Fill(r, ids)).Concat(Variants).Append(await CorrectedReportAsync(app)).Concat(await PlannedAsync(app)).Distinct().ToList();
        var page = await browser.OpenAsync(app);
        page.Context.SetDefaultNavigationTimeout(120_000); // the whole campaign's dashboard takes a while on a busy machine
        await Support.Browser.SignInAsync(page, "province");
        await page.ClickAsync("#lang-switch");
        await page.WaitForSelectorAsync("html[lang=en]");

        var problems = new List<string>();
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            if (response is null || response.Status >= 500) { problems.Add($"{url}: {response?.Status}"); continue; }
            var text = await page.EvaluateAsync<string>(VisibleText);
            foreach (var name in url.StartsWith("/audit") ? audited : allowed) text = text.Replace(name, " ");
            foreach (Match m in Han().Matches(text)) problems.Add($"{url}: Chinese “{Around(text, m)}”");
            foreach (Match m in AsciiMinus().Matches(text)) problems.Add($"{url}: ASCII minus “{Around(text, m)}”");
        }
        Assert.True(urls.Count >= 20, string.Join("\n", urls));
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    /// <summary>What a reader sees: the title, the rendered text, and tooltips and placeholders; text marked as Chinese on purpose is left out.</summary>
    private const string VisibleText = """
        () => {
            document.querySelectorAll('[lang^="zh"]').forEach(e => e.remove());
            const attributes = [...document.querySelectorAll('[title],[placeholder],[aria-label]')]
                .flatMap(e => ['title', 'placeholder', 'aria-label'].map(a => e.getAttribute(a) ?? ''));
            const titles = [...document.querySelectorAll('svg title')].map(t => t.textContent);
            return [document.title, document.body.innerText, ...attributes, ...titles].join('\n');
        }
        """;

    private static IEnumerable<string> Routes() =>
        typeof(Program).Assembly.GetTypes().SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template);

    /// <summary>A route with its parameters filled from the demo; a parameter not known here fails the test, so it gets a value.</summary>
    private static string Fill(string template, IReadOnlyDictionary<string, long> ids)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var name = segments[i].Trim('{', '}', '?').Split(':')[0];
            segments[i] = (segments[i - 1], name) switch
            {
                ("campaigns", "Code") => "summer-2022",
                ("units", "Code") => "510104",
                (_, "UnitCode") => "510104",
                (_, "Date") => "2022-07-01",
                ("spot-checks", "Campaign") => "summer-2022",
                ("evaluation", "Month") => "2022-08",
                ("units", "Unit") => "510700",
                (var ledger, "Id") when ids.ContainsKey(ledger) => ids[ledger].ToString(),
                _ => throw new Xunit.Sdk.XunitException($"The route {template} has a parameter {{{name}}} this test has no value for: add one, so the page is checked."),
            };
        }
        return string.Join('/', segments);
    }

    /// <summary>The first demo row of each ledger, by the route segment that names it.</summary>
    private static async Task<Dictionary<string, long>> LedgerIdsAsync(TestApp app)
    {
        await using var db = app.Db();
        return new()
        {
            ["key-places"] = await db.Set<KeyPlace>().MinAsync(k => k.Id),
            ["visits"] = await db.Set<PatrolVisit>().MinAsync(v => v.Id),
            ["night-operations"] = await db.Set<NightOperation>().MinAsync(n => n.Id),
            ["disputes"] = await db.Set<Dispute>().MinAsync(d => d.Id),
            ["hazards"] = await db.Set<Hazard>().MinAsync(h => h.Id),
            ["trouble-spots"] = await db.Set<TroubleSpot>().MinAsync(t => t.Id),
            ["draws"] = await db.Set<SpotCheckDraw>().MinAsync(d => d.Id),
            ["plans"] = await db.Set<InspectionPlan>().MinAsync(p => p.Id),
            ["findings"] = await db.Set<Finding>().MinAsync(f => f.Id),
            ["items"] = await db.Set<RectificationItem>().MinAsync(i => i.Id),
            ["listings"] = await db.Set<Centurion.Features.Supervision.Listing.Listing>().MinAsync(l => l.Id),
            ["tasks"] = await db.CampaignTasks.Where(t => t.ReturnReason != null).MinAsync(t => t.Id),
            ["appeals"] = await db.Set<Centurion.Features.Evaluation.Publication.EvaluationAppeal>().MaxAsync(a => a.Id), // the upheld one, with its correction
            ["incidents"] = await db.Set<Centurion.Features.Evaluation.Incidents.RegisterEntry>().Where(e => e.WithdrawnUtc != null).MinAsync(e => e.Id),
        };
    }

    /// <summary>The inspector's plan not yet carried out (the first plan is): its page and the carry-out form with its checklist.</summary>
    private static async Task<string[]> PlannedAsync(TestApp app)
    {
        await using var db = app.Db();
        var id = await db.Set<InspectionPlan>().Where(p => p.State == PlanState.Planned).MinAsync(p => p.Id);
        return [$"/supervision/plans/{id}", $"/supervision/plans/{id}/carry-out"];
    }

    /// <summary>A county report that was corrected after approval: its page shows the revisions and the reason typed.</summary>
    private static async Task<string> CorrectedReportAsync(TestApp app)
    {
        await using var db = app.Db();
        var r = await db.Reports.Where(r => r.Revisions.Count > 1).OrderBy(r => r.Id).Select(r => new { r.Unit!.Code, r.PeriodStart }).FirstAsync();
        return $"/campaigns/summer-2022/reports/{r.Code}/{r.PeriodStart:yyyy-MM-dd}";
    }

    /// <summary>Proper names from the data, and what users typed, longest first so a longer name goes before a name inside it.</summary>
    private static async Task<List<string>> AllowedAsync(TestApp app)
    {
        await using var db = app.Db();
        var names = new List<string>();
        names.AddRange(await db.Units.Select(u => u.NameZh).ToListAsync());
        names.AddRange(await db.Campaigns.Select(c => c.NameZh).ToListAsync());
        names.AddRange(await db.LeaderLinks.Select(l => l.LeaderName).ToListAsync());
        names.AddRange(await db.LeaderLinks.Where(l => l.LeaderTitle != "").Select(l => l.LeaderTitle).ToListAsync()); // as typed by the office, shown by the responsibility list
        names.AddRange(await db.CampaignTasks.Select(t => t.ResponsibleName).ToListAsync());
        names.AddRange(await db.CampaignTasks.Where(t => t.ReturnReason != null).Select(t => t.ReturnReason!).ToListAsync());
        names.AddRange(await db.Set<TaskChange>().Where(c => c.Note != null).Select(c => c.Note!).ToListAsync());
        names.AddRange(await db.ReportRevisions.Where(r => r.Reason != null).Select(r => r.Reason!).Distinct().ToListAsync());
        names.AddRange(await db.ReportRevisions.Where(r => r.ReturnReason != null).Select(r => r.ReturnReason!).Distinct().ToListAsync());
        foreach (var p in await db.Set<KeyPlace>().Select(p => new[] { p.Name, p.Address, p.OpeningHours }).ToListAsync()) names.AddRange(p);
        names.AddRange(await db.Set<PatrolVisit>().Select(v => v.Findings).ToListAsync());
        names.AddRange(await db.Set<PatrolVisit>().Where(v => v.Area != null).Select(v => v.Area!).ToListAsync());
        names.AddRange(await db.Set<NightOperation>().Select(n => n.Notes).ToListAsync());
        foreach (var d in await db.Set<Dispute>().Select(d => new[] { d.Parties, d.Place, d.Summary ?? "", d.EscalatedToName ?? "" }).ToListAsync()) names.AddRange(d);
        foreach (var h in await db.Set<Hazard>().Select(h => new[] { h.Description, h.Place, h.AssignedTo ?? "" }).ToListAsync()) names.AddRange(h);
        foreach (var t in await db.Set<TroubleSpot>().Select(t => new[] { t.Name, t.Reason, t.Leader, t.Evidence ?? "" }).ToListAsync()) names.AddRange(t);
        names.AddRange(await db.Set<SpotCheck>().Where(c => c.Notes != null).Select(c => c.Notes!).ToListAsync());
        names.AddRange(await db.Set<SpotCheckDraw>().Where(d => d.Reason != null).Select(d => d.Reason!).ToListAsync());
        names.AddRange(await db.Set<DisputeChange>().Where(c => c.Reason != null).Select(c => c.Reason!).ToListAsync());
        names.AddRange(await db.Set<HazardChange>().Where(c => c.Reason != null).Select(c => c.Reason!).ToListAsync());
        names.AddRange(await db.Set<TroubleSpotChange>().Where(c => c.Reason != null).Select(c => c.Reason!).ToListAsync());
        names.AddRange(await db.Set<SupervisionTeam>().Select(t => t.Name).ToListAsync());
        foreach (var p in await db.Set<InspectionPlan>().Select(p => new[] { p.Focus, p.Checklist, p.CancelReason ?? "" }).ToListAsync()) names.AddRange(p.SelectMany(t => t.Split('\n')));
        names.AddRange(await db.Set<Inspection>().Select(i => i.Went).ToListAsync());
        names.AddRange(await db.Set<ChecklistAnswer>().Where(a => a.Note != null).Select(a => a.Note!).ToListAsync());
        foreach (var f in await db.Set<Finding>().Select(f => new[] { f.What, f.Where, f.EvidenceNote ?? "" }).ToListAsync()) names.AddRange(f);
        foreach (var i in await db.Set<RectificationItem>().Select(i => new[] { i.ResponsiblePerson, i.Measure, i.EvidenceNote ?? "", i.ReturnReason ?? "" }).ToListAsync()) names.AddRange(i);
        names.AddRange(await db.Set<ItemChange>().Where(c => c.Reason != null).Select(c => c.Reason!).ToListAsync());
        names.AddRange(await db.Set<PlanChange>().Where(c => c.Reason != null).Select(c => c.Reason!).ToListAsync());
        foreach (var l in await db.Set<Centurion.Features.Supervision.Listing.Listing>().Select(l => new[] { l.Place ?? "", l.Problem ?? "", l.Reason, l.Conclusion ?? "" }).ToListAsync()) names.AddRange(l);
        names.AddRange(await db.Set<Centurion.Features.Supervision.Listing.ListingChange>().Select(c => c.Text).ToListAsync());
        names.AddRange(await db.Set<Centurion.Infrastructure.Evidence.EvidenceFile>().Select(f => f.FileName).ToListAsync());
        names.AddRange(await db.Set<Centurion.Features.Evaluation.Publication.EvaluationPublishedPoint>().Where(p => p.SourceLabel != null).Select(p => p.SourceLabel!).Distinct().ToListAsync());
        names.AddRange(await db.Set<Centurion.Features.Evaluation.Publication.EvaluationAppealChange>().Select(c => c.Text).ToListAsync());
        names.AddRange(await db.Set<Centurion.Features.Evaluation.Publication.EvaluationCorrection>().Select(c => c.Reason).ToListAsync());
        foreach (var e in await db.Set<Centurion.Features.Evaluation.Incidents.RegisterEntry>().Select(e => new[] { e.Kind ?? "", e.Description, e.AwardedBy ?? "", e.WithdrawReason ?? "" }).ToListAsync()) names.AddRange(e);
        return [.. names.Where(n => n.Length > 0).Distinct().OrderByDescending(n => n.Length)];
    }

    /// <summary>
    /// The audit page shows each field as it was stored, in the language it was typed (a leader's post, 副厅长), so there the values
    /// the audit rows hold are data too; elsewhere the same word must be shown in English.
    /// </summary>
    private static async Task<List<string>> AuditedAsync(TestApp app, List<string> allowed)
    {
        await using var db = app.Db();
        var rows = await db.AuditEntries.Select(a => new { a.Before, a.After }).ToListAsync();
        var values = rows.SelectMany(r => AuditChanges.Fields(r.Before, r.After)).SelectMany(f => new[] { f.Before, f.After })
            .OfType<string>().Where(v => Han().IsMatch(v));
        return [.. allowed.Concat(values).Distinct().OrderByDescending(n => n.Length)];
    }

    private static string Around(string text, Match m) =>
        text.Substring(Math.Max(0, m.Index - 30), Math.Min(text.Length, m.Index + m.Length + 30) - Math.Max(0, m.Index - 30)).ReplaceLineEndings(" ");

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex Han();

    [GeneratedRegex(@"(?<![\w-])-\d+(\.\d+)?\s?%")]
    private static partial Regex AsciiMinus();
}
