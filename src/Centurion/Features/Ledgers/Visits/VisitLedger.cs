using Centurion.Data;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers.Visits;

public sealed record VisitDto(long Id, string Unit, string UnitNameZh, string UnitNameEn, DateTime VisitedUtc, string VisitedLocal,
    long? KeyPlaceId, string? PlaceName, string? PlaceType, string? Area, int Police, int SocialForces, string Findings, string RecordedBy, DateTime RecordedUtc);

/// <summary>A visit as the form or the API sends it: a key place, or (without one) an area of <paramref name="Unit"/> (default: the caller's unit).</summary>
public sealed record VisitInput(string? Unit, DateTime? VisitedLocal, long? KeyPlaceId, string? Area, int? Police, int? SocialForces, string? Findings)
{
    public VisitDetails Details => new(VisitedLocal, KeyPlaceId, Area, Police, SocialForces, Findings);
}

/// <summary>The patrol and check visits ledger: list, record, edit, in the caller's scope.</summary>
public sealed class VisitLedger(CenturionDb db, CallerScope scope, LedgerAccess access, Actor actor, TimeProvider clock)
{
    /// <summary>The type filter's value for visits to an area rather than a key place.</summary>
    public const string AreaType = "area";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IQueryable<PatrolVisit>> FilteredAsync(LedgerFilter f, CancellationToken ct = default)
    {
        f.Checked();
        var root = await access.RootAsync(f.Unit, ct);
        var rows = access.Within(db.Set<PatrolVisit>(), root.Id);
        if (f.Type == AreaType) rows = rows.Where(v => v.KeyPlaceId == null);
        else if (!string.IsNullOrWhiteSpace(f.Type))
        {
            if (!KeyPlace.Types.Contains(f.Type))
                throw DomainException.Invalid(new($"类型须为 {AreaType} 或场所类型之一。", $"The type must be {AreaType} or a key-place type."));
            var places = db.Set<KeyPlace>().Where(p => p.Type == f.Type).Select(p => (long?)p.Id);
            rows = rows.Where(v => places.Contains(v.KeyPlaceId));
        }
        if (f.From is { } from) { var start = ProvinceTime.StartUtc(from); rows = rows.Where(v => v.VisitedUtc >= start); }
        if (f.To is { } to) { var end = ProvinceTime.StartUtc(to.AddDays(1)); rows = rows.Where(v => v.VisitedUtc < end); }
        return rows;
    }

    public async Task<Paged<VisitDto>> ListAsync(LedgerFilter f, CancellationToken ct = default)
    {
        var rows = await FilteredAsync(f, ct);
        var total = await rows.CountAsync(ct);
        return new(await ProjectAsync(rows.OrderByDescending(v => v.VisitedUtc).ThenByDescending(v => v.Id).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize), ct), total, f.Page, f.PageSize);
    }

    public async Task<List<VisitDto>> ExportAsync(LedgerFilter f, CancellationToken ct = default) =>
        await ProjectAsync((await FilteredAsync(f with { Page = 1 }, ct)).OrderByDescending(v => v.VisitedUtc).ThenByDescending(v => v.Id).Take(LedgerFilter.MaxExportRows), ct);

    /// <summary>The latest visits of one place (already found in scope).</summary>
    public Task<List<VisitDto>> OfPlaceAsync(long placeId, int take, CancellationToken ct = default) =>
        ProjectAsync(db.Set<PatrolVisit>().Where(v => v.KeyPlaceId == placeId).OrderByDescending(v => v.VisitedUtc).Take(take), ct);

    private async Task<List<VisitDto>> ProjectAsync(IQueryable<PatrolVisit> rows, CancellationToken ct) =>
        [.. (await (from v in rows
                    join u in db.Units on v.UnitId equals u.Id
                    join p in db.Set<KeyPlace>() on v.KeyPlaceId equals p.Id into places
                    from p in places.DefaultIfEmpty()
                    select new { v, u.Code, u.NameZh, u.NameEn, PlaceName = p == null ? null : p.Name, PlaceType = p == null ? null : p.Type }).ToListAsync(ct))
            .Select(x => Describe(x.v, x.Code, x.NameZh, x.NameEn, x.PlaceName, x.PlaceType))];

    private static VisitDto Describe(PatrolVisit v, string code, string nameZh, string nameEn, string? placeName, string? placeType) =>
        new(v.Id, code, nameZh, nameEn, LedgerAccess.Utc(v.VisitedUtc), ProvinceTime.ToLocal(v.VisitedUtc).ToString("yyyy-MM-dd HH:mm"), v.KeyPlaceId, placeName, placeType,
            v.Area, v.Police, v.SocialForces, v.Findings, v.RecordedBy, LedgerAccess.Utc(v.RecordedUtc));

    public async Task<PatrolVisit> FindAsync(long id, CancellationToken ct = default)
    {
        await access.RequireReadAsync(ct);
        return await scope.Within(db, db.Set<PatrolVisit>()).FirstOrDefaultAsync(v => v.Id == id, ct)
            ?? throw DomainException.NotFound(new($"找不到巡查记录 {id}，或不在您的管辖范围内。", $"Visit {id} was not found, or is outside your scope."));
    }

    public async Task<VisitDto> GetAsync(long id, CancellationToken ct = default) => await DescribeAsync(await FindAsync(id, ct), ct);

    public async Task<VisitDto> CreateAsync(VisitInput input, CancellationToken ct = default)
    {
        await access.RequireEditAsync(ct);
        var place = await PlaceAsync(input.KeyPlaceId, ct);
        var unitId = place?.UnitId ?? (await access.OwnerAsync(input.Unit, ct)).Id;
        var visit = PatrolVisit.Record(unitId, input.Details, place, actor.Name, Now);
        db.Add(visit);
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(visit, ct);
    }

    public async Task<VisitDto> EditAsync(long id, VisitInput input, CancellationToken ct = default)
    {
        var visit = await FindAsync(id, ct);
        await access.RequireEditAsync(ct);
        var place = await PlaceAsync(input.KeyPlaceId, ct);
        visit.Edit(input.Details, place, Now);
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(visit, ct);
    }

    /// <summary>The named key place if the caller may see it; null (the entity then refuses) otherwise.</summary>
    private async Task<PatrolVisit.PlaceRef?> PlaceAsync(long? id, CancellationToken ct) => id is null ? null
        : await scope.Within(db, db.Set<KeyPlace>()).Where(p => p.Id == id)
            .Select(p => new PatrolVisit.PlaceRef(p.Id, p.UnitId, p.State == KeyPlaceState.Active)).FirstOrDefaultAsync(ct);

    private async Task<VisitDto> DescribeAsync(PatrolVisit v, CancellationToken ct)
    {
        var u = (await db.Units.FindAsync([v.UnitId], ct))!;
        var p = v.KeyPlaceId is { } pid ? await db.Set<KeyPlace>().Where(x => x.Id == pid).Select(x => new { x.Name, x.Type }).FirstAsync(ct) : null;
        return Describe(v, u.Code, u.NameZh, u.NameEn, p?.Name, p?.Type);
    }

    public static IDictionary<string, object?> Row(VisitDto v) => new Dictionary<string, object?>
    {
        ["id"] = v.Id, [LedgerText.Unit] = v.Unit, [Ui.Name + " (" + LedgerText.Unit + ")"] = Lang.Pick(v.UnitNameZh, v.UnitNameEn),
        [LedgerText.VisitedAt] = v.VisitedLocal, ["key_place"] = v.KeyPlaceId, [LedgerText.KeyPlace] = v.PlaceName, [LedgerText.Type] = v.PlaceType ?? AreaType,
        [LedgerText.Area] = v.Area, [LedgerText.Police] = v.Police, [LedgerText.SocialForces] = v.SocialForces, [LedgerText.Findings] = v.Findings,
        [LedgerText.RecordedBy] = v.RecordedBy,
    };
}
