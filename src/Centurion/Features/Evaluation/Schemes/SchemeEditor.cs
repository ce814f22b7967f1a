using System.Globalization;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Evaluation.Schemes;

/// <summary>A scheme version in the list: its number, the month it applies from (<c>2022-09</c>), its state and who published it.</summary>
public sealed record SchemeVersionRow(int Number, string FromMonth, string State, string? PublishedBy, DateTime? PublishedUtc, int Version);

/// <summary>A step of a version's history: drafted, edited or published, by whom and when.</summary>
public sealed record SchemeChangeDto(DateTime AtUtc, string By, string Event);

/// <summary>A scheme version with its rules as the scheme JSON (the README's schema), its history, and what the caller may do.</summary>
public sealed record SchemeVersionDto(int Number, string FromMonth, string State, string? PublishedBy, DateTime? PublishedUtc, int Version,
    JsonElement Scheme, IReadOnlyList<SchemeChangeDto> History, bool MayEdit);

/// <summary>
/// The draft's new rules and month: <c>fromMonth</c> as <c>YYYY-MM</c>, <c>scheme</c> as the scheme JSON (the README's schema,
/// read strictly), and the <c>version</c> the caller saw (409 if the draft moved on since).
/// </summary>
public sealed record SchemeDraftInput(string? FromMonth, JsonElement Scheme, int? Version = null);

/// <summary>
/// The management of a campaign's scoring scheme, for the API and the page alike: the versions and their history, the draft's
/// edits (whole, from the form or from an imported JSON export), a new draft copied from the latest published version, and
/// publishing. The campaign office (<see cref="EvaluationAccess.IsOfficeAsync"/>) sees every version and alone changes them (403
/// for anyone else); anyone taking part in the campaign reads the published versions (a unit must know the rules it is scored by),
/// while the draft is "not found" for them. Nothing is ever deleted: a published version stays, and a draft is only replaced by
/// its next edit or published.
/// </summary>
public sealed class SchemeEditor(CenturionDb db, EvaluationAccess access, Actor actor, TimeProvider clock)
{
    public static readonly Phrase NotOffice = new("只有本行动的专班可以修改计分方案。", "Only the campaign office may change the scoring scheme.");
    public static readonly Phrase NoVersion = new("找不到该计分方案版本。", "That scheme version was not found.");
    public static readonly Phrase NoDraft = new("没有草稿；请先新建草稿。", "There is no draft; start one first.");
    public static readonly Phrase DraftExists = new("已有草稿，请修改该草稿。", "There is a draft already: edit it.");
    public static readonly Phrase NothingPublished = new("尚无已发布版本可复制；请直接填写草稿。", "No version is published to copy; write the draft instead.");
    public static readonly Phrase Stale = new("草稿已被他人修改，请刷新后重做。", "The draft changed meanwhile; reload it and make the change again.");
    public static readonly Phrase BadMonth = new("请用 YYYY-MM 格式填写月份", "use YYYY-MM for the month");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<bool> IsOfficeAsync(Campaign c, CancellationToken ct = default) => access.IsOfficeAsync(c, ct);

    /// <summary>The campaign of that code among those the caller takes part in (404 otherwise).</summary>
    public Task<Campaign> CampaignAsync(string code, CancellationToken ct = default) => CampaignOperations.FindAsync(db, access.Scope, code, ct);

    /// <summary>The versions the caller may read, newest first: all for the office, the published ones for anyone else.</summary>
    public async Task<IReadOnlyList<SchemeVersionRow>> ListAsync(Campaign c, CancellationToken ct = default)
    {
        var office = await access.IsOfficeAsync(c, ct);
        var rows = await db.Set<ScoringSchemeVersion>().Where(v => v.CampaignId == c.Id && (office || v.State == SchemeState.Published))
            .OrderByDescending(v => v.Number).ToListAsync(ct);
        return [.. rows.Select(v => new SchemeVersionRow(v.Number, Month(v.FromMonth), Code(v.State), v.PublishedBy, Utc(v.PublishedUtc), v.Version))];
    }

    /// <summary>One version the caller may read (a draft is "not found" for anyone but the office).</summary>
    public async Task<SchemeVersionDto> GetAsync(Campaign c, int number, CancellationToken ct = default)
    {
        var office = await access.IsOfficeAsync(c, ct);
        var v = await FindAsync(c, number, office, ct);
        return Describe(v, office);
    }

    /// <summary>The version's scheme JSON exactly as stored, the text an export downloads and an import takes back.</summary>
    public async Task<string> ExportAsync(Campaign c, int number, CancellationToken ct = default) =>
        (await FindAsync(c, number, await access.IsOfficeAsync(c, ct), ct)).Body;

    /// <summary>The draft, if there is one and the caller is the office.</summary>
    public async Task<SchemeVersionDto?> DraftAsync(Campaign c, CancellationToken ct = default)
    {
        if (!await access.IsOfficeAsync(c, ct)) return null;
        var v = await Versions(c).Where(v => v.State == SchemeState.Draft).Include(v => v.History).FirstOrDefaultAsync(ct);
        return v is null ? null : Describe(v, true);
    }

    /// <summary>Every version the caller may read, with its history, newest first (for the page).</summary>
    public async Task<IReadOnlyList<SchemeVersionDto>> AllAsync(Campaign c, CancellationToken ct = default)
    {
        var office = await access.IsOfficeAsync(c, ct);
        var rows = await Versions(c).Where(v => office || v.State == SchemeState.Published).Include(v => v.History).AsSplitQuery()
            .OrderByDescending(v => v.Number).ToListAsync(ct);
        return [.. rows.Select(v => Describe(v, office))];
    }

    /// <summary>The API's whole edit: the scheme JSON read strictly (422 by field path), then as <see cref="SaveDraftAsync"/>.</summary>
    public Task<SchemeVersionDto> PutDraftAsync(Campaign c, SchemeDraftInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var from = ParseMonth(input.FromMonth, errors);
        Scheme? scheme = null;
        if (input.Scheme.ValueKind != JsonValueKind.Object) errors.Add("scheme", new("请提供计分方案对象", "give the scheme as an object"));
        else
        {
            try { scheme = SchemeJson.Parse(input.Scheme.GetRawText()); }
            catch (DomainException e) when (e.Errors is not null) { foreach (var (k, v) in e.Errors) foreach (var m in v) errors.Add(k, new(m, m)); }
        }
        if (errors.Any && scheme is not null) foreach (var (k, v) in scheme.Problems()) foreach (var m in v) errors.Add(k, new(m, m)); // all at once
        errors.ThrowIfAny(SchemeJson.Invalid);
        return SaveDraftAsync(c, from, scheme!, input.Version, ct);
    }

    /// <summary>
    /// Writes the draft: creates it, as the next version number, when the campaign has none, else edits it. Refused for anyone
    /// but the office (403), for a stale <paramref name="version"/> (409), and for an unsound scheme, an unknown indicator or a
    /// month outside the campaign (422 by field path).
    /// </summary>
    public async Task<SchemeVersionDto> SaveDraftAsync(Campaign c, DateOnly? fromMonth, Scheme scheme, int? version, CancellationToken ct = default)
    {
        await MustBeOfficeAsync(c, ct);
        var errors = new FieldErrors();
        foreach (var (k, v) in scheme.Problems()) foreach (var m in v) errors.Add(k, new(m, m));
        var known = (await CampaignOperations.IndicatorsAsync(db, c.Id, ct)).Select(i => i.Code).ToHashSet();
        for (var i = 0; i < scheme.Indicators.Count; i++)
            if (!string.IsNullOrWhiteSpace(scheme.Indicators[i].Indicator) && !known.Contains(scheme.Indicators[i].Indicator))
                errors.Add($"indicators[{i}].indicator", new($"本行动没有指标 {scheme.Indicators[i].Indicator}", $"the campaign has no indicator {scheme.Indicators[i].Indicator}"));
        var draft = await Versions(c).Where(v => v.State == SchemeState.Draft).Include(v => v.History).FirstOrDefaultAsync(ct);
        if (fromMonth is null && draft is null && !errors.Has("fromMonth")) errors.Add("fromMonth", BadMonth);
        errors.ThrowIfAny(SchemeJson.Invalid);
        if (draft is null)
        {
            var number = (await Versions(c).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
            draft = ScoringSchemeVersion.Draft(c, number, fromMonth!.Value, scheme, actor.Name, Now);
            db.Add(draft);
        }
        else
        {
            if (version is { } seen && seen != draft.Version) throw DomainException.Conflict(Stale);
            draft.Edit(scheme, fromMonth ?? draft.FromMonth, actor.Name, Now);
        }
        await SaveAsync(ct);
        return Describe(draft, true);
    }

    /// <summary>Imports an export's text into the draft (creating it if none): strict, so an unknown member is a 422 naming its path.</summary>
    public Task<SchemeVersionDto> ImportAsync(Campaign c, string json, DateOnly? fromMonth, int? version, CancellationToken ct = default) =>
        SaveDraftAsync(c, fromMonth, SchemeJson.Parse(json), version, ct);

    /// <summary>
    /// A new draft, copied from the latest published version, applying from <paramref name="fromMonth"/> or else the month after
    /// that version's. 409 if the campaign has a draft already or nothing is published.
    /// </summary>
    public async Task<SchemeVersionDto> NewDraftAsync(Campaign c, DateOnly? fromMonth, CancellationToken ct = default)
    {
        await MustBeOfficeAsync(c, ct);
        if (await Versions(c).AnyAsync(v => v.State == SchemeState.Draft, ct)) throw DomainException.Conflict(DraftExists);
        var latest = await Versions(c).Where(v => v.State == SchemeState.Published).OrderByDescending(v => v.FromMonth).ThenByDescending(v => v.Number).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Conflict(NothingPublished);
        var number = await Versions(c).MaxAsync(v => v.Number, ct) + 1;
        var draft = ScoringSchemeVersion.Draft(c, number, fromMonth ?? latest.FromMonth.AddMonths(1), latest.Scheme, actor.Name, Now);
        db.Add(draft);
        await SaveAsync(ct);
        return Describe(draft, true);
    }

    /// <summary>Publishes the draft (its month must come after every published version's); 409 if there is none or it moved on.</summary>
    public async Task<SchemeVersionDto> PublishAsync(Campaign c, int? version, CancellationToken ct = default)
    {
        await MustBeOfficeAsync(c, ct);
        var draft = await Versions(c).Where(v => v.State == SchemeState.Draft).Include(v => v.History).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Conflict(NoDraft);
        if (version is { } seen && seen != draft.Version) throw DomainException.Conflict(Stale);
        var published = await Versions(c).Where(v => v.State == SchemeState.Published).ToListAsync(ct);
        draft.Publish(published, actor.Name, Now);
        await SaveAsync(ct);
        return Describe(draft, true);
    }

    /// <summary><c>YYYY-MM</c> as the month's first day; blank is null; anything else an error on <c>fromMonth</c>.</summary>
    public static DateOnly? ParseMonth(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add("fromMonth", BadMonth);
        return null;
    }

    public static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Code(SchemeState s) => s == SchemeState.Draft ? "draft" : "published";

    public static string Code(SchemeEvent e) => e switch { SchemeEvent.Drafted => "drafted", SchemeEvent.Edited => "edited", _ => "published" };

    private IQueryable<ScoringSchemeVersion> Versions(Campaign c) => db.Set<ScoringSchemeVersion>().Where(v => v.CampaignId == c.Id);

    private async Task<ScoringSchemeVersion> FindAsync(Campaign c, int number, bool office, CancellationToken ct) =>
        await Versions(c).Where(v => v.Number == number && (office || v.State == SchemeState.Published)).Include(v => v.History).FirstOrDefaultAsync(ct)
        ?? throw DomainException.NotFound(NoVersion);

    private async Task MustBeOfficeAsync(Campaign c, CancellationToken ct)
    {
        if (!await access.IsOfficeAsync(c, ct)) throw new DomainException(StatusCodes.Status403Forbidden, NotOffice);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try { await db.InTransactionAsync(c => db.SaveChangesAsync(c), ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Conflict(Stale); }
        catch (DbUpdateException) { throw DomainException.Conflict(Stale); } // another draft took the same number at the same moment
    }

    private static SchemeVersionDto Describe(ScoringSchemeVersion v, bool office)
    {
        using var doc = JsonDocument.Parse(v.Body);
        return new(v.Number, Month(v.FromMonth), Code(v.State), v.PublishedBy, Utc(v.PublishedUtc), v.Version, doc.RootElement.Clone(),
            [.. v.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new SchemeChangeDto(Utc(h.AtUtc), h.By, Code(h.Event)))], office && v.IsDraft);
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? t) => t is { } v ? Utc(v) : null;
}
