using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers.NightOperations;

public sealed record NightOperationDto(long Id, string Unit, string UnitNameZh, string UnitNameEn, DateOnly Date, int PlacesCovered, int Police,
    int PeopleChecked, int SuspectsCaught, int CasesOpened, string Notes, string RecordedBy, DateTime RecordedUtc);

public sealed record NightOperationInput(string? Unit, DateOnly? Date, int? PlacesCovered, int? Police, int? PeopleChecked, int? SuspectsCaught, int? CasesOpened, string? Notes)
{
    public NightOperationDetails Details => new(Date, PlacesCovered, Police, PeopleChecked, SuspectsCaught, CasesOpened, Notes);
}

/// <summary>The night sweep-and-rectify operations ledger: list, record, edit, in the caller's scope.</summary>
public sealed class NightOperationLedger(CenturionDb db, CallerScope scope, LedgerAccess access, Actor actor, TimeProvider clock)
{
    public async Task<IQueryable<NightOperation>> FilteredAsync(LedgerFilter f, CancellationToken ct = default)
    {
        f.Checked();
        var root = await access.RootAsync(f.Unit, ct);
        var rows = access.Within(db.Set<NightOperation>(), root.Id);
        if (f.From is { } from) rows = rows.Where(o => o.Date >= from);
        if (f.To is { } to) rows = rows.Where(o => o.Date <= to);
        return rows;
    }

    public async Task<Paged<NightOperationDto>> ListAsync(LedgerFilter f, CancellationToken ct = default)
    {
        var rows = await FilteredAsync(f, ct);
        var total = await rows.CountAsync(ct);
        return new(await ProjectAsync(rows.OrderByDescending(o => o.Date).ThenByDescending(o => o.Id).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize), ct), total, f.Page, f.PageSize);
    }

    public async Task<List<NightOperationDto>> ExportAsync(LedgerFilter f, CancellationToken ct = default) =>
        await ProjectAsync((await FilteredAsync(f with { Page = 1 }, ct)).OrderByDescending(o => o.Date).ThenByDescending(o => o.Id).Take(LedgerFilter.MaxExportRows), ct);

    private async Task<List<NightOperationDto>> ProjectAsync(IQueryable<NightOperation> rows, CancellationToken ct) =>
        [.. (await (from o in rows join u in db.Units on o.UnitId equals u.Id select new { o, u.Code, u.NameZh, u.NameEn }).ToListAsync(ct))
            .Select(x => Describe(x.o, x.Code, x.NameZh, x.NameEn))];

    private static NightOperationDto Describe(NightOperation o, string code, string nameZh, string nameEn) =>
        new(o.Id, code, nameZh, nameEn, o.Date, o.PlacesCovered, o.Police, o.PeopleChecked, o.SuspectsCaught, o.CasesOpened, o.Notes, o.RecordedBy, LedgerAccess.Utc(o.RecordedUtc));

    public async Task<NightOperation> FindAsync(long id, CancellationToken ct = default)
    {
        await access.RequireReadAsync(ct);
        return await scope.Within(db, db.Set<NightOperation>()).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw DomainException.NotFound(new($"找不到夜查行动 {id}，或不在您的管辖范围内。", $"Night operation {id} was not found, or is outside your scope."));
    }

    public async Task<NightOperationDto> GetAsync(long id, CancellationToken ct = default) => await DescribeAsync(await FindAsync(id, ct), ct);

    public async Task<NightOperationDto> CreateAsync(NightOperationInput input, CancellationToken ct = default)
    {
        await access.RequireEditAsync(ct);
        var unit = await access.OwnerAsync(input.Unit, ct);
        var op = NightOperation.Record(unit.Id, input.Details, actor.Name, clock.GetUtcNow().UtcDateTime, ProvinceTime.Today(clock));
        db.Add(op);
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(op, ct);
    }

    public async Task<NightOperationDto> EditAsync(long id, NightOperationInput input, CancellationToken ct = default)
    {
        var op = await FindAsync(id, ct);
        await access.RequireEditAsync(ct);
        op.Edit(input.Details, ProvinceTime.Today(clock));
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(op, ct);
    }

    private async Task<NightOperationDto> DescribeAsync(NightOperation o, CancellationToken ct)
    {
        var u = (await db.Units.FindAsync([o.UnitId], ct))!;
        return Describe(o, u.Code, u.NameZh, u.NameEn);
    }

    public static IDictionary<string, object?> Row(NightOperationDto o) => new Dictionary<string, object?>
    {
        ["id"] = o.Id, [LedgerText.Unit] = o.Unit, [Ui.Name + " (" + LedgerText.Unit + ")"] = Lang.Pick(o.UnitNameZh, o.UnitNameEn),
        [LedgerText.Date] = o.Date.ToString("yyyy-MM-dd"), [LedgerText.PlacesCovered] = o.PlacesCovered, [LedgerText.PoliceDeployed] = o.Police,
        [LedgerText.PeopleChecked] = o.PeopleChecked, [LedgerText.SuspectsCaught] = o.SuspectsCaught, [LedgerText.CasesOpened] = o.CasesOpened,
        [LedgerText.Notes] = o.Notes, [LedgerText.RecordedBy] = o.RecordedBy,
    };
}
