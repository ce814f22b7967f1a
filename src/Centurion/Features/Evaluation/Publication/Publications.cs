using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Evaluation.Schemes;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Evaluation.Publication;

public sealed record SourceDto(string Type, string Id, string Label);
public sealed record PublishedPointDto(long Id, int Order, string Rule, SourceDto? Source, string Value, decimal Points);

/// <summary>A unit's row of a ranking; <c>CorrectedScore</c> when an upheld appeal has corrected it since.</summary>
public sealed record RankingRowDto(string Unit, string Name, decimal Score, int Rank, string List, string? ListReason, decimal? CorrectedScore);
public sealed record CorrectionDto(long Id, long Appeal, string Unit, string Name, long Point, string Rule, decimal PointsRestored, decimal CorrectedScore,
    string Reason, string By, DateTime AtUtc);
public sealed record PublicationDto(long Id, string Campaign, string Month, DateOnly From, DateOnly To, int SchemeVersion, string PublishedBy, DateTime PublishedUtc,
    DateTime AsOfUtc, DateOnly AppealUntil, bool AppealOpen, string Sha256, IReadOnlyList<RankingRowDto> Ranking, IReadOnlyList<CorrectionDto> Corrections);
public sealed record AppealSummaryDto(long Id, long Point, string State);
public sealed record PublishedUnitDto(string Campaign, string Month, int SchemeVersion, string Unit, string Name, decimal Score, int Rank, string List, string? ListReason,
    DateTime PublishedUtc, DateOnly AppealUntil, bool AppealOpen, bool MayAppeal, IReadOnlyList<PublishedPointDto> Points, IReadOnlyList<AppealSummaryDto> Appeals,
    IReadOnlyList<CorrectionDto> Corrections);
public sealed record DifferenceDto(string Unit, string Name, decimal PublishedScore, decimal? NowScore, int PublishedRank, int? NowRank, string PublishedList, string? NowList, bool Changed);
public sealed record DifferencesDto(string Campaign, string Month, int SchemeVersion, int? NowSchemeVersion, DateTime PublishedAsOfUtc, DateTime NowUtc, int Changed,
    IReadOnlyList<DifferenceDto> Units);

/// <summary>What publishing now would store: the month's ranking as computed at this instant, under the version that applies.</summary>
public sealed record PublishPreviewDto(string Campaign, string Month, int? SchemeVersion, DateTime AsOfUtc, bool Published, bool MayPublish, Phrase? Refusal,
    IReadOnlyList<RankingRowDto> Ranking);

public sealed record AppealInput(string? Month, string? Unit, long? Point, string? Reason);
public sealed record DecisionInput(string? Reason, int? Version = null);
public sealed record AppealChangeDto(DateTime AtUtc, string By, string Event, string Text);
public sealed record AppealRowDto(long Id, string Month, string Unit, string Name, long Point, string Rule, string? Source, decimal Points, string State,
    string LodgedBy, DateTime LodgedUtc, DateTime? DecidedUtc);
public sealed record AppealDto(long Id, string Campaign, string Month, string Unit, string Name, PublishedPointDto Point, string Reason, string State,
    string LodgedBy, DateTime LodgedUtc, string? DecidedBy, DateTime? DecidedUtc, string? Decision, CorrectionDto? Correction,
    IReadOnlyList<AppealChangeDto> History, IReadOnlyList<EvidenceDto> Evidence, int Version, IReadOnlyList<string> Actions);

/// <summary>
/// Publication of a month's evaluation, the differences against now, appeals and corrections. The campaign office publishes
/// (once per month and scheme version) and decides appeals; a peer unit's own users (<see cref="EvaluationAccess.IsOwnAsync"/>,
/// not the office) appeal its deductions within the period. Reads go through <see cref="EvaluationAccess"/>: another unit's
/// explanation and appeals are "not found"; its ranking row only where the scheme publishes the ranking.
/// </summary>
public sealed class Publications(CenturionDb db, CallerScope scope, EvaluationAccess access, Actor actor, TimeProvider clock, EvidenceStore? store = null,
    IEnumerable<IMonthPublished>? onPublished = null)
{
    public static string AppealFileUrl(string campaign, long appealId, long fileId) => $"/campaigns/{campaign}/evaluation/appeals/{appealId}/evidence/{fileId}";

    private DateTime Now => PublicationSnapshot.ToSecond(clock.GetUtcNow().UtcDateTime);

    public async Task<(Campaign Campaign, EvaluationMonth Month)> ResolveAsync(string campaign, string? month, CancellationToken ct = default)
    {
        var c = await CampaignOperations.FindAsync(db, scope, campaign, ct);
        var m = EvaluationMonths.Find(c, month)
            ?? throw DomainException.NotFound(new($"专项行动 {c.Code} 没有考核月份 {month}。", $"Campaign {c.Code} has no evaluation month {month}."));
        return (c, m);
    }

    public Task<bool> IsOfficeAsync(Campaign c, CancellationToken ct = default) => access.IsOfficeAsync(c, ct);

    private async Task RequireOfficeAsync(Campaign c, Phrase what, CancellationToken ct)
    {
        if (!await access.IsOfficeAsync(c, ct)) throw new DomainException(StatusCodes.Status403Forbidden, what);
    }

    private Task<EvaluationPublication?> LatestAsync(Campaign c, string month, CancellationToken ct) =>
        db.Set<EvaluationPublication>().Where(p => p.CampaignId == c.Id && p.Month == month).OrderByDescending(p => p.SchemeNumber).FirstOrDefaultAsync(ct);

    private async Task<EvaluationPublication> PublishedAsync(Campaign c, EvaluationMonth m, CancellationToken ct) =>
        await LatestAsync(c, m.Key, ct) ?? throw DomainException.NotFound(PublicationText.NotPublished(m.Key));

    // ---- publishing ----

    /// <summary>
    /// Publishes the month: scores it at the clock's now (<see cref="Evaluations.ComputeAsync"/>) under the version that applies,
    /// and stores exactly that, as rows and as the canonical snapshot with its hash, in one transaction. The office's; once per
    /// month and scheme version (409); only once the month is over (409); audited as every save is. What other features do
    /// on publishing (<see cref="IMonthPublished"/>: the escalation ladder's proposals) happens in the same transaction.
    /// </summary>
    public async Task<PublicationDto> PublishAsync(string campaign, string? month, CancellationToken ct = default)
    {
        var (c, m) = await ResolveAsync(campaign, month, ct);
        await RequireOfficeAsync(c, PublicationText.PublishByOffice, ct);
        var now = Now;
        var id = await db.InTransactionAsync(async t =>
        {
            var eval = await Evaluations.ComputeAsync(db, c, m, now, withDraft: false, ct: t);
            if (Refusal(m, eval, now) is { } refused) throw DomainException.Conflict(refused);
            var version = eval.Published!.Version;
            if (await db.Set<EvaluationPublication>().AnyAsync(p => p.CampaignId == c.Id && p.Month == m.Key && p.SchemeNumber == version.Number, t))
                throw DomainException.Conflict(PublicationText.AlreadyPublished(m.Key, version.Number));
            var scores = eval.Published.Scores.Select(s =>
            {
                var u = eval.Units[s.Unit];
                return new EvaluationPublishedScore(s.Unit, u.NameZh, u.NameEn, s.Score, s.Rank, ListCode(s.List), s.ListReason,
                    s.Points.Select((r, i) => new EvaluationPublishedPoint(i + 1, r.Rule, r.Source?.Type, r.Source?.Id, r.Source?.Label, r.Value, r.Points)));
            }).ToList();
            var appealUntil = EvaluationAppeal.ProvinceDay(now).AddDays(version.Scheme.AppealDays);
            var draft = new EvaluationPublication(c.Id, m.Key, m.Window.From, m.Window.To, version.Number, appealUntil, actor.Name, now, [], "", "");
            var snapshot = PublicationSnapshot.Write(c.Code, draft, scores);
            var publication = new EvaluationPublication(c.Id, m.Key, m.Window.From, m.Window.To, version.Number, appealUntil, actor.Name, now, scores,
                snapshot, PublicationSnapshot.Sha256(snapshot));
            db.Add(publication);
            try { await db.SaveChangesAsync(t); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); throw DomainException.Conflict(PublicationText.AlreadyPublished(m.Key, version.Number)); }
            foreach (var hook in onPublished ?? []) await hook.PublishedAsync(new(c.Id, c.Code, m.Key, version.Number, now), t);
            return publication.Id;
        }, ct);
        return await DescribeAsync(c, await LoadAsync(id, ct), ct);
    }

    /// <summary>Why the month cannot be published now, or null: no version applies, the month is not over, it is published under this version.</summary>
    private static Phrase? Refusal(EvaluationMonth m, MonthEvaluation eval, DateTime now)
    {
        if (eval.Published is null) return PublicationText.NoScheme(m.Key);
        if (now < ProvinceTime.StartUtc(m.Window.To.AddDays(1))) return PublicationText.NotOver(m.Key, m.Window.To);
        return null;
    }

    /// <summary>What publishing now would store (for the page's Publish button): the current computation, and whether the caller may publish it.</summary>
    public async Task<PublishPreviewDto> PreviewAsync(string campaign, string? month, CancellationToken ct = default)
    {
        var (c, m) = await ResolveAsync(campaign, month, ct);
        var now = Now;
        var eval = await Evaluations.ComputeAsync(db, c, m, now, withDraft: false, ct: ct);
        var published = eval.Published is { } p && await db.Set<EvaluationPublication>().AnyAsync(x => x.CampaignId == c.Id && x.Month == m.Key && x.SchemeNumber == p.Version.Number, ct);
        var office = await access.IsOfficeAsync(c, ct);
        var refusal = published ? PublicationText.AlreadyPublished(m.Key, eval.Published!.Version.Number) : Refusal(m, eval, now);
        var rows = office ? Ranking(eval) : [];
        return new(c.Code, m.Key, eval.Published?.Version.Number, now, published, office && refusal is null, refusal, rows);
    }

    private static List<RankingRowDto> Ranking(MonthEvaluation eval) => eval.Published is null ? [] :
        [.. eval.Published.Scores.Select(s => new RankingRowDto(s.Unit, eval.Units[s.Unit].Name(Lang.IsEnglish), s.Score, s.Rank, ListCode(s.List), s.ListReason, null))];

    /// <summary>The month's current computation, for the command line: the scores under the applying version at the clock's now.</summary>
    public async Task<(EvaluationMonth Month, VersionScores? Scores, IReadOnlyDictionary<string, Unit> Units)> ComputeNowAsync(string campaign, string? month, CancellationToken ct = default)
    {
        var (c, m) = await ResolveAsync(campaign, month, ct);
        await RequireOfficeAsync(c, PublicationText.OfficeOnly, ct);
        var eval = await Evaluations.ComputeAsync(db, c, m, Now, withDraft: false, ct: ct);
        return (m, eval.Published, eval.Units);
    }

    public static string ListCode(ListName l) => EvaluationText.Code(l);

    private Task<EvaluationPublication> LoadAsync(long id, CancellationToken ct) =>
        db.Set<EvaluationPublication>().Include(p => p.Scores).ThenInclude(s => s.Points).AsSplitQuery().SingleAsync(p => p.Id == id, ct);

    // ---- reading ----

    public sealed record MonthRowDto(string Month, DateOnly From, DateOnly To, bool Published, int? SchemeVersion, DateTime? PublishedUtc, DateOnly? AppealUntil, int Corrections);

    /// <summary>The campaign's evaluation months, each with its publication if it has one.</summary>
    public async Task<IReadOnlyList<MonthRowDto>> MonthsAsync(string campaign, CancellationToken ct = default)
    {
        var c = await CampaignOperations.FindAsync(db, scope, campaign, ct);
        var published = await db.Set<EvaluationPublication>().Where(p => p.CampaignId == c.Id)
            .Select(p => new { p.Id, p.Month, p.SchemeNumber, p.PublishedUtc, p.AppealUntil }).ToListAsync(ct);
        var ids = published.Select(p => p.Id).ToList();
        var corrections = await db.Set<EvaluationCorrection>().Where(x => ids.Contains(x.PublicationId)).GroupBy(x => x.PublicationId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        return [.. EvaluationMonths.Of(c).Select(m =>
        {
            var p = published.Where(p => p.Month == m.Key).MaxBy(p => p.SchemeNumber);
            return new MonthRowDto(m.Key, m.Window.From, m.Window.To, p is not null, p?.SchemeNumber, p is null ? null : Utc(p.PublishedUtc), p?.AppealUntil,
                p is null ? 0 : corrections.GetValueOrDefault(p.Id));
        })];
    }

    public async Task<PublicationDto?> FindPublicationAsync(string campaign, string? month, CancellationToken ct = default)
    {
        var (c, m) = await ResolveAsync(campaign, month, ct);
        var p = await LatestAsync(c, m.Key, ct);
        return p is null ? null : await DescribeAsync(c, await LoadAsync(p.Id, ct), ct);
    }

    public async Task<PublicationDto> PublicationAsync(string campaign, string? month, CancellationToken ct = default) =>
        await FindPublicationAsync(campaign, month, ct) ?? throw DomainException.NotFound(PublicationText.NotPublished(month ?? ""));

    /// <summary>The stored publication, rows and snapshot, as it is in the database (for checks: the rows written again give the same bytes).</summary>
    public async Task<EvaluationPublication> StoredAsync(string campaign, string? month, CancellationToken ct = default)
    {
        var (c, m) = await ResolveAsync(campaign, month, ct);
        return await LoadAsync((await PublishedAsync(c, m, ct)).Id, ct);
    }

    private async Task<PublicationDto> DescribeAsync(Campaign c, EvaluationPublication p, CancellationToken ct)
    {
        var visible = await VisibleScoresAsync(c, p, ct);
        var corrections = await CorrectionRowsAsync(p, visible, ct);
        var corrected = corrections.GroupBy(x => x.Unit).ToDictionary(g => g.Key, g => g.OrderBy(x => x.AtUtc).ThenBy(x => x.Id).Last().CorrectedScore);
        return new(p.Id, c.Code, p.Month, p.WindowFrom, p.WindowTo, p.SchemeNumber, p.PublishedBy, Utc(p.PublishedUtc), Utc(p.AsOfUtc), p.AppealUntil,
            p.AppealOpen(Now), p.SnapshotSha256,
            [.. visible.OrderBy(s => s.Rank).ThenBy(s => s.UnitCode, StringComparer.Ordinal)
                .Select(s => new RankingRowDto(s.UnitCode, s.Name(Lang.IsEnglish), s.Score, s.Rank, s.List, s.ListReason, corrected.TryGetValue(s.UnitCode, out var x) ? x : null))],
            corrections);
    }

    /// <summary>The scores the caller sees: all of them for the office, or where the scheme publishes the ranking; otherwise only its own peers'.</summary>
    private async Task<List<EvaluationPublishedScore>> VisibleScoresAsync(Campaign c, EvaluationPublication p, CancellationToken ct)
    {
        if (await access.IsOfficeAsync(c, ct)) return [.. p.Scores];
        var version = (await SchemeVersions.PublishedAsync(db, c.Id, ct)).FirstOrDefault(v => v.Number == p.SchemeNumber);
        if (version?.Scheme.PublishRanking == true) return [.. p.Scores];
        var own = await OwnCodesAsync(c, p.Scores.Select(s => s.UnitCode), ct);
        return [.. p.Scores.Where(s => own.Contains(s.UnitCode))];
    }

    /// <summary>Which of the campaign's peers (by code) the caller may see the explanation of: the pages link only those.</summary>
    public async Task<IReadOnlySet<string>> OwnAsync(string campaign, IEnumerable<string> codes, CancellationToken ct = default) =>
        await OwnCodesAsync(await CampaignOperations.FindAsync(db, scope, campaign, ct), codes, ct);

    private async Task<IReadOnlySet<string>> OwnCodesAsync(Campaign c, IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.ToList();
        var units = await db.Units.Where(u => list.Contains(u.Code)).ToListAsync(ct);
        return await access.OwnPeersAsync(c, units, ct);
    }

    private async Task<List<CorrectionDto>> CorrectionRowsAsync(EvaluationPublication p, IReadOnlyCollection<EvaluationPublishedScore> visible, CancellationToken ct)
    {
        var codes = visible.Select(s => s.UnitCode).ToHashSet();
        var rows = await db.Set<EvaluationCorrection>().Where(x => x.PublicationId == p.Id).OrderBy(x => x.AtUtc).ThenBy(x => x.Id).ToListAsync(ct);
        var points = p.Scores.SelectMany(s => s.Points).ToDictionary(r => r.Id);
        var names = p.Scores.ToDictionary(s => s.UnitCode);
        return [.. rows.Where(x => codes.Contains(x.UnitCode)).Select(x => Correction(x, names[x.UnitCode], points[x.PointId]))];
    }

    private static CorrectionDto Correction(EvaluationCorrection x, EvaluationPublishedScore s, EvaluationPublishedPoint point) =>
        new(x.Id, x.AppealId, x.UnitCode, s.Name(Lang.IsEnglish), x.PointId, point.Rule, x.PointsRestored, x.CorrectedScore, x.Reason, x.By, Utc(x.AtUtc));

    /// <summary>A unit's published explanation: the caller's own peer, or the office (404 otherwise).</summary>
    public async Task<PublishedUnitDto> UnitAsync(string campaign, string? month, string unit, CancellationToken ct = default)
    {
        var (c, m) = await ResolveAsync(campaign, month, ct);
        var p = await LoadAsync((await PublishedAsync(c, m, ct)).Id, ct);
        var (score, peer) = await OwnScoreAsync(c, p, unit, ct);
        var appeals = await VisibleAppeals(c).Where(a => a.PublicationId == p.Id && a.UnitCode == score.UnitCode).OrderBy(a => a.Id).ToListAsync(ct);
        var corrections = await CorrectionRowsAsync(p, [score], ct);
        var now = Now;
        return new(c.Code, p.Month, p.SchemeNumber, score.UnitCode, score.Name(Lang.IsEnglish), score.Score, score.Rank, score.List, score.ListReason, Utc(p.PublishedUtc),
            p.AppealUntil, p.AppealOpen(now), p.AppealOpen(now) && await MayAppealAsync(c, peer, ct),
            [.. score.Points.OrderBy(r => r.Order).Select(Point)], [.. appeals.Select(a => new AppealSummaryDto(a.Id, a.PointId, Code(a.State)))], corrections);
    }

    private async Task<(EvaluationPublishedScore, Unit)> OwnScoreAsync(Campaign c, EvaluationPublication p, string? unit, CancellationToken ct)
    {
        var score = p.Scores.FirstOrDefault(s => s.UnitCode == unit?.Trim());
        var peer = score is null ? null : await db.Units.FirstOrDefaultAsync(u => u.Code == score.UnitCode, ct);
        if (score is null || peer is null || !await access.IsOwnAsync(c, peer, ct))
            throw DomainException.NotFound(new($"{p.Month} 的发布结果中找不到单位 {unit}。", $"Unit {unit} was not found in {p.Month}'s publication."));
        return (score, peer);
    }

    private static PublishedPointDto Point(EvaluationPublishedPoint r) =>
        new(r.Id, r.Order, r.Rule, r.SourceType is null ? null : new(r.SourceType, r.SourceId ?? "", r.SourceLabel ?? ""), r.Value, r.Points);

    /// <summary>The published month against the same month computed now: per unit, the score, rank and list then and now. The snapshot is not touched.</summary>
    public async Task<DifferencesDto> DifferencesAsync(string campaign, string? month, CancellationToken ct = default)
    {
        var (c, m) = await ResolveAsync(campaign, month, ct);
        var p = await LoadAsync((await PublishedAsync(c, m, ct)).Id, ct);
        var visible = await VisibleScoresAsync(c, p, ct);
        var now = Now;
        var eval = await Evaluations.ComputeAsync(db, c, m, now, withDraft: false, ct: ct);
        var current = eval.Published?.Scores.ToDictionary(s => s.Unit) ?? [];
        var rows = visible.OrderBy(s => s.Rank).ThenBy(s => s.UnitCode, StringComparer.Ordinal).Select(s =>
        {
            var n = current.GetValueOrDefault(s.UnitCode);
            var list = n is null ? null : ListCode(n.List);
            return new DifferenceDto(s.UnitCode, s.Name(Lang.IsEnglish), s.Score, n?.Score, s.Rank, n?.Rank, s.List, list,
                n is null || n.Score != s.Score || n.Rank != s.Rank || list != s.List);
        }).ToList();
        return new(c.Code, p.Month, p.SchemeNumber, eval.Published?.Version.Number, Utc(p.AsOfUtc), now, rows.Count(r => r.Changed), rows);
    }

    public async Task<IReadOnlyList<CorrectionDto>> CorrectionsAsync(string campaign, string? month, CancellationToken ct = default)
    {
        var (c, m) = await ResolveAsync(campaign, month, ct);
        var p = await LoadAsync((await PublishedAsync(c, m, ct)).Id, ct);
        return await CorrectionRowsAsync(p, await VisibleScoresAsync(c, p, ct), ct);
    }

    // ---- appeals ----

    /// <summary>A peer's own users who may appeal for it: its unit leaders and campaign office (not the campaign's office, who decides).</summary>
    public async Task<bool> MayAppealAsync(Campaign c, Unit peer, CancellationToken ct = default) =>
        scope.IsInAny(Roles.UnitLeader, Roles.CampaignOffice) && !await access.IsOfficeAsync(c, ct) && await access.IsOwnAsync(c, peer, ct);

    /// <summary>The appeals of the campaign the caller may see: the office all; anyone else its own peers' (as <see cref="EvaluationAccess.IsOwnAsync"/>).</summary>
    private IQueryable<EvaluationAppeal> VisibleAppeals(Campaign c, bool office = false)
    {
        var rows = db.Set<EvaluationAppeal>().Where(a => a.Publication!.CampaignId == c.Id);
        if (office) return rows;
        var own = access.OwnUnitIds();
        return rows.Where(a => own.Contains(a.UnitId));
    }

    private async Task<IQueryable<EvaluationAppeal>> AppealsInScopeAsync(Campaign c, CancellationToken ct) => VisibleAppeals(c, await access.IsOfficeAsync(c, ct));

    /// <summary>
    /// Lodges an appeal against one deduction of the unit's own published month, with its reason and any evidence files, as one
    /// change: within the appeal period (409 after), one open appeal per deduction (409), by the unit's own users (403).
    /// </summary>
    public async Task<AppealDto> LodgeAsync(string campaign, AppealInput input, IReadOnlyList<IFormFile> files, CancellationToken ct = default)
    {
        var (c, m) = await ResolveAsync(campaign, input.Month, ct);
        var p = await LoadAsync((await PublishedAsync(c, m, ct)).Id, ct);
        var (score, peer) = await OwnScoreAsync(c, p, input.Unit, ct);
        if (!await MayAppealAsync(c, peer, ct)) throw new DomainException(StatusCodes.Status403Forbidden, PublicationText.AppealByUnit);
        var point = score.Points.FirstOrDefault(r => r.Id == input.Point)
            ?? throw DomainException.Invalid(PublicationText.NoSuchPoint, new Dictionary<string, string[]> { ["point"] = [PublicationText.NoSuchPoint] });
        long id;
        try
        {
            id = await db.InTransactionAsync(async t =>
            {
                if (await db.Set<EvaluationAppeal>().AnyAsync(a => a.PointId == point.Id && a.State != AppealState.Dismissed, t))
                    throw DomainException.Conflict(PublicationText.AlreadyAppealed);
                var appeal = EvaluationAppeal.Lodge(p, score, point, peer.Id, input.Reason, actor.Name, Now);
                db.Add(appeal);
                await db.SaveChangesAsync(t);
                if (files.Count > 0)
                {
                    foreach (var file in await (store ?? throw new InvalidOperationException("No evidence store.")).StoreAllAsync(db, files, 0, peer.Id, t)) db.Add(new EvaluationAppealEvidence(appeal, file));
                    await db.SaveChangesAsync(t);
                }
                return appeal.Id;
            }, ct);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        return await AppealAsync(campaign, id, ct);
    }

    public async Task<IReadOnlyList<AppealRowDto>> AppealsAsync(string campaign, string? state, CancellationToken ct = default)
    {
        var c = await CampaignOperations.FindAsync(db, scope, campaign, ct);
        var rows = await AppealsInScopeAsync(c, ct);
        if (!string.IsNullOrWhiteSpace(state))
        {
            var s = Enum.TryParse<AppealState>(state.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw DomainException.BadRequest(new($"申诉状态 {state} 无效（open、upheld、dismissed）。", $"The appeal state {state} is not valid (open, upheld, dismissed)."));
            rows = rows.Where(a => a.State == s);
        }
        var list = await rows.Include(a => a.Publication).Include(a => a.Point).OrderBy(a => a.State != AppealState.Open).ThenByDescending(a => a.LodgedUtc).ThenByDescending(a => a.Id).ToListAsync(ct);
        var names = await Names(list.Select(a => a.UnitCode), ct);
        return [.. list.Select(a => new AppealRowDto(a.Id, a.Publication!.Month, a.UnitCode, names[a.UnitCode], a.PointId, a.Point!.Rule, a.Point.SourceLabel, a.Point.Points,
            Code(a.State), a.LodgedBy, Utc(a.LodgedUtc), a.DecidedUtc is { } d ? Utc(d) : null))];
    }

    private async Task<Dictionary<string, string>> Names(IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        return (await db.Units.Where(u => list.Contains(u.Code)).ToListAsync(ct)).ToDictionary(u => u.Code, u => u.Name(Lang.IsEnglish));
    }

    private async Task<(Campaign, EvaluationAppeal)> FindAppealAsync(string campaign, long id, CancellationToken ct)
    {
        var c = await CampaignOperations.FindAsync(db, scope, campaign, ct);
        var appeal = await (await AppealsInScopeAsync(c, ct)).Include(a => a.Publication).Include(a => a.Point).Include(a => a.History)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw DomainException.NotFound(new($"找不到申诉 {id}。", $"Appeal {id} was not found."));
        return (c, appeal);
    }

    public async Task<AppealDto> AppealAsync(string campaign, long id, CancellationToken ct = default)
    {
        var (c, a) = await FindAppealAsync(campaign, id, ct);
        return await DescribeAsync(c, a, ct);
    }

    private async Task<AppealDto> DescribeAsync(Campaign c, EvaluationAppeal a, CancellationToken ct)
    {
        var name = (await Names([a.UnitCode], ct))[a.UnitCode];
        var correction = await db.Set<EvaluationCorrection>().FirstOrDefaultAsync(x => x.AppealId == a.Id, ct);
        var files = await db.Set<EvaluationAppealEvidence>().Where(x => x.AppealId == a.Id).OrderBy(x => x.Id).Select(x => x.File!).ToListAsync(ct);
        var actions = a.IsOpen && await access.IsOfficeAsync(c, ct) ? new[] { "uphold", "dismiss" } : [];
        return new(a.Id, c.Code, a.Publication!.Month, a.UnitCode, name, Point(a.Point!), a.Reason, Code(a.State), a.LodgedBy, Utc(a.LodgedUtc), a.DecidedBy,
            a.DecidedUtc is { } d ? Utc(d) : null, a.Decision,
            correction is null ? null : new(correction.Id, a.Id, a.UnitCode, name, a.PointId, a.Point!.Rule, correction.PointsRestored, correction.CorrectedScore,
                correction.Reason, correction.By, Utc(correction.AtUtc)),
            [.. a.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new AppealChangeDto(Utc(h.AtUtc), h.By, Code(h.Event), h.Text))],
            [.. files.Select(f => EvidenceDto.From(f, AppealFileUrl(c.Code, a.Id, f.Id)))], a.Version, actions);
    }

    /// <summary>Upholds an open appeal (the office's): the deduction's points are restored in a dated correction; the snapshot stays.</summary>
    public Task<AppealDto> UpholdAsync(string campaign, long id, DecisionInput input, CancellationToken ct = default) =>
        DecideAsync(campaign, id, input, async (a, at, t) =>
        {
            var score = await db.Set<EvaluationPublishedScore>().Where(s => s.PublicationId == a.PublicationId && s.UnitCode == a.UnitCode).Select(s => s.Score).SingleAsync(t);
            var earlier = await db.Set<EvaluationCorrection>().Where(x => x.PublicationId == a.PublicationId && x.UnitCode == a.UnitCode).SumAsync(x => (decimal?)x.PointsRestored, t) ?? 0;
            db.Add(a.Uphold(input.Reason, score, earlier, actor.Name, at));
        }, ct);

    public Task<AppealDto> DismissAsync(string campaign, long id, DecisionInput input, CancellationToken ct = default) =>
        DecideAsync(campaign, id, input, (a, at, _) => { a.Dismiss(input.Reason, actor.Name, at); return Task.CompletedTask; }, ct);

    private async Task<AppealDto> DecideAsync(string campaign, long id, DecisionInput input, Func<EvaluationAppeal, DateTime, CancellationToken, Task> decide, CancellationToken ct)
    {
        var (c, a) = await FindAppealAsync(campaign, id, ct);
        await RequireOfficeAsync(c, PublicationText.DecideByOffice, ct);
        if (input.Version is { } v && v != a.Version) throw Stale();
        try
        {
            await db.InTransactionAsync(async t =>
            {
                await decide(a, Now, t);
                await db.SaveChangesAsync(t);
            }, ct);
        }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); throw Stale(); }
        catch (DomainException) { db.ChangeTracker.Clear(); throw; }
        return await AppealAsync(campaign, id, ct);
    }

    private static DomainException Stale() => DomainException.Conflict(new("申诉已被他人处理，请刷新后重试。", "Someone else decided the appeal meanwhile; reload and try again."));

    /// <summary>An appeal's evidence files, for the page's list.</summary>
    public async Task<IReadOnlyList<EvidenceFile>> AppealFilesAsync(string campaign, long id, CancellationToken ct = default)
    {
        await FindAppealAsync(campaign, id, ct);
        return await db.Set<EvaluationAppealEvidence>().Where(x => x.AppealId == id).OrderBy(x => x.Id).Select(x => x.File!).ToListAsync(ct);
    }

    public async Task<IResult> DownloadAppealFileAsync(string campaign, long id, long file, CancellationToken ct = default)
    {
        await FindAppealAsync(campaign, id, ct);
        var f = await db.Set<EvaluationAppealEvidence>().Where(x => x.AppealId == id && x.EvidenceFileId == file).Select(x => x.File!).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(new("找不到该证据文件。", "That evidence file was not found."));
        return await (store ?? throw new InvalidOperationException("No evidence store.")).DownloadAsync(f, ct);
    }

    public static string Code(AppealState s) => s.ToString().ToLowerInvariant();
    public static string Code(AppealEvent e) => e.ToString().ToLowerInvariant();

    private static DateTime Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc);
}
