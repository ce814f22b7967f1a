using System.Globalization;
using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Evaluation.Schemes;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Evaluation;

public sealed record EvaluationMonthDto(string Key, DateOnly From, DateOnly To, int? Version, DateOnly? VersionFrom);

public sealed record PointSourceDto(string Type, string Id, string Label, string? Href);

/// <summary>A row of an explanation. <paramref name="Group"/>: base, indicators, deductions or bonuses; points negative for a deduction.</summary>
public sealed record PointDto(string Rule, string RuleName, string Group, PointSourceDto? Source, string Value, decimal Points);

/// <summary>The same unit under the draft: its score, rank and list, and how its rank moved (positive: up that many places).</summary>
public sealed record WhatIfDto(int Version, decimal Score, int Rank, string List, string? ListReason, int RankChange, bool ListChanged);

/// <summary>
/// A unit's line of the ranking. <paramref name="Deductions"/> is the sum of its deduction rows (negative), <paramref name="Bonuses"/>
/// of its bonus rows; <paramref name="Points"/> only where the caller may see the unit's explanation (<paramref name="Own"/>).
/// </summary>
public sealed record UnitRankDto(string Unit, string Name, decimal Score, int Rank, string List, string? ListReason, decimal Deductions, decimal Bonuses,
    bool Own, IReadOnlyList<PointDto>? Points, WhatIfDto? WhatIf);

public sealed record UnitRefDto(string Code, string Name);

/// <summary>
/// A month's ranking as the caller may see it. <paramref name="Units"/> are in rank order; all peers for the office or where the
/// scheme publishes the ranking, else only the caller's own. <paramref name="WithinOptions"/>: the prefectures whose counties the
/// caller may compare. <paramref name="DraftVersion"/> is set for a what-if.
/// </summary>
public sealed record RankingDto(string Campaign, string Month, DateOnly From, DateOnly To, DateTime AsOfUtc, UnitRefDto? Within, int? Version, DateOnly? VersionFrom,
    int? DraftVersion, bool PublishRanking, bool Office, int Peers, IReadOnlyList<UnitRankDto> Units, IReadOnlyList<UnitRefDto> WithinOptions);

public sealed record PointGroupDto(string Group, string Name, decimal Subtotal, IReadOnlyList<PointDto> Points);

/// <summary>One unit's explanation: its line of the ranking and its rows by group, whose subtotals add up to the score.</summary>
public sealed record ExplanationDto(string Campaign, string Month, DateOnly From, DateOnly To, DateTime AsOfUtc, UnitRefDto? Within, int Version, DateOnly VersionFrom,
    int Peers, UnitRankDto Unit, IReadOnlyList<PointGroupDto> Groups);

/// <summary>
/// The monthly evaluation as users see it, for the API and the pages alike: the campaign's months, a month's ranking (the
/// prefectures, or the counties of one), and one unit's explanation, each computed once, now (the clock's instant), through
/// <see cref="EvaluationAccess"/>: the office sees everything and may ask for the what-if under the draft; anyone else their own
/// peers' explanations and the others' ranking only where the scheme publishes it. Nothing is stored.
/// </summary>
public sealed partial class MonthView(CenturionDb db, EvaluationAccess access, TimeProvider clock)
{
    public async Task<IReadOnlyList<EvaluationMonthDto>> MonthsAsync(Campaign c, CancellationToken ct = default)
    {
        var published = await SchemeVersions.PublishedAsync(db, c.Id, ct);
        return [.. EvaluationMonths.Of(c).Select(m => SchemeVersion.ApplyingTo(published, m.Month) is { } v
            ? new EvaluationMonthDto(m.Key, m.Window.From, m.Window.To, v.Number, v.From)
            : new EvaluationMonthDto(m.Key, m.Window.From, m.Window.To, null, null))];
    }

    /// <summary>The month a key names: malformed is a 400, not one of the campaign's a 404.</summary>
    public static EvaluationMonth Month(Campaign c, string? key)
    {
        if (key is null || !MonthKey().IsMatch(key.Trim())) throw DomainException.BadRequest(EvaluationText.BadMonth.With(key ?? ""));
        return EvaluationMonths.Find(c, key) ?? throw DomainException.NotFound(EvaluationText.NoMonth.With(key.Trim()));
    }

    public async Task<RankingDto> RankingAsync(Campaign c, string? month, string? within = null, bool whatIf = false, CancellationToken ct = default)
    {
        var m = Month(c, month);
        var office = await access.IsOfficeAsync(c, ct);
        if (whatIf && !office) throw new DomainException(StatusCodes.Status403Forbidden, EvaluationText.WhatIfOffice);
        var prefectures = await MonthFacts.PrefecturesAsync(db, c, ct);
        var inside = string.IsNullOrWhiteSpace(within) ? null : prefectures.FirstOrDefault(p => p.Code == within.Trim());
        var ownPrefectures = await access.OwnPeersAsync(c, prefectures, ct);
        if (!string.IsNullOrWhiteSpace(within) && (inside is null || !ownPrefectures.Contains(inside.Code)))
            throw DomainException.NotFound(EvaluationText.NoPrefecture.With(within.Trim()));

        var e = await Evaluations.ComputeAsync(db, c, m, Now, whatIf, inside, ct);
        if (whatIf && e.Draft is null) throw DomainException.NotFound(EvaluationText.NoDraft);
        var own = await access.OwnPeersAsync(c, e.Units.Values, ct);
        var names = await IndicatorNamesAsync(e, ct);
        var publish = e.Published?.Version.Scheme.PublishRanking ?? true;
        var draft = e.Draft?.Scores.ToDictionary(s => s.Unit);
        var rows = (e.Published?.Scores ?? [])
            .Where(s => office || publish || own.Contains(s.Unit))
            .Select(s => Row(c, e, s, own.Contains(s.Unit), names, draft?.GetValueOrDefault(s.Unit), e.Draft?.Version.Number)).ToList();
        var options = prefectures.Where(p => ownPrefectures.Contains(p.Code)).Select(Ref).ToList();
        return new(c.Code, m.Key, m.Window.From, m.Window.To, e.AsOfUtc, inside is null ? null : Ref(inside), e.Published?.Version.Number, e.Published?.Version.From,
            e.Draft?.Version.Number, publish, office, e.Units.Count, rows, options);
    }

    /// <summary>A unit's explanation; a prefecture is scored among the prefectures, a county among its prefecture's counties.</summary>
    public async Task<ExplanationDto> ExplainAsync(Campaign c, string? month, string code, CancellationToken ct = default)
    {
        var m = Month(c, month);
        var notFound = DomainException.NotFound(EvaluationText.NoUnit.With(code));
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == code.Trim(), ct) ?? throw notFound;
        if (!await access.IsOwnAsync(c, unit, ct)) throw notFound;
        Unit? within = null;
        if (unit.Level != UnitLevel.Prefecture)
            within = await db.UnitLinks.Where(l => l.DescendantId == unit.Id).Join(db.Units, l => l.AncestorId, u => u.Id, (l, u) => u)
                .FirstOrDefaultAsync(u => u.Level == UnitLevel.Prefecture, ct) ?? throw notFound;

        var e = await Evaluations.ComputeAsync(db, c, m, Now, withDraft: false, within, ct);
        var score = e.Published?.Scores.FirstOrDefault(s => s.Unit == unit.Code) ?? throw notFound;
        var row = Row(c, e, score, own: true, await IndicatorNamesAsync(e, ct), null, null);
        var groups = EvaluationText.Groups.Select(g => (g, Points: row.Points!.Where(p => p.Group == g).ToList()))
            .Select(g => new PointGroupDto(g.g, EvaluationText.Group(g.g), g.Points.Sum(p => p.Points), g.Points)).ToList();
        return new(c.Code, m.Key, m.Window.From, m.Window.To, e.AsOfUtc, within is null ? null : Ref(within), e.Published!.Version.Number, e.Published.Version.From,
            e.Units.Count, row, groups);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static UnitRefDto Ref(Unit u) => new(u.Code, u.Name(Lang.IsEnglish));

    private async Task<Dictionary<string, Indicator>> IndicatorNamesAsync(MonthEvaluation e, CancellationToken ct)
    {
        var codes = new[] { e.Published, e.Draft }.Where(v => v is not null).SelectMany(v => v!.Version.Scheme.Indicators).Select(r => r.Indicator).Distinct().ToList();
        return await db.Indicators.Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct);
    }

    private static UnitRankDto Row(Campaign c, MonthEvaluation e, UnitScore s, bool own, Dictionary<string, Indicator> indicators, UnitScore? draft, int? draftVersion)
    {
        var unit = e.Units[s.Unit];
        var points = s.Points.Select(p => Point(c, e, p, indicators)).ToList();
        var whatIf = draft is null ? null : new WhatIfDto(draftVersion!.Value, draft.Score, draft.Rank, EvaluationText.Code(draft.List), EvaluationText.Reason(draft.ListReason),
            s.Rank - draft.Rank, draft.List != s.List);
        return new(s.Unit, unit.Name(Lang.IsEnglish), s.Score, s.Rank, EvaluationText.Code(s.List), EvaluationText.Reason(s.ListReason),
            points.Where(p => p.Group == "deductions").Sum(p => p.Points), points.Where(p => p.Group == "bonuses").Sum(p => p.Points),
            own, own ? points : null, whatIf);
    }

    private static PointDto Point(Campaign c, MonthEvaluation e, PointRow p, Dictionary<string, Indicator> indicators)
    {
        PointSourceDto? source = p.Source is { } s ? new(s.Type, s.Id, Label(e, s, indicators), SourceLinks.Href(c.Code, s)) : null;
        return new(p.Rule, EvaluationText.RuleName(p.Rule, code => indicators.GetValueOrDefault(code)?.Name(Lang.IsEnglish)), EvaluationText.GroupOf(p), source,
            EvaluationText.ValueText(p.Value), p.Points);
    }

    /// <summary>A figure's label in the reader's language (the unit and the indicator); the other sources' labels are their records' own words.</summary>
    private static string Label(MonthEvaluation e, SourceRef s, Dictionary<string, Indicator> indicators)
    {
        if (s.Type != "figure") return s.Label;
        var parts = s.Id.Split('/');
        if (parts.Length != 5 || !e.Units.TryGetValue(parts[1], out var unit) || !indicators.TryGetValue(parts[2], out var indicator)) return s.Label;
        return $"{unit.Name(Lang.IsEnglish)} · {indicator.Name(Lang.IsEnglish)} ({parts[3]} – {parts[4]})";
    }

    /// <summary>The ranking as spreadsheet rows, with the what-if's columns when it has them.</summary>
    public static IEnumerable<IDictionary<string, object?>> Export(RankingDto r) => r.Units.Select(u =>
    {
        var row = new Dictionary<string, object?>
        {
            [EvaluationText.Rank] = u.Rank, [Ui.Code] = u.Unit, [EvaluationText.Unit] = u.Name, [EvaluationText.Score] = u.Score,
            [EvaluationText.Deductions] = u.Deductions, [EvaluationText.Bonuses] = u.Bonuses,
            [EvaluationText.List] = (string)EvaluationText.ListName(Enum.Parse<ListName>(u.List, ignoreCase: true)), [EvaluationText.ListReason] = u.ListReason,
        };
        if (u.WhatIf is { } w)
        {
            row[$"{EvaluationText.Draft} {EvaluationText.Score}"] = w.Score;
            row[$"{EvaluationText.Draft} {EvaluationText.Rank}"] = w.Rank;
            row[$"{EvaluationText.Draft} {EvaluationText.Change}"] = EvaluationText.RankChange(w.RankChange);
            row[$"{EvaluationText.Draft} {EvaluationText.List}"] = (string)EvaluationText.ListName(Enum.Parse<ListName>(w.List, ignoreCase: true));
            row[$"{EvaluationText.Draft} {EvaluationText.ListReason}"] = w.ListReason;
        }
        return (IDictionary<string, object?>)row;
    });

    /// <summary>The explanation as spreadsheet rows: one per point, then each group's subtotal and the total.</summary>
    public static IEnumerable<IDictionary<string, object?>> Export(ExplanationDto x)
    {
        IDictionary<string, object?> Line(string group, string rule, PointSourceDto? s, string value, decimal points) => new Dictionary<string, object?>
        {
            [EvaluationText.Unit] = $"{x.Unit.Name} {x.Unit.Unit}", [EvaluationText.Month] = x.Month, [EvaluationText.GroupTitle] = group,
            [EvaluationText.Rule] = rule, [EvaluationText.Source] = s is null ? "" : $"{EvaluationText.SourceType(s.Type)}: {s.Label}",
            ["URL"] = s?.Href, [EvaluationText.Value] = value, [EvaluationText.Points] = points,
        };
        foreach (var g in x.Groups)
        {
            foreach (var p in g.Points) yield return Line(g.Name, p.RuleName, p.Source, p.Value, p.Points);
            yield return Line(g.Name, EvaluationText.Subtotal, null, "", g.Subtotal);
        }
        yield return Line("", EvaluationText.Total, null, EvaluationText.RankOf.Format(x.Unit.Rank, x.Peers), x.Unit.Score);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthKey();
}
