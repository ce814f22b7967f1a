using Centurion.Data;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Supervision.Evidence;
using Centurion.Features.Supervision.Inspections;
using Centurion.Infrastructure.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Demo;

/// <summary>
/// Photos for the demo's findings: one or two per finding (<see cref="DemoPhotos"/>, from a seed drawn from the finding's own text,
/// so the same on every machine), taken a few minutes into the inspection, at the first key place of the inspected unit's
/// subtree where it has one, and uploaded by whoever recorded the finding when they recorded it. Skipped once any finding has evidence.
/// </summary>
public static class DemoEvidence
{
    public static async Task<int> SeedAsync(CenturionDb db, EvidenceStore store, CancellationToken ct = default)
    {
        if (await db.Set<FindingEvidence>().AnyAsync(ct)) return 0;
        var findings = await db.Set<Finding>().Include(f => f.Inspection).OrderBy(f => f.Id).ToListAsync(ct);
        var photos = 0;
        await db.InTransactionAsync(async c =>
        {
            foreach (var f in findings)
            {
                var subtree = db.UnitLinks.Where(l => l.AncestorId == f.UnitId).Select(l => l.DescendantId);
                var place = await db.Set<KeyPlace>().Where(k => subtree.Contains(k.UnitId)).OrderBy(k => k.Id)
                    .Select(k => new { k.Longitude, k.Latitude }).FirstOrDefaultAsync(c);
                var rng = DemoRandom.For(DemoRandom.DefaultSeed, "evidence:" + f.What);
                var count = rng.Between(1, 2);
                for (var k = 0; k < count; k++)
                {
                    var taken = new DateTimeOffset(DateTime.SpecifyKind(f.Inspection!.HappenedUtc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8)).AddMinutes(5 + 7 * k);
                    var jpeg = DemoPhotos.Jpeg(rng.NextUInt64(), taken,
                        place is null ? null : Math.Round(place.Longitude + (rng.NextDouble() - 0.5) / 500, 6),
                        place is null ? null : Math.Round(place.Latitude + (rng.NextDouble() - 0.5) / 500, 6));
                    var file = await store.StoreAsync(db, new MemoryStream(jpeg), $"现场照片{k + 1}.jpg", 0, f.UnitId, c, f.RecordedBy, f.RecordedUtc);
                    db.Add(new FindingEvidence(f, file));
                    photos++;
                }
            }
            await db.SaveChangesAsync(c);
        }, ct);
        return photos;
    }
}
