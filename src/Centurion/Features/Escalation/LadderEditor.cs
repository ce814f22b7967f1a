using System.Globalization;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Escalation.Rules;
using Centurion.Features.Evaluation.Schemes;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Escalation;

public sealed record LadderChangeDto(DateTime AtUtc, string By, string Event);

/// <summary>A ladder version with its rules as the ladder JSON (the README's schema), its history, and whether the caller may edit it.</summary>
public sealed record LadderVersionDto(int Number, string FromMonth, string State, string? PublishedBy, DateTime? PublishedUtc, int Version,
    JsonElement Ladder, IReadOnlyList<LadderChangeDto> History, bool MayEdit);

/// <summary>The draft's new rules and month: <c>fromMonth</c> as <c>YYYY-MM</c>, <c>ladder</c> as the ladder JSON (read strictly), the <c>version</c> seen.</summary>
public sealed record LadderDraftInput(string? FromMonth, JsonElement Ladder, int? Version = null);

/// <summary>
/// The management of a campaign's escalation ladder, on the scoring scheme editor's pattern: the versions and their history,
/// the draft's edits (whole or from an imported export), a new draft from the latest published version (or, when none is, from
/// <see cref="Ladder.Standard"/>), and publishing. The campaign office alone sees the draft and changes anything (403); anyone
/// taking part reads the published versions, the rules a unit is escalated by.
/// </summary>
public sealed class LadderEditor(CenturionDb db, EscalationAccess access, Actor actor, TimeProvider clock)
{
    public static readonly Phrase NoVersion = new("找不到该升级规则版本。", "That ladder version was not found.");
    public static readonly Phrase NoDraft = new("没有草稿；请先新建草稿。", "There is no draft; start one first.");
    public static readonly Phrase DraftExists = new("已有草稿，请修改该草稿。", "There is a draft already: edit it.");
    public static readonly Phrase Stale = new("草稿已被他人修改，请刷新后重做。", "The draft changed meanwhile; reload it and make the change again.");
    public static readonly Phrase BadMonth = SchemeEditor.BadMonth;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<LadderVersion> Versions(Campaign c) => db.Set<LadderVersion>().Where(v => v.CampaignId == c.Id);

    public async Task<IReadOnlyList<LadderVersionDto>> ListAsync(Campaign c, CancellationToken ct = default)
    {
        var office = await access.IsOfficeAsync(c, ct);
        var rows = await Versions(c).Where(v => office || v.State == LadderState.Published).Include(v => v.History).AsSplitQuery()
            .OrderByDescending(v => v.Number).ToListAsync(ct);
        return [.. rows.Select(v => Describe(v, office))];
    }

    public async Task<LadderVersionDto> GetAsync(Campaign c, int number, CancellationToken ct = default)
    {
        var office = await access.IsOfficeAsync(c, ct);
        return Describe(await FindAsync(c, number, office, ct), office);
    }

    public async Task<string> ExportAsync(Campaign c, int number, CancellationToken ct = default) =>
        (await FindAsync(c, number, await access.IsOfficeAsync(c, ct), ct)).Body;

    /// <summary>The API's whole edit: the ladder JSON read strictly (422 by field path), then as <see cref="SaveDraftAsync"/>.</summary>
    public Task<LadderVersionDto> PutDraftAsync(Campaign c, LadderDraftInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var from = ParseMonth(input.FromMonth, errors);
        Ladder? ladder = null;
        if (input.Ladder.ValueKind != JsonValueKind.Object) errors.Add("ladder", new("请提供升级规则对象", "give the ladder as an object"));
        else
        {
            try { ladder = LadderJson.Parse(input.Ladder.GetRawText()); }
            catch (DomainException e) when (e.Errors is not null) { foreach (var (k, v) in e.Errors) foreach (var m in v) errors.Add($"ladder.{k}", new(m, m)); }
        }
        errors.ThrowIfAny(LadderJson.Invalid);
        return SaveDraftAsync(c, from, ladder!, input.Version, ct);
    }

    /// <summary>Writes the draft (creating it as the next number when there is none): 403 for anyone but the office, 409 stale, 422 by field.</summary>
    public async Task<LadderVersionDto> SaveDraftAsync(Campaign c, DateOnly? fromMonth, Ladder ladder, int? version, CancellationToken ct = default)
    {
        await access.RequireOfficeAsync(c, ct);
        var errors = new FieldErrors();
        foreach (var (k, v) in ladder.Problems()) foreach (var m in v) errors.Add($"ladder.{k}", new(m, m));
        var draft = await Versions(c).Where(v => v.State == LadderState.Draft).Include(v => v.History).FirstOrDefaultAsync(ct);
        if (fromMonth is null && draft is null && !errors.Has("fromMonth")) errors.Add("fromMonth", BadMonth);
        errors.ThrowIfAny(LadderJson.Invalid);
        if (draft is null)
        {
            var number = (await Versions(c).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
            draft = LadderVersion.Draft(c, number, fromMonth!.Value, ladder, actor.Name, Now);
            db.Add(draft);
        }
        else
        {
            if (version is { } seen && seen != draft.Version) throw DomainException.Conflict(Stale);
            draft.Edit(ladder, fromMonth ?? draft.FromMonth, actor.Name, Now);
        }
        await SaveAsync(ct);
        return Describe(draft, true);
    }

    public Task<LadderVersionDto> ImportAsync(Campaign c, string json, DateOnly? fromMonth, int? version, CancellationToken ct = default) =>
        SaveDraftAsync(c, fromMonth, LadderJson.Parse(json), version, ct);

    /// <summary>A new draft from the latest published version (or the standard ladder when none is), from <paramref name="fromMonth"/>, the month after that version's, or the campaign's first month. 409 if a draft exists.</summary>
    public async Task<LadderVersionDto> NewDraftAsync(Campaign c, DateOnly? fromMonth, CancellationToken ct = default)
    {
        await access.RequireOfficeAsync(c, ct);
        if (await Versions(c).AnyAsync(v => v.State == LadderState.Draft, ct)) throw DomainException.Conflict(DraftExists);
        var latest = await Versions(c).Where(v => v.State == LadderState.Published).OrderByDescending(v => v.FromMonth).ThenByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var number = (await Versions(c).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var draft = LadderVersion.Draft(c, number, fromMonth ?? latest?.FromMonth.AddMonths(1) ?? c.StartDate, latest?.Ladder ?? Ladder.Standard, actor.Name, Now);
        db.Add(draft);
        await SaveAsync(ct);
        return Describe(draft, true);
    }

    public async Task<LadderVersionDto> PublishAsync(Campaign c, int? version, CancellationToken ct = default)
    {
        await access.RequireOfficeAsync(c, ct);
        var draft = await Versions(c).Where(v => v.State == LadderState.Draft).Include(v => v.History).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Conflict(NoDraft);
        if (version is { } seen && seen != draft.Version) throw DomainException.Conflict(Stale);
        draft.Publish(await Versions(c).Where(v => v.State == LadderState.Published).ToListAsync(ct), actor.Name, Now);
        await SaveAsync(ct);
        return Describe(draft, true);
    }

    /// <summary><c>YYYY-MM</c> as the month's first day, read as the scoring scheme's editor reads it (<see cref="SchemeEditor.ParseMonth"/>).</summary>
    public static DateOnly? ParseMonth(string? text, FieldErrors errors) => SchemeEditor.ParseMonth(text, errors);

    private async Task<LadderVersion> FindAsync(Campaign c, int number, bool office, CancellationToken ct) =>
        await Versions(c).Where(v => v.Number == number && (office || v.State == LadderState.Published)).Include(v => v.History).FirstOrDefaultAsync(ct)
        ?? throw DomainException.NotFound(NoVersion);

    private async Task SaveAsync(CancellationToken ct)
    {
        try { await db.InTransactionAsync(c => db.SaveChangesAsync(c), ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); throw DomainException.Conflict(Stale); } // stale, or another draft took the number
    }

    private static LadderVersionDto Describe(LadderVersion v, bool office)
    {
        using var doc = JsonDocument.Parse(v.Body);
        return new(v.Number, v.FromMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), v.IsDraft ? "draft" : "published", v.PublishedBy,
            v.PublishedUtc is { } p ? Escalations.Utc(p) : null, v.Version, doc.RootElement.Clone(),
            [.. v.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new LadderChangeDto(Escalations.Utc(h.AtUtc), h.By, h.Event.ToString().ToLowerInvariant()))],
            office && v.IsDraft);
    }
}
