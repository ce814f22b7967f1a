using Centurion.Data;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Supervision.Evidence;

/// <summary>An evidence file attached to a finding: by the team when the finding is recorded, or added later.</summary>
public sealed class FindingEvidence : IUnitOwned
{
    public long Id { get; private set; }
    public long FindingId { get; private set; }
    public long EvidenceFileId { get; private set; }
    public EvidenceFile? File { get; private set; }

    /// <summary>The finding's unit (the inspected one), for the audit.</summary>
    public int UnitId { get; private set; }

    private FindingEvidence() { }

    internal FindingEvidence(Finding finding, EvidenceFile file) => (FindingId, File, UnitId) = (finding.Id, file, finding.UnitId);
}

/// <summary>An evidence file sent with a submission of a rectification item (the first submission is 1, each resubmission after a return or reopening the next).</summary>
public sealed class ItemEvidence : IUnitOwned
{
    public long Id { get; private set; }
    public long ItemId { get; private set; }
    public int Submission { get; private set; }
    public long EvidenceFileId { get; private set; }
    public EvidenceFile? File { get; private set; }

    /// <summary>The item's responsible unit, for the audit.</summary>
    public int UnitId { get; private set; }

    private ItemEvidence() { }

    internal ItemEvidence(RectificationItem item, int submission, EvidenceFile file) => (ItemId, Submission, File, UnitId) = (item.Id, submission, file, item.UnitId);
}

internal sealed class FindingEvidenceConfiguration : IEntityTypeConfiguration<FindingEvidence>
{
    public void Configure(EntityTypeBuilder<FindingEvidence> e)
    {
        e.ToTable("FindingEvidence");
        e.HasIndex(x => new { x.FindingId, x.EvidenceFileId }).IsUnique();
        e.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.EvidenceFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ItemEvidenceConfiguration : IEntityTypeConfiguration<ItemEvidence>
{
    public void Configure(EntityTypeBuilder<ItemEvidence> e)
    {
        e.ToTable("RectificationItemEvidence");
        e.HasIndex(x => new { x.ItemId, x.Submission, x.EvidenceFileId }).IsUnique();
        e.HasOne<RectificationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.EvidenceFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>An item's evidence file as the API shows it, with the submission it came with.</summary>
public sealed record ItemEvidenceDto(int Submission, EvidenceDto File);

/// <summary>
/// Evidence files of findings and rectification items, through supervision's own visibility: a file is found only through a
/// finding or item the caller may see (<see cref="SupervisionDesk.FindFindingAsync"/>, <see cref="Rectifications.FindAsync"/>),
/// so whoever may not see it gets "not found", as for the finding itself. The bytes are kept and served by <see cref="EvidenceStore"/>.
/// </summary>
public sealed class SupervisionEvidence(CenturionDb db, EvidenceStore store, SupervisionDesk desk, Rectifications items)
{
    public static string FindingFileUrl(long findingId, long fileId) => $"/supervision/findings/{findingId}/evidence/{fileId}";
    public static string ItemFileUrl(long itemId, long fileId) => $"/supervision/items/{itemId}/evidence/{fileId}";

    /// <summary>Adds files to a finding the caller may act on (the team, the campaign office), within the per-finding total.</summary>
    public async Task<IReadOnlyList<EvidenceFile>> AttachToFindingAsync(long findingId, IReadOnlyList<IFormFile> files, CancellationToken ct = default)
    {
        var finding = await desk.FindFindingAsync(findingId, ct);
        if (!desk.CanAct(finding.Inspection!.Plan!.Team!))
            throw new DomainException(StatusCodes.Status403Forbidden, Text.FindingByTeam);
        return await AttachAsync(finding, files, ct);
    }

    /// <summary>
    /// Carries out a plan as <see cref="SupervisionDesk.CarryOutAsync"/> does, with evidence files for its one finding (the
    /// carry-out form's), as one change: the inspection, the finding and the files are saved together, or, when a file is refused, none.
    /// </summary>
    public async Task<PlanDto> CarryOutAsync(long planId, CarryOutInput input, IReadOnlyList<IFormFile> files, CancellationToken ct = default)
    {
        if (files.Count > 0 && input.Findings is not { Count: 1 }) throw FilesWithoutFinding();
        return await AllOrNothingAsync(async c =>
        {
            var plan = await desk.CarryOutAsync(planId, input, c);
            if (files.Count > 0) await AttachAsync(await db.Set<Finding>().FirstAsync(f => f.Id == plan.Inspection!.Findings[0].Id, c), files, c);
            return plan;
        }, ct);
    }

    /// <summary>Records a finding of an inspection carried out, as <see cref="SupervisionDesk.AddFindingAsync"/> does, with its evidence files, together or not at all.</summary>
    public async Task<FindingDto> RecordFindingAsync(long planId, FindingInput input, IReadOnlyList<IFormFile> files, CancellationToken ct = default) =>
        await AllOrNothingAsync(async c =>
        {
            var finding = await desk.AddFindingAsync(planId, input, c);
            if (files.Count > 0) await AttachAsync(await db.Set<Finding>().FirstAsync(f => f.Id == finding.Id, c), files, c);
            return finding;
        }, ct);

    private async Task<T> AllOrNothingAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        try { return await db.InTransactionAsync(work, ct); }
        catch
        {
            // Rolled back: what the context tracked (the plan carried out, the item submitted) must not outlive it, e.g. on the page that shows the refusal.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static DomainException FilesWithoutFinding() =>
        DomainException.Invalid(Text.FilesWithoutFinding, new Dictionary<string, string[]> { [EvidenceUploads.Field] = [Text.FilesWithoutFinding] });

    /// <summary>For a finding just recorded in the same unit of work (its id known after the save): the files join it, then one save.</summary>
    internal async Task<IReadOnlyList<EvidenceFile>> AttachAsync(Finding finding, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        if (files.Count == 0) throw DomainException.Invalid(Text.NoFiles, new Dictionary<string, string[]> { [EvidenceUploads.Field] = [Text.NoFiles] });
        var used = await db.Set<FindingEvidence>().Where(x => x.FindingId == finding.Id).SumAsync(x => (long?)x.File!.Size, ct) ?? 0;
        var stored = await store.StoreAllAsync(db, files, used, finding.UnitId, ct);
        foreach (var file in stored) db.Add(new FindingEvidence(finding, file));
        await db.SaveChangesAsync(ct);
        return stored;
    }

    public async Task<IReadOnlyList<EvidenceFile>> FindingFilesAsync(long findingId, CancellationToken ct = default)
    {
        await desk.FindFindingAsync(findingId, ct);
        return await FilesOfFindingAsync(findingId, ct);
    }

    private Task<List<EvidenceFile>> FilesOfFindingAsync(long findingId, CancellationToken ct) =>
        db.Set<FindingEvidence>().Where(x => x.FindingId == findingId).OrderBy(x => x.Id).Select(x => x.File!).ToListAsync(ct);

    public async Task<IResult> DownloadFindingFileAsync(long findingId, long fileId, CancellationToken ct = default)
    {
        await desk.FindFindingAsync(findingId, ct);
        var file = await db.Set<FindingEvidence>().Where(x => x.FindingId == findingId && x.EvidenceFileId == fileId).Select(x => x.File!).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Text.NoSuchFile);
        return await store.DownloadAsync(file, ct);
    }

    /// <summary>
    /// Submits an item with its evidence files, as one change: the submission (its rules and who may make it are the item's)
    /// and the files are saved together, or, when a file is refused, neither.
    /// </summary>
    public Task<ItemDto> SubmitAsync(long itemId, string? note, int? version, IReadOnlyList<IFormFile> files, CancellationToken ct = default) =>
        AllOrNothingAsync(async c =>
        {
            var submitted = await items.ActAsync(itemId, new ItemAction("submit", note, null, version), c);
            if (files.Count > 0)
            {
                var item = await db.Set<RectificationItem>().FirstAsync(i => i.Id == itemId, c);
                var submission = await SubmissionsAsync(itemId, c);
                var stored = await store.StoreAllAsync(db, files, 0, item.UnitId, c);
                foreach (var file in stored) db.Add(new ItemEvidence(item, submission, file));
                await db.SaveChangesAsync(c);
            }
            return submitted;
        }, ct);

    /// <summary>How many times the item has been submitted: the number of the submission just made.</summary>
    private Task<int> SubmissionsAsync(long itemId, CancellationToken ct) =>
        db.Set<ItemChange>().CountAsync(h => h.ItemId == itemId && h.To == nameof(ItemState.Submitted), ct);

    public async Task<IReadOnlyList<(int Submission, EvidenceFile File)>> ItemFilesAsync(long itemId, CancellationToken ct = default)
    {
        await items.FindAsync(itemId, ct);
        var rows = await db.Set<ItemEvidence>().Where(x => x.ItemId == itemId).OrderBy(x => x.Submission).ThenBy(x => x.Id)
            .Select(x => new { x.Submission, x.File }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Submission, r.File!))];
    }

    public async Task<IResult> DownloadItemFileAsync(long itemId, long fileId, CancellationToken ct = default)
    {
        await items.FindAsync(itemId, ct);
        var file = await db.Set<ItemEvidence>().Where(x => x.ItemId == itemId && x.EvidenceFileId == fileId).Select(x => x.File!).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Text.NoSuchFile);
        return await store.DownloadAsync(file, ct);
    }

    public static class Text
    {
        public static readonly Phrase FindingByTeam = new("问题的证据由督导组成员或行动专班添加。", "Evidence of a finding is added by the team's members or the campaign office.");
        public static readonly Phrase NoFiles = new("请在表单字段 evidence 中选择要上传的证据文件。", "Choose the evidence files to upload (form field evidence).");
        public static readonly Phrase FilesWithoutFinding = new("证据文件属于一个问题：请填写问题（内容和地点），或不附文件。",
            "Evidence files belong to a finding: describe the finding (what and where), or leave the files out.");
        public static readonly Phrase NoSuchFile = new("找不到该证据文件。", "That evidence file was not found.");
    }
}
