using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers.Disputes;

public sealed record RoundDto(long Id, string Campaign, int Number, DateOnly StartsOn, DateOnly EndsOn, bool Open, int Expected, int Screened,
    IReadOnlyList<MissingUnit> Missing);
public sealed record MissingUnit(string Code, string Name);
public sealed record ScreeningDto(long Id, long RoundId, int Round, string Unit, string UnitName, DateOnly ScreenedOn, int Places, int Households,
    int DisputesFound, string RecordedBy);
public sealed record NewRounds(DateOnly? StartsOn, int? Days = 14, int? Count = 1);
public sealed record ScreeningInput(string? Unit, DateOnly? ScreenedOn, int? Places, int? Households, int? DisputesFound);

/// <summary>Screening rounds (set by the campaign office) and each unit's screening in them; who has not screened.</summary>
public sealed class ScreeningLedger(CenturionDb db, CallerScope scope, LedgerAccess access, Actor actor, TimeProvider clock)
{
    public Task<Campaign> CampaignAsync(string code, CancellationToken ct = default) => access.CampaignAsync(code, ct);

    public Task<Campaign> CampaignAsync(CampaignInRoute campaign, CancellationToken ct = default) => access.CampaignAsync(campaign, ct);

    /// <summary>The campaign's rounds with, for each started round, the participating units in the caller's subtree that have not screened.</summary>
    public async Task<List<RoundDto>> RoundsAsync(Campaign c, string? unit = null, CancellationToken ct = default)
    {
        var root = await scope.UnitOrOwnAsync(db, unit, ct);
        var today = ProvinceTime.Today(clock);
        var rounds = await db.Set<ScreeningRound>().Where(r => r.CampaignId == c.Id).OrderBy(r => r.Number).ToListAsync(ct);
        var expected = await CampaignOperations.ReportingUnits(db, c.Id, root.Id).OrderBy(u => u.Code).Select(u => new { u.Id, u.Code, u.NameZh, u.NameEn }).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var done = (await db.Set<Screening>().Where(s => ids.Contains(s.RoundId)).Select(s => new { s.RoundId, s.UnitId }).ToListAsync(ct))
            .ToLookup(s => s.RoundId, s => s.UnitId);
        return [.. rounds.Select(r =>
        {
            var screened = done[r.Id].ToHashSet();
            var missing = r.HasStarted(today)
                ? expected.Where(u => !screened.Contains(u.Id)).Select(u => new MissingUnit(u.Code, Lang.Pick(u.NameZh, u.NameEn))).ToList()
                : [];
            return new RoundDto(r.Id, c.Code, r.Number, r.StartsOn, r.EndsOn, r.IsOpen(today), expected.Count, expected.Count(u => screened.Contains(u.Id)), missing);
        })];
    }

    /// <summary>Adds rounds of <c>Days</c> days each, back to back from <c>StartsOn</c>, numbered after the last. Campaign office.</summary>
    public async Task<List<RoundDto>> AddRoundsAsync(Campaign c, NewRounds input, CancellationToken ct = default)
    {
        scope.Require(Roles.CampaignOffice);
        var days = input.Days ?? 14;
        var count = input.Count ?? 1;
        if (input.StartsOn is not { } start) throw DomainException.Invalid(new("请填写首轮开始日期。", "The first round's start date is required."));
        if (days is < 1 or > 92) throw DomainException.Invalid(new("每轮天数须在 1 至 92 之间。", "A round lasts 1 to 92 days."));
        if (count is < 1 or > 52) throw DomainException.Invalid(new("一次最多设 52 轮。", "At most 52 rounds at a time."));
        var last = await db.Set<ScreeningRound>().Where(r => r.CampaignId == c.Id).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        if (last is not null && start <= last.EndsOn)
            throw DomainException.Invalid(new($"新轮次须在上一轮（至 {last.EndsOn:yyyy-MM-dd}）之后开始。", $"New rounds must start after the last one, which ends on {last.EndsOn:yyyy-MM-dd}."));
        for (var i = 0; i < count; i++)
        {
            var s = start.AddDays(i * days);
            db.Add(ScreeningRound.Create(c.Id, (last?.Number ?? 0) + i + 1, s, s.AddDays(days - 1), actor.Name));
        }
        await db.SaveChangesAsync(ct);
        return await RoundsAsync(c, null, ct);
    }

    /// <summary>Every screening in the caller's subtree (or the unit's), by round and unit code; for the export.</summary>
    public async Task<List<ScreeningDto>> ScreeningsAsync(Campaign c, long? roundId, string? unit, CancellationToken ct = default) =>
        [.. (await (await RowsAsync(c, roundId, unit, ct)).OrderBy(x => x.Number).ThenBy(x => x.Code).ToListAsync(ct)).Select(Dto)];

    /// <summary>A page of the screenings, the latest round first, then by unit code.</summary>
    public async Task<Paged<ScreeningDto>> ListAsync(Campaign c, long? roundId, string? unit, int page = 1, int pageSize = LedgerFilter.DefaultPageSize,
        CancellationToken ct = default)
    {
        var f = new LedgerFilter(Page: page, PageSize: pageSize).Checked();
        return await LedgerList.PageAsync((await RowsAsync(c, roundId, unit, ct)).OrderByDescending(x => x.Number).ThenBy(x => x.Code), f, Dto, ct);
    }

    /// <summary>Set by member initialisation, which EF can still order by after the projection.</summary>
    private sealed class Row
    {
        public required Screening S { get; init; }
        public int Number { get; init; }
        public required string Code { get; init; }
        public required string NameZh { get; init; }
        public required string NameEn { get; init; }
    }

    private static ScreeningDto Dto(Row x) => new(x.S.Id, x.S.RoundId, x.Number, x.Code, Lang.Pick(x.NameZh, x.NameEn), x.S.ScreenedOn,
        x.S.Places, x.S.Households, x.S.DisputesFound, x.S.RecordedBy);

    private async Task<IQueryable<Row>> RowsAsync(Campaign c, long? roundId, string? unit, CancellationToken ct)
    {
        var root = await scope.UnitOrOwnAsync(db, unit, ct);
        var subtree = db.UnitLinks.Where(l => l.AncestorId == root.Id).Select(l => l.DescendantId);
        return db.Set<Screening>()
            .Join(db.Set<ScreeningRound>().Where(r => r.CampaignId == c.Id && (roundId == null || r.Id == roundId)), s => s.RoundId, r => r.Id, (s, r) => new { s, r.Number })
            .Where(x => subtree.Contains(x.s.UnitId))
            .Join(db.Units, x => x.s.UnitId, u => u.Id, (x, u) => new Row { S = x.s, Number = x.Number, Code = u.Code, NameZh = u.NameZh, NameEn = u.NameEn });
    }

    /// <summary>Records (or corrects) a unit's screening in a round: a participating unit in the caller's subtree.</summary>
    public async Task<ScreeningDto> RecordAsync(Campaign c, long roundId, ScreeningInput input, CancellationToken ct = default)
    {
        if (!scope.IsInAny(Roles.Reporter, Roles.UnitLeader))
            throw new DomainException(StatusCodes.Status403Forbidden, new("您的角色不能登记排查。", "Your role cannot record screenings."));
        var round = await db.Set<ScreeningRound>().FirstOrDefaultAsync(r => r.Id == roundId && r.CampaignId == c.Id, ct)
            ?? throw DomainException.NotFound(new($"找不到排查轮次 {roundId}。", $"Screening round {roundId} was not found."));
        var unit = await scope.UnitOrOwnAsync(db, input.Unit, ct);
        if (!await db.CampaignUnits.AnyAsync(u => u.CampaignId == c.Id && u.UnitId == unit.Id, ct))
            throw DomainException.Invalid(new($"{unit.NameZh}不是本行动的填报单位。", $"{unit.Name(true)} is not a reporting unit of this campaign."));
        if (input.ScreenedOn is not { } on || input.Places is not { } places || input.Households is not { } households || input.DisputesFound is not { } found)
            throw DomainException.Invalid(new("请填写排查日期、场所数、户数和发现纠纷数。", "The date, places, households and disputes found are all required."));
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<Screening>().FirstOrDefaultAsync(s => s.RoundId == round.Id && s.UnitId == unit.Id, ct);
        if (existing is null) db.Add(existing = Screening.Record(round, unit.Id, on, places, households, found, actor.Name, now));
        else existing.Update(round, on, places, households, found, actor.Name, now);
        await db.SaveChangesAsync(ct);
        return new(existing.Id, round.Id, round.Number, unit.Code, unit.Name(Lang.IsEnglish), on, places, households, found, actor.Name);
    }
}

/// <summary>
/// The dispute indicators derived from the ledger, for reconciliation against reported figures: <c>disputes-screened</c>
/// (disputes entered with a found date in the window) and <c>disputes-resolved</c> (disputes resolved in the window),
/// each unit's figure including its subtree (a county's includes its stations).
/// </summary>
public static class DisputeFigures
{
    public const string Screened = "disputes-screened";
    public const string Resolved = "disputes-resolved";
    public static readonly string[] Indicators = [Screened, Resolved];

    /// <summary>For each unit asked about, the indicator's value over its subtree and the window (inclusive); units with none are 0.</summary>
    public static async Task<Dictionary<int, long>> ForAsync(CenturionDb db, string indicator, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to,
        CancellationToken ct = default)
    {
        var ids = unitIds.ToList();
        var links = db.UnitLinks.Where(l => ids.Contains(l.AncestorId));
        var disputes = db.Set<Dispute>().AsQueryable();
        var counted = indicator switch
        {
            Screened => links.Join(disputes.Where(d => d.FoundOn >= from && d.FoundOn <= to), l => l.DescendantId, d => d.UnitId, (l, d) => l.AncestorId),
            Resolved => links.Join(disputes.Where(d => d.ResolvedOn >= from && d.ResolvedOn <= to), l => l.DescendantId, d => d.UnitId, (l, d) => l.AncestorId),
            _ => throw new ArgumentException($"Not a dispute indicator: {indicator}", nameof(indicator)),
        };
        var found = await counted.GroupBy(a => a).Select(g => new { g.Key, N = g.LongCount() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return ids.Distinct().ToDictionary(id => id, id => found.GetValueOrDefault(id));
    }
}
