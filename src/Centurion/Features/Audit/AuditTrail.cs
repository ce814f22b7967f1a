using System.Globalization;
using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Audit;

/// <summary>What the audit page asks for, as typed in its query string; <see cref="AuditTrail.ReadAsync"/> checks it.</summary>
public sealed record AuditQuery(string? Unit, string? User, string? Entity, string? From, string? To, string? Before, string? After, string? Size);

/// <summary>One audit row as the page shows it: its fields, and a link to the audited thing where that has a page.</summary>
public sealed record AuditLine(AuditEntry Entry, IReadOnlyList<FieldChange> Fields, string? Link);

/// <summary>One page of audit rows, newest first, with the keys to ask for the pages either side.</summary>
public sealed record AuditPage(IReadOnlyList<AuditLine> Lines, long? Newer, long? Older, int Size);

/// <summary>The audit trail of the caller's subtree, filtered and paged by key (rows are only ever appended).</summary>
public static class AuditTrail
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>The names of the audited entities, as stored in <see cref="AuditEntry.Entity"/>.</summary>
    public static IReadOnlyList<string> Entities(CenturionDb db) =>
        [.. db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.ClrType != typeof(AuditEntry) && !t.ClrType.IsDefined(typeof(NotAuditedAttribute), false))
            .Select(t => t.ClrType.Name).Distinct().Order()];

    /// <summary>Ledger rows, and their history rows, link to the ledger entry's page: its address and the field holding its key.</summary>
    private static readonly Dictionary<string, (string Path, string Key)> LedgerPages = new()
    {
        ["KeyPlace"] = ("/ledgers/key-places/", "Id"),
        ["KeyPlaceStateChange"] = ("/ledgers/key-places/", "KeyPlaceId"),
        ["PatrolVisit"] = ("/ledgers/visits/", "Id"),
        ["NightOperation"] = ("/ledgers/night-operations/", "Id"),
        ["Dispute"] = ("/ledgers/disputes/", "Id"),
        ["DisputeChange"] = ("/ledgers/disputes/", "DisputeId"),
        ["Hazard"] = ("/ledgers/hazards/", "Id"),
        ["HazardChange"] = ("/ledgers/hazards/", "HazardId"),
        ["TroubleSpot"] = ("/ledgers/trouble-spots/", "Id"),
        ["TroubleSpotChange"] = ("/ledgers/trouble-spots/", "TroubleSpotId"),
    };

    public static async Task<AuditPage> ReadAsync(CenturionDb db, CallerScope scope, AuditQuery query, CancellationToken ct = default)
    {
        var problems = new List<Phrase>();
        var from = Date(query.From, Ui.From, problems);
        var to = Date(query.To, Ui.To, problems);
        if (from > to) problems.Add(new($"起始日期 {from:yyyy-MM-dd} 晚于截止日期 {to:yyyy-MM-dd}。", $"The start date {from:yyyy-MM-dd} is after the end date {to:yyyy-MM-dd}."));
        var before = Key(query.Before, "before", problems);
        var after = Key(query.After, "after", problems);
        var size = DefaultSize;
        if (!string.IsNullOrWhiteSpace(query.Size) && !(int.TryParse(query.Size, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxSize))
            problems.Add(new($"每页条数应为 1 至 {MaxSize} 的整数，而不是“{query.Size}”。", $"The page size must be a whole number from 1 to {MaxSize}, not \"{query.Size}\"."));
        var entity = query.Entity?.Trim();
        if (!string.IsNullOrEmpty(entity) && !Entities(db).Contains(entity))
            problems.Add(new($"没有名为“{entity}”的审计对象。", $"There is no audited entity called \"{entity}\"."));
        if (problems.Count > 0)
            throw new DomainException(StatusCodes.Status400BadRequest, new(string.Join(" ", problems.Select(p => p.Zh)), string.Join(" ", problems.Select(p => p.En))));

        // The caller's subtree, or a unit within it; rows that belong to no unit (lines, roles, keys) show only when no unit is chosen.
        var anyUnit = string.IsNullOrWhiteSpace(query.Unit);
        var root = anyUnit ? scope.UnitId : (await scope.FindUnitAsync(db, query.Unit!.Trim(), ct)).Id;
        var q = db.AuditEntries.Where(a => (anyUnit && a.UnitId == null) || db.UnitLinks.Any(l => l.AncestorId == root && l.DescendantId == a.UnitId));
        if (!string.IsNullOrWhiteSpace(query.User)) { var user = query.User.Trim(); q = q.Where(a => a.Actor == user); }
        if (!string.IsNullOrEmpty(entity)) q = q.Where(a => a.Entity == entity);
        if (from is { } f) { var start = ProvinceTime.StartUtc(f); q = q.Where(a => a.AtUtc >= start); }
        if (to is { } t) { var end = ProvinceTime.StartUtc(t.AddDays(1)); q = q.Where(a => a.AtUtc < end); }

        // One row more than a page tells whether there is another page that way.
        List<AuditEntry> rows;
        bool more;
        if (after is { } newerThan)
        {
            rows = await q.Where(a => a.Id > newerThan).OrderBy(a => a.Id).Take(size + 1).ToListAsync(ct);
            more = rows.Count > size;
            rows = [.. rows.Take(size).Reverse()];
        }
        else
        {
            var olderThan = before ?? long.MaxValue;
            rows = await q.Where(a => a.Id < olderThan).OrderByDescending(a => a.Id).Take(size + 1).ToListAsync(ct);
            more = rows.Count > size;
            rows = [.. rows.Take(size)];
        }
        var newer = rows.Count == 0 ? null : after is not null ? (more ? rows[0].Id : null)
            : before is not null ? rows[0].Id : (long?)null;
        var older = rows.Count == 0 ? null : after is not null || more ? rows[^1].Id : (long?)null;
        return new(await LinesAsync(db, rows, ct), newer, older, size);
    }

    private static DateOnly? Date(string? text, Phrase field, List<Phrase> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        problems.Add(new($"“{field.Zh}”日期“{text}”无效，应为 YYYY-MM-DD。", $"The \"{field.En}\" date \"{text}\" is not a date; use YYYY-MM-DD."));
        return null;
    }

    private static long? Key(string? text, string name, List<Phrase> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var k)) return k;
        problems.Add(new($"翻页参数 {name}=“{text}”无效。", $"The paging parameter {name}=\"{text}\" is not valid."));
        return null;
    }

    /// <summary>Each row's fields, and a link to what it audited: a unit, a campaign (and its parts), a report (and its revisions and values), a ledger entry (and its history).</summary>
    private static async Task<List<AuditLine>> LinesAsync(CenturionDb db, List<AuditEntry> rows, CancellationToken ct)
    {
        var parsed = rows.Select(r => (Row: r, Values: AuditChanges.Parse(r.After ?? r.Before))).ToList();
        long? Get(IReadOnlyDictionary<string, string?> v, string field) => AuditChanges.Number(v, field);

        var revisionIds = parsed.Where(p => p.Row.Entity == "ReportValue").Select(p => Get(p.Values, "RevisionId")).OfType<long>().Distinct().ToList();
        var revisionReports = await db.ReportRevisions.Where(v => revisionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.ReportId, ct);
        long? ReportOf(AuditEntry r, IReadOnlyDictionary<string, string?> v) => r.Entity switch
        {
            "Report" => Get(v, "Id"),
            "ReportRevision" or "ReportTransition" => Get(v, "ReportId"),
            "ReportValue" => Get(v, "RevisionId") is { } rev && revisionReports.TryGetValue(rev, out var rep) ? rep : null,
            _ => null,
        };
        var reportIds = parsed.Select(p => ReportOf(p.Row, p.Values)).OfType<long>().Distinct().ToList();
        var reports = await db.Reports.Where(r => reportIds.Contains(r.Id))
            .Select(r => new { r.Id, Campaign = r.Campaign!.Code, Unit = r.Unit!.Code, r.PeriodStart }).ToDictionaryAsync(r => r.Id, ct);
        var campaignIds = parsed.Select(p => p.Row.Entity == "Campaign" ? Get(p.Values, "Id") : Get(p.Values, "CampaignId")).OfType<long>().Select(i => (int)i).Distinct().ToList();
        var campaigns = await db.Campaigns.Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => (long)c.Id, c => c.Code, ct);
        var unitIds = parsed.Where(p => p.Row.Entity == "Unit").Select(p => Get(p.Values, "Id")).OfType<long>().Select(i => (int)i).Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => (long)u.Id, u => u.Code, ct);

        string? Link(AuditEntry r, IReadOnlyDictionary<string, string?> v)
        {
            if (ReportOf(r, v) is { } rep && reports.TryGetValue(rep, out var report))
                return $"/campaigns/{report.Campaign}/reports/{report.Unit}/{report.PeriodStart:yyyy-MM-dd}";
            if (r.Entity == "Unit" && Get(v, "Id") is { } u && units.TryGetValue(u, out var unit)) return $"/units/{unit}";
            if (LedgerPages.TryGetValue(r.Entity, out var ledger) && Get(v, ledger.Key) is { } entry)
                return r.Action == "Deleted" && ledger.Key == "Id" ? null : $"{ledger.Path}{entry}";
            var campaign = r.Entity == "Campaign" ? Get(v, "Id") : Get(v, "CampaignId");
            return campaign is { } c && campaigns.TryGetValue(c, out var code) ? $"/campaigns/{code}" : null;
        }
        return [.. parsed.Select(p => new AuditLine(p.Row, AuditChanges.Fields(p.Row.Before, p.Row.After), Link(p.Row, p.Values)))];
    }
}
