using System.Security.Cryptography;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers.SpotChecks;

/// <summary>A draw request: the round (a week's Monday), the candidates (units of a level within the given units), how many, why a redraw.</summary>
public sealed record DrawRequest(DateOnly? Round, string[]? Within, string? Level = "County", int? Count = null, string? Reason = null, ulong? Seed = null);

public sealed record CheckDto(long Id, string Unit, string UnitName, DateTime? CalledUtc, int? AnsweredWithinSeconds, bool RosterComplete,
    bool LeaderReachable, bool EquipmentReady, string? Notes, bool? Passed, IReadOnlyList<string> Broken, string? RecordedBy);

public sealed record DrawDto(long Id, string Campaign, DateOnly Round, int Sequence, string Seed, IReadOnlyList<string> Candidates, int Count,
    IReadOnlyList<string> Drawn, string? Reason, string DrawnBy, DateTime DrawnUtc, bool Superseded, bool Reproduced, IReadOnlyList<CheckDto> Checks,
    long? SupersededBy = null);

public sealed record CheckInput(DateTime? CalledAt, int? AnsweredWithinSeconds, bool RosterComplete, bool LeaderReachable, bool EquipmentReady, string? Notes = null);

public sealed record CheckRow(long Id, long DrawId, DateOnly Round, string Unit, string UnitName, DateTime? CalledUtc, int? AnsweredWithinSeconds,
    bool RosterComplete, bool LeaderReachable, bool EquipmentReady, bool? Passed, string? Notes);

public sealed record UnitMonthFailures(int UnitId, string Unit, string UnitName, string Month, int Checks, int Failed);

/// <summary>Emergency-duty spot checks: the campaign office draws units and records each check; units see their own results.</summary>
public sealed class SpotCheckLedger(CenturionDb db, CallerScope scope, LedgerAccess access, Actor actor, TimeProvider clock)
{
    public const string LineCode = "patrol";

    public bool CanDraw => scope.IsIn(Roles.CampaignOffice);

    public Task<Campaign> CampaignAsync(string code, CancellationToken ct = default) => access.CampaignAsync(code, ct);

    public Task<Campaign> CampaignAsync(CampaignInRoute campaign, CancellationToken ct = default) => access.CampaignAsync(campaign, ct);

    /// <summary>
    /// Draws and stores the draw (seed, candidates, result) and its checks in one transaction, audited, before anything
    /// about it is returned. A round drawn before needs a reason; the earlier draw is then marked superseded.
    /// </summary>
    public async Task<DrawDto> DrawAsync(Campaign c, DrawRequest r, CancellationToken ct = default)
    {
        scope.Require(Roles.CampaignOffice);
        if (r.Round is not { } round) throw DomainException.Invalid(new("请填写抽查轮次（该周星期一）。", "The round (the week's Monday) is required."));
        if (r.Count is not { } count) throw DomainException.Invalid(new("请填写抽取单位数。", "The number of units to draw is required."));
        if (!Enum.TryParse<UnitLevel>(r.Level ?? "County", ignoreCase: true, out var level))
            throw DomainException.Invalid(new($"没有层级 {r.Level}。", $"There is no level {r.Level}."));
        var roots = new List<Unit>();
        foreach (var code in (r.Within ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Distinct()) roots.Add(await scope.FindUnitAsync(db, code.Trim(), ct));
        if (roots.Count == 0) throw DomainException.Invalid(new("请选择从哪些单位中抽取。", "Choose the units to draw within."));
        var rootIds = roots.Select(u => u.Id).ToList();
        var candidates = (await db.UnitLinks.Where(l => rootIds.Contains(l.AncestorId)).Join(db.Units.Where(u => u.Level == level), l => l.DescendantId, u => u.Id, (l, u) => new { u.Id, u.Code })
            .Distinct().ToListAsync(ct)).OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => (u.Id, u.Code)).ToList();
        var earlier = await db.Set<SpotCheckDraw>().Where(d => d.CampaignId == c.Id && d.Round == round).ToListAsync(ct);
        var seed = r.Seed ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var now = clock.GetUtcNow().UtcDateTime;
        var draw = SpotCheckDraw.Make(c.Id, round, seed, candidates, count, earlier, r.Reason, actor.Name, now);
        db.Add(draw);
        await db.SaveChangesAsync(ct);
        return await DrawAsync(c, draw.Id, ct);
    }

    /// <summary>
    /// The campaign's draws the caller may see (<see cref="TryDrawAsync"/>), newest round first, a round's redraws before its first draw,
    /// filtered: <c>Unit</c> the subtree a drawn unit is in, <c>State</c> current or superseded, <c>From</c>/<c>To</c> the round (its Monday).
    /// </summary>
    public async Task<IQueryable<long>> FilteredDrawsAsync(Campaign c, LedgerFilter f, DateOnly? round = null, CancellationToken ct = default)
    {
        f = f.Checked();
        var draws = db.Set<SpotCheckDraw>().Where(d => d.CampaignId == c.Id && (round == null || d.Round == round));
        if (!CanDraw || !string.IsNullOrWhiteSpace(f.Unit))
        {
            var reached = await scope.InSubtreeOfAsync(db, CanDraw ? db.Set<SpotCheck>() : scope.Within(db, db.Set<SpotCheck>()), f.Unit, ct);
            draws = draws.Where(d => reached.Any(k => k.DrawId == d.Id));
        }
        draws = f.State?.Trim() switch
        {
            null or "" => draws,
            "current" => draws.Where(d => d.SupersededUtc == null),
            "superseded" => draws.Where(d => d.SupersededUtc != null),
            _ => throw DomainException.Invalid(new($"抽取状态没有 {f.State}；可选：current、superseded。", $"There is no draw state {f.State}: choose current or superseded."),
                new Dictionary<string, string[]> { ["state"] = [new Phrase("可选：current、superseded", "one of current, superseded")] }),
        };
        if (f.From is { } from) draws = draws.Where(d => d.Round >= from);
        if (f.To is { } to) draws = draws.Where(d => d.Round <= to);
        return draws.OrderByDescending(d => d.Round).ThenByDescending(d => d.Sequence).Select(d => d.Id);
    }

    /// <summary>A page of <see cref="FilteredDrawsAsync"/>.</summary>
    public async Task<Paged<DrawDto>> DrawsAsync(Campaign c, LedgerFilter f, DateOnly? round = null, CancellationToken ct = default)
    {
        f = f.Checked();
        var page = await LedgerList.PageAsync(await FilteredDrawsAsync(c, f, round, ct), f, id => id, ct);
        return new(await DescribeAsync(c, page.Items, ct), page.Total, page.Page, page.PageSize);
    }

    /// <summary>Every draw of <see cref="FilteredDrawsAsync"/>, for the export.</summary>
    public async Task<List<DrawDto>> AllDrawsAsync(Campaign c, LedgerFilter f, DateOnly? round = null, CancellationToken ct = default) =>
        await DescribeAsync(c, await (await FilteredDrawsAsync(c, f, round, ct)).Take(LedgerFilter.MaxExportRows).ToListAsync(ct), ct);

    private async Task<List<DrawDto>> DescribeAsync(Campaign c, IEnumerable<long> ids, CancellationToken ct)
    {
        var result = new List<DrawDto>();
        foreach (var id in ids) if (await TryDrawAsync(c, id, ct) is { } d) result.Add(d);
        return result;
    }

    public async Task<DrawDto> DrawAsync(Campaign c, long id, CancellationToken ct = default) =>
        await TryDrawAsync(c, id, ct) ?? throw DomainException.NotFound(new($"找不到抽查 {id}。", $"Spot-check draw {id} was not found."));

    /// <summary>The campaign office sees every draw; others only draws that reached their subtree, and only those checks.</summary>
    private async Task<DrawDto?> TryDrawAsync(Campaign c, long id, CancellationToken ct)
    {
        var draw = await db.Set<SpotCheckDraw>().Include(d => d.Checks).ThenInclude(k => k.Unit).FirstOrDefaultAsync(d => d.Id == id && d.CampaignId == c.Id, ct);
        if (draw is null) return null;
        var inScope = (await scope.Within(db, db.Set<SpotCheck>()).Where(k => k.DrawId == id).Select(k => k.Id).ToListAsync(ct)).ToHashSet();
        if (!CanDraw && inScope.Count == 0) return null;
        var checks = draw.Checks.Where(k => CanDraw || inScope.Contains(k.Id)).OrderBy(k => draw.DrawnCodes.ToList().IndexOf(k.Unit!.Code)).Select(Describe).ToList();
        // A redraw supersedes the one draw in force, so the round's next draw is the one that superseded this. A unit is told its number only if it may see it.
        long? supersededBy = null;
        if (draw.IsSuperseded)
        {
            var next = db.Set<SpotCheckDraw>().Where(d => d.CampaignId == c.Id && d.Round == draw.Round && d.Sequence == draw.Sequence + 1).Select(d => d.Id);
            var mine = scope.Within(db, db.Set<SpotCheck>());
            if (!CanDraw) next = next.Where(n => mine.Any(k => k.DrawId == n));
            supersededBy = await next.Select(n => (long?)n).FirstOrDefaultAsync(ct);
        }
        return new(draw.Id, c.Code, draw.Round, draw.Sequence, ((ulong)draw.Seed).ToString(), CanDraw ? draw.CandidateCodes : [], draw.Count,
            CanDraw ? draw.DrawnCodes : [.. checks.Select(k => k.Unit)], draw.Reason, draw.DrawnBy, DateTime.SpecifyKind(draw.DrawnUtc, DateTimeKind.Utc),
            draw.IsSuperseded, draw.Reproduce().SequenceEqual(draw.DrawnCodes), checks, supersededBy);
    }

    private static CheckDto Describe(SpotCheck k) => new(k.Id, k.Unit!.Code, k.Unit.Name(Lang.IsEnglish),
        k.CalledUtc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null, k.AnsweredWithinSeconds, k.RosterComplete, k.LeaderReachable,
        k.EquipmentReady, k.Notes, k.Passed, [.. k.Broken.Select(b => b.ToString())], k.RecordedBy);

    /// <summary>Records one drawn unit's check; pass or fail follows <see cref="DutyCheckRules"/>. Campaign office.</summary>
    public async Task<CheckDto> RecordAsync(Campaign c, long checkId, CheckInput input, CancellationToken ct = default)
    {
        var check = await db.Set<SpotCheck>().Include(k => k.Draw).Include(k => k.Unit)
            .FirstOrDefaultAsync(k => k.Id == checkId && k.Draw!.CampaignId == c.Id, ct);
        if (check is null || (!CanDraw && !await scope.Within(db, db.Set<SpotCheck>()).AnyAsync(k => k.Id == checkId, ct)))
            throw DomainException.NotFound(new($"找不到抽查记录 {checkId}。", $"Spot check {checkId} was not found."));
        scope.Require(Roles.CampaignOffice);
        if (input.CalledAt is not { } calledAt)
            throw DomainException.Invalid(new("请填写抽查时间。", "The time of the call is required."), new Dictionary<string, string[]> { ["calledAt"] = [new Phrase("必填", "required")] });
        var calledUtc = calledAt.Kind == DateTimeKind.Utc ? calledAt : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(calledAt, DateTimeKind.Unspecified), ProvinceTime.Zone);
        var now = clock.GetUtcNow().UtcDateTime;
        check.Record(calledUtc, input.AnsweredWithinSeconds, input.RosterComplete, input.LeaderReachable, input.EquipmentReady, input.Notes, actor.Name, now);
        await db.SaveChangesAsync(ct);
        return Describe(check);
    }

    /// <summary>Recorded checks in the caller's scope, filtered (unit subtree, state passed/failed/pending, date range of the round) and paged.</summary>
    public async Task<IQueryable<SpotCheck>> FilteredAsync(Campaign c, LedgerFilter f, CancellationToken ct = default)
    {
        f = f.Checked();
        var rows = scope.Within(db, db.Set<SpotCheck>()).Where(k => k.Draw!.CampaignId == c.Id && k.Draw.SupersededUtc == null);
        rows = await scope.InSubtreeOfAsync(db, rows, f.Unit, ct);
        rows = f.State?.Trim() switch
        {
            null or "" => rows,
            "passed" => rows.Where(k => k.Passed == true),
            "failed" => rows.Where(k => k.Passed == false),
            "pending" => rows.Where(k => k.Passed == null),
            _ => throw DomainException.Invalid(new("状态可选：passed、failed、pending。", "The state is one of passed, failed, pending.")),
        };
        if (f.From is { } from) rows = rows.Where(k => k.Draw!.Round >= from);
        if (f.To is { } to) rows = rows.Where(k => k.Draw!.Round <= to);
        return rows.Include(k => k.Unit).Include(k => k.Draw).OrderByDescending(k => k.Draw!.Round).ThenBy(k => k.Unit!.Code);
    }

    public async Task<Paged<CheckRow>> ListAsync(Campaign c, LedgerFilter f, CancellationToken ct = default)
    {
        f = f.Checked();
        return await LedgerList.PageAsync(await FilteredAsync(c, f, ct), f, Row, ct);
    }

    public async Task<List<CheckRow>> AllAsync(Campaign c, LedgerFilter f, CancellationToken ct = default) =>
        [.. (await (await FilteredAsync(c, f, ct)).Take(100_000).ToListAsync(ct)).Select(Row)];

    private static CheckRow Row(SpotCheck k) => new(k.Id, k.DrawId, k.Draw!.Round, k.Unit!.Code, k.Unit.Name(Lang.IsEnglish),
        k.CalledUtc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null, k.AnsweredWithinSeconds, k.RosterComplete, k.LeaderReachable,
        k.EquipmentReady, k.Passed, k.Notes);
}

/// <summary>
/// The public entry for evaluation: failed emergency-duty checks per unit and month (province time of the call),
/// counting only recorded checks of draws in force.
/// </summary>
public static class SpotCheckFailures
{
    public static async Task<List<UnitMonthFailures>> ByUnitMonthAsync(CenturionDb db, int campaignId, int rootUnitId, CancellationToken ct = default)
    {
        var subtree = db.UnitLinks.Where(l => l.AncestorId == rootUnitId).Select(l => l.DescendantId);
        var checks = await db.Set<SpotCheck>()
            .Where(k => k.Draw!.CampaignId == campaignId && k.Draw.SupersededUtc == null && k.Passed != null && subtree.Contains(k.UnitId))
            .Select(k => new { k.UnitId, k.Unit!.Code, k.Unit.NameZh, k.Unit.NameEn, k.CalledUtc, k.Passed }).ToListAsync(ct);
        return [.. checks.GroupBy(k => (k.UnitId, k.Code, Name: Lang.Pick(k.NameZh, k.NameEn), Month: ProvinceTime.ToLocal(k.CalledUtc!.Value).ToString("yyyy-MM")))
            .Select(g => new UnitMonthFailures(g.Key.UnitId, g.Key.Code, g.Key.Name, g.Key.Month, g.Count(), g.Count(k => k.Passed == false)))
            .OrderBy(u => u.Month).ThenByDescending(u => u.Failed).ThenBy(u => u.Unit)];
    }
}
