using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Campaigns;

public sealed record NewPhase(string NameZh, string? NameEn, DateOnly StartDate, DateOnly EndDate);
public sealed record NewTask(string TitleZh, string? TitleEn, string? OwnerLine, DateOnly Deadline,
    string? ResponsibleUnit = null, string? ResponsibleUser = null, string? ResponsibleName = null, string? ResponsibleTitle = null);
public sealed record NewLeaderLink(string LeaderName, string? LeaderTitle, string UnitCode);

public sealed record NewCampaign(
    string Code, string NameZh, string? NameEn, DateOnly StartDate, DateOnly EndDate,
    Cadence Cadence = Cadence.Daily, int DeadlineDaysAfter = 1, TimeOnly? DeadlineTime = null,
    UnitLevel ReportingLevel = UnitLevel.County, string? RootUnitCode = null, string[]? Indicators = null,
    NewPhase[]? Phases = null, NewTask[]? Tasks = null, NewLeaderLink[]? LeaderLinks = null, string[]? Units = null);

public static partial class CampaignOperations
{
    /// <summary>Campaigns the caller takes part in: run by a unit above them or within their subtree.</summary>
    public static IQueryable<Campaign> Visible(CenturionDb db, CallerScope scope)
    {
        var me = scope.UnitId;
        return db.Campaigns.Where(c => db.UnitLinks.Any(l =>
            (l.AncestorId == c.RootUnitId && l.DescendantId == me) || (l.AncestorId == me && l.DescendantId == c.RootUnitId)));
    }

    public static async Task<Campaign> FindAsync(CenturionDb db, CallerScope scope, string code, CancellationToken ct = default) =>
        await Visible(db, scope).FirstOrDefaultAsync(c => c.Code == code, ct)
        ?? throw DomainException.NotFound(new($"找不到专项行动 {code}。", $"Campaign {code} was not found."));

    /// <summary>The campaign's indicators in form order, with their definitions.</summary>
    public static Task<List<Indicator>> IndicatorsAsync(CenturionDb db, int campaignId, CancellationToken ct = default) =>
        db.CampaignIndicators.Where(ci => ci.CampaignId == campaignId).OrderBy(ci => ci.Order)
            .Select(ci => ci.Indicator!).ToListAsync(ct);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();

    /// <summary>Creates a campaign after checking every field; refuses with all problems by field, and stores nothing then.</summary>
    public static async Task<Campaign> CreateAsync(CenturionDb db, CallerScope scope, NewCampaign input, DateTime nowUtc, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, Phrase p) => errors[field] = [.. errors.GetValueOrDefault(field, []), p];
        void AddAll(string field, Phrase prefix, FieldErrors found)
        {
            foreach (var message in found.ToDictionary().Values.SelectMany(m => m)) Add(field, new(prefix.Zh + message, prefix.En + message));
        }

        if (input.Code is null || !CodePattern().IsMatch(input.Code))
            Add("code", new("代码须为 2–40 位小写字母、数字或连字符，如 summer-2022。", "The code must be 2–40 lower-case letters, digits or hyphens, e.g. summer-2022."));
        else if (await db.Campaigns.AnyAsync(c => c.Code == input.Code, ct))
            Add("code", new($"代码 {input.Code} 已被使用。", $"The code {input.Code} is already in use."));
        if (string.IsNullOrWhiteSpace(input.NameZh)) Add("nameZh", new("请填写中文名称。", "The Chinese name is required."));
        if (input.EndDate < input.StartDate) Add("endDate", new("结束日期早于开始日期。", "The end date is before the start date."));
        if (input.DeadlineDaysAfter is < 0 or > 14) Add("deadlineDaysAfter", new("截止天数须在 0 至 14 之间。", "The deadline must be 0 to 14 days after the period."));
        if (input.ReportingLevel == UnitLevel.Province) Add("reportingLevel", new("填报层级不能是省级。", "The reporting level cannot be the province."));

        var root = await scope.FindUnitAsync(db, input.RootUnitCode ?? (await db.Units.FindAsync([scope.UnitId], ct))!.Code, ct);
        var indicators = await db.Indicators.Where(i => (input.Indicators ?? Array.Empty<string>()).Contains(i.Code)).ToListAsync(ct);
        foreach (var unknown in (input.Indicators ?? []).Except(indicators.Select(i => i.Code)))
            Add("indicators", new($"没有指标 {unknown}。", $"There is no indicator {unknown}."));
        if (input.Indicators is not { Length: > 0 }) Add("indicators", new("请至少选择一个指标。", "Choose at least one indicator."));

        // Phases, tasks and links keep the same rules as when they are edited later; their problems are listed under their list.
        var draft = new Campaign { Code = input.Code ?? "", NameZh = "", StartDate = input.StartDate, EndDate = input.EndDate, RootUnitId = root.Id };
        var phases = input.Phases ?? [];
        for (var n = 0; n < phases.Length; n++)
        {
            var check = new FieldErrors();
            PlanRules.CheckPhase(check, draft, phases[n], phases.Take(n));
            AddAll("phases", new($"阶段“{phases[n].NameZh}”：", $"Phase “{phases[n].NameZh}”: "), check);
        }
        var tasks = new List<(NewTask Input, TaskParties Parties)>();
        foreach (var t in input.Tasks ?? [])
        {
            var check = new FieldErrors();
            var parties = await CampaignPlan.ResolveTaskAsync(db, draft, t, check, ct);
            PlanRules.CheckTask(check, draft, t);
            AddAll("tasks", new($"任务“{t.TitleZh}”：", $"Task “{t.TitleZh}”: "), check);
            tasks.Add((t, parties));
        }
        var links = new List<(NewLeaderLink Input, Unit Prefecture)>();
        foreach (var l in input.LeaderLinks ?? [])
        {
            var check = new FieldErrors();
            PlanRules.CheckLeaderLink(check, l);
            var prefecture = await CampaignPlan.PrefectureAsync(db, draft, l.UnitCode, check, ct);
            AddAll("leaderLinks", new($"{l.LeaderName}：", $"{l.LeaderName}: "), check);
            if (prefecture is not null) links.Add((l, prefecture));
        }

        var inRoot = CallerScope.Subtree(db, root.Id);
        var reporting = inRoot.Where(u => u.Level == input.ReportingLevel);
        if (input.Units is { Length: > 0 } codes)
        {
            reporting = reporting.Where(u => codes.Contains(u.Code));
            var found = await reporting.Select(u => u.Code).ToListAsync(ct);
            foreach (var code in codes.Except(found))
                Add("units", new($"单位 {code} 不是本行动范围内的填报单位。", $"Unit {code} is not a reporting unit within the campaign."));
        }
        if (errors.Count > 0) throw DomainException.Invalid(new("专项行动信息有误。", "The campaign is not valid."), errors);

        var campaign = new Campaign
        {
            Code = input.Code!, NameZh = input.NameZh.Trim(), NameEn = input.NameEn?.Trim() ?? "",
            StartDate = input.StartDate, EndDate = input.EndDate, Cadence = input.Cadence,
            DeadlineDaysAfter = input.DeadlineDaysAfter, DeadlineTime = input.DeadlineTime ?? new(10, 0),
            ReportingLevel = input.ReportingLevel, RootUnitId = root.Id, CreatedUtc = nowUtc,
            Indicators = [.. (input.Indicators ?? []).Select((code, i) => new CampaignIndicator { IndicatorId = indicators.Single(x => x.Code == code).Id, Order = i })],
        };
        // Checked above with every problem listed; the campaign's own operations keep the same rules as it is built.
        foreach (var p in phases) campaign.PlanPhase(p);
        foreach (var (t, parties) in tasks) campaign.PlanTask(t, parties, new FieldErrors());
        foreach (var (l, prefecture) in links) campaign.PlanLeaderLink(l, prefecture, new FieldErrors());
        campaign.Enrol(await reporting.Select(u => u.Id).ToListAsync(ct));
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>The participating units within a subtree.</summary>
    public static IQueryable<Unit> ReportingUnits(CenturionDb db, int campaignId, int rootUnitId) =>
        CallerScope.Subtree(db, rootUnitId).Where(u => db.CampaignUnits.Any(cu => cu.CampaignId == campaignId && cu.UnitId == u.Id));
}
