using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Evaluation.Incidents;

/// <summary>A negative incident as the API takes it: <c>kind</c> is the kind of incident (群体性事件, 涉警舆情…).</summary>
public sealed record IncidentInput(string? Unit, DateOnly? Date, string? Kind, bool? Major, string? Description);
public sealed record CommendationInput(string? Unit, DateOnly? Date, string? Description, string? AwardedBy);
public sealed record WithdrawalInput(string? Reason, int? Version = null);

public sealed record RegisterChangeDto(DateTime AtUtc, string By, string Event, string? Text);
public sealed record RegisterEntryDto(long Id, string Type, string Campaign, string Unit, string UnitName, DateOnly Date, string? Kind, bool Major,
    string Description, string? AwardedBy, string RecordedBy, DateTime RecordedUtc, bool Withdrawn, string? WithdrawnBy, DateTime? WithdrawnUtc,
    string? WithdrawReason, IReadOnlyList<RegisterChangeDto> History, int Version, IReadOnlyList<string> Actions);

/// <summary>
/// A campaign's register of negative incidents and commendations, for the API and the pages alike. An entry is seen by the
/// users whose subtree holds its unit (the campaign office, at or above the campaign's root, sees all); out of scope it is
/// "not found". Only the campaign office records and withdraws (403).
/// </summary>
public sealed class IncidentRegister(CenturionDb db, CallerScope scope, EvaluationAccess access, Actor actor, TimeProvider clock)
{
    /// <summary>An entry's page, which an evaluation's explanation links a point to.</summary>
    public static string PagePath(string campaign, long id) => $"/campaigns/{campaign}/evaluation/incidents/{id}";

    /// <summary>The register's page, optionally filtered by type (<c>incident</c> or <c>commendation</c>).</summary>
    public static string ListPath(string campaign, string? type = null) => $"/campaigns/{campaign}/evaluation/incidents{(type is null ? "" : "?type=" + type)}";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IQueryable<RegisterEntry> Visible(Campaign c) => scope.Within(db, db.Set<RegisterEntry>().Where(e => e.CampaignId == c.Id));

    /// <summary>The campaign office of the unit that runs the campaign (or of a unit above it).</summary>
    public Task<bool> IsOfficeAsync(Campaign c, CancellationToken ct = default) => access.IsOfficeAsync(c, ct);

    private async Task RequireOfficeAsync(Campaign c, CancellationToken ct)
    {
        if (!await IsOfficeAsync(c, ct))
            throw new DomainException(StatusCodes.Status403Forbidden, new("负面事件和表扬由行动专班登记和撤销。", "Incidents and commendations are recorded and withdrawn by the campaign office."));
    }

    public async Task<IReadOnlyList<RegisterEntryDto>> ListAsync(Campaign c, RegisterType? type, CancellationToken ct = default)
    {
        var rows = Visible(c);
        if (type is { } t) rows = rows.Where(e => e.Type == t);
        var entries = await rows.Include(e => e.Unit).Include(e => e.History).AsSplitQuery().ToListAsync(ct);
        return [.. entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Select(e => Describe(c, e, []))];
    }

    public async Task<RegisterEntryDto> GetAsync(Campaign c, RegisterType? type, long id, CancellationToken ct = default)
    {
        var entry = await FindAsync(c, type, id, ct);
        return Describe(c, entry, await ActionsAsync(c, entry, ct));
    }

    public Task<RegisterEntryDto> RecordIncidentAsync(Campaign c, IncidentInput i, CancellationToken ct = default) =>
        RecordAsync(c, RegisterType.Incident, i.Unit, new(i.Date, i.Kind, i.Major ?? false, i.Description, null), ct);

    public Task<RegisterEntryDto> RecordCommendationAsync(Campaign c, CommendationInput i, CancellationToken ct = default) =>
        RecordAsync(c, RegisterType.Commendation, i.Unit, new(i.Date, null, false, i.Description, i.AwardedBy), ct);

    private async Task<RegisterEntryDto> RecordAsync(Campaign c, RegisterType type, string? unit, RegisterFields fields, CancellationToken ct)
    {
        await RequireOfficeAsync(c, ct);
        var errors = new FieldErrors();
        int? unitId = null;
        if (string.IsNullOrWhiteSpace(unit)) errors.Add("unit", new("请填写单位代码", "give the unit's code"));
        else
        {
            var code = unit.Trim();
            unitId = await CallerScope.Subtree(db, c.RootUnitId).Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (unitId is null) errors.Add("unit", new($"{code} 不是本行动范围内的单位", $"{code} is not a unit of this campaign"));
        }
        var entry = RegisterEntry.Record(type, c, unitId, fields, actor.Name, Now, errors);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return await GetAsync(c, type, entry.Id, ct);
    }

    public async Task<RegisterEntryDto> WithdrawAsync(Campaign c, RegisterType? type, long id, WithdrawalInput input, CancellationToken ct = default)
    {
        var entry = await FindAsync(c, type, id, ct);
        await RequireOfficeAsync(c, ct);
        if (input.Version is { } v && v != entry.Version) throw Stale();
        entry.Withdraw(input.Reason, actor.Name, Now);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw Stale();
        }
        return Describe(c, entry, await ActionsAsync(c, entry, ct));
    }

    private static DomainException Stale() =>
        DomainException.Conflict(new("该登记已被他人修改，请刷新后重试。", "Someone else changed the entry; reload and try again."));

    private async Task<RegisterEntry> FindAsync(Campaign c, RegisterType? type, long id, CancellationToken ct) =>
        await Visible(c).Where(e => type == null || e.Type == type).Include(e => e.Unit).Include(e => e.History).AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id, ct)
        ?? throw DomainException.NotFound(new($"找不到登记 {id}。", $"Entry {id} was not found."));

    private async Task<IReadOnlyList<string>> ActionsAsync(Campaign c, RegisterEntry e, CancellationToken ct) =>
        !e.IsWithdrawn && await IsOfficeAsync(c, ct) ? ["withdraw"] : [];

    /// <summary>A major incident in the register (not withdrawn), for features that react to one (the escalation ladder). No scope check.</summary>
    public sealed record MajorIncident(long Id, string Unit, DateOnly Date, string Kind, string Description);

    /// <summary>The campaign's major negative incidents that stand (withdrawn ones left out), by date.</summary>
    public static async Task<IReadOnlyList<MajorIncident>> MajorIncidentsAsync(CenturionDb db, int campaignId, CancellationToken ct = default) =>
        [.. (await db.Set<RegisterEntry>().Where(e => e.CampaignId == campaignId && e.Type == RegisterType.Incident && e.Major && e.WithdrawnUtc == null)
            .Select(e => new { e.Id, e.Unit!.Code, e.Date, e.Kind, e.Description }).ToListAsync(ct))
            .OrderBy(e => e.Date).ThenBy(e => e.Id).Select(e => new MajorIncident(e.Id, e.Code, e.Date, e.Kind ?? "", e.Description))];

    public static string Code(RegisterType t) => t == RegisterType.Incident ? "incident" : "commendation";

    public static RegisterType? ParseType(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "incident" or "incidents" => RegisterType.Incident,
        "commendation" or "commendations" => RegisterType.Commendation,
        _ => null,
    };

    private static RegisterEntryDto Describe(Campaign c, RegisterEntry e, IReadOnlyList<string> actions) => new(e.Id, Code(e.Type), c.Code,
        e.Unit!.Code, e.Unit.Name(Lang.IsEnglish), e.Date, e.Kind, e.Major, e.Description, e.AwardedBy, e.RecordedBy, Utc(e.RecordedUtc), e.IsWithdrawn,
        e.WithdrawnBy, e.WithdrawnUtc is { } w ? Utc(w) : null, e.WithdrawReason,
        [.. e.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new RegisterChangeDto(Utc(h.AtUtc), h.By, h.Event == RegisterEvent.Recorded ? "recorded" : "withdrawn", h.Text))],
        e.Version, actions);

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
