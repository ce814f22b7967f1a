using System.Text.Json;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Records;
using Centurion.Features.Reporting;
using Centurion.Features.Statistics;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Centurion.Data;

/// <summary>
/// The one database context. Each provider has a subclass so that each keeps its own migrations;
/// features use this base type. Every save writes audit rows in the same transaction.
/// </summary>
public abstract class CenturionDb(DbContextOptions options, Actor actor) : IdentityDbContext<User>(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitLink> UnitLinks => Set<UnitLink>();
    public DbSet<Line> Lines => Set<Line>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignPhase> CampaignPhases => Set<CampaignPhase>();
    public DbSet<CampaignTask> CampaignTasks => Set<CampaignTask>();
    public DbSet<LeaderLink> LeaderLinks => Set<LeaderLink>();
    public DbSet<CampaignUnit> CampaignUnits => Set<CampaignUnit>();
    public DbSet<CampaignIndicator> CampaignIndicators => Set<CampaignIndicator>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportRevision> ReportRevisions => Set<ReportRevision>();
    public DbSet<ReportValue> ReportValues => Set<ReportValue>();
    public DbSet<CaseRecord> CaseRecords => Set<CaseRecord>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<DailyFact> DailyFacts => Set<DailyFact>();

    public Actor Actor => actor;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(CenturionDb).Assembly);

        b.Entity<Unit>(e =>
        {
            e.HasIndex(u => u.Code).IsUnique();
            e.HasIndex(u => u.ParentId);
            e.Property(u => u.Code).HasMaxLength(16);
            e.Property(u => u.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(u => u.NameZh).HasMaxLength(100);
            e.Property(u => u.NameEn).HasMaxLength(200);
            e.HasOne(u => u.Parent).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<UnitLink>(e =>
        {
            e.HasKey(l => new { l.AncestorId, l.DescendantId });
            e.HasIndex(l => new { l.DescendantId, l.AncestorId });
            e.HasOne<Unit>().WithMany().HasForeignKey(l => l.AncestorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Unit>().WithMany().HasForeignKey(l => l.DescendantId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Line>(e =>
        {
            e.HasIndex(l => l.Code).IsUnique();
            e.Property(l => l.Code).HasMaxLength(40);
        });
        b.Entity<User>(e =>
        {
            e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(u => u.Line).WithMany().HasForeignKey(u => u.LineId).OnDelete(DeleteBehavior.Restrict);
            e.Property(u => u.Culture).HasMaxLength(10);
        });
        b.Entity<ApiKey>(e =>
        {
            e.HasIndex(k => k.Hash).IsUnique();
            e.Property(k => k.Hash).HasMaxLength(64);
            e.Property(k => k.Prefix).HasMaxLength(16);
        });
        b.Entity<Indicator>(e =>
        {
            e.HasIndex(i => i.Code).IsUnique();
            e.Property(i => i.Code).HasMaxLength(40);
            e.Property(i => i.AtMostCode).HasMaxLength(40);
            e.Property(i => i.Measure).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Rule).HasConversion<string>().HasMaxLength(40);
            e.Property(i => i.Good).HasConversion<string>().HasMaxLength(10);
            e.HasOne(i => i.OwnerLine).WithMany().HasForeignKey(i => i.OwnerLineId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Campaign>(e =>
        {
            e.HasIndex(c => c.Code).IsUnique();
            e.Property(c => c.Code).HasMaxLength(40);
            e.Property(c => c.Cadence).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.ReportingLevel).HasConversion<string>().HasMaxLength(16);
            e.HasOne(c => c.RootUnit).WithMany().HasForeignKey(c => c.RootUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.CampaignId);
            e.HasMany(c => c.Tasks).WithOne().HasForeignKey(t => t.CampaignId);
            e.HasMany(c => c.LeaderLinks).WithOne().HasForeignKey(l => l.CampaignId);
            e.HasMany(c => c.Units).WithOne().HasForeignKey(u => u.CampaignId);
            e.HasMany(c => c.Indicators).WithOne().HasForeignKey(i => i.CampaignId);
        });
        b.Entity<CampaignTask>(e =>
        {
            e.Property(t => t.State).HasConversion<string>().HasMaxLength(12);
            e.HasOne(t => t.OwnerLine).WithMany().HasForeignKey(t => t.OwnerLineId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<LeaderLink>().HasOne(l => l.Unit).WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Entity<CampaignUnit>(e =>
        {
            e.HasKey(u => new { u.CampaignId, u.UnitId });
            e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CampaignIndicator>(e =>
        {
            e.HasKey(i => new { i.CampaignId, i.IndicatorId });
            e.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Report>(e =>
        {
            e.HasIndex(r => new { r.CampaignId, r.UnitId, r.PeriodStart }).IsUnique();
            e.HasIndex(r => new { r.CampaignId, r.PeriodStart });
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Revisions).WithOne(v => v.Report).HasForeignKey(v => v.ReportId);
        });
        b.Entity<ReportRevision>(e =>
        {
            e.HasIndex(r => new { r.ReportId, r.Number }).IsUnique();
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
            e.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.RevisionId);
        });
        b.Entity<ReportValue>(e =>
        {
            e.HasKey(v => new { v.RevisionId, v.IndicatorId });
            e.HasIndex(v => new { v.UnitId, v.IndicatorId });
            e.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CaseRecord>(e =>
        {
            e.HasIndex(r => r.ExternalId).IsUnique();
            e.HasIndex(r => new { r.UnitId, r.FiledOn });
            e.HasIndex(r => new { r.UnitId, r.SolvedOn });
            e.Property(r => r.ExternalId).HasMaxLength(64);
            e.Property(r => r.Category).HasMaxLength(40);
            e.Property(r => r.PlaceType).HasMaxLength(40);
            e.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ImportBatch>(e =>
        {
            e.Property(i => i.Kind).HasMaxLength(20);
            e.Property(i => i.Sha256).HasMaxLength(64);
        });
        b.Entity<DailyFact>(e =>
        {
            // Key order serves the statistics query: one indicator (and campaign), a day range, then the units of a subtree.
            e.HasKey(f => new { f.IndicatorId, f.CampaignId, f.Day, f.UnitId, f.Category, f.PlaceType, f.VictimGroups });
            e.Property(f => f.Category).HasMaxLength(40);
            e.Property(f => f.PlaceType).HasMaxLength(40);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.AtUtc);
            e.HasIndex(a => new { a.UnitId, a.AtUtc });
            e.HasIndex(a => new { a.Actor, a.AtUtc });
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        var pending = CollectAudit();
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        var now = DateTime.UtcNow;
        AuditEntries.AddRange(pending.Select(p => p.ToRow(now, actor)));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return written;
    }

    private static readonly HashSet<string> Redacted =
        [nameof(User.PasswordHash), nameof(User.SecurityStamp), nameof(User.ConcurrencyStamp), nameof(ApiKey.Hash)];

    private List<PendingAudit> CollectAudit()
    {
        ChangeTracker.DetectChanges();
        var pending = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("The audit trail is append-only.");
                continue;
            }
            if (entry.Entity is UnitLink) continue; // derived from Unit.ParentId, whose changes are audited
            if (entry.Entity is DailyFact) continue; // derived from reports and records, whose changes are audited
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                pending.Add(new PendingAudit(entry, entry.State,
                    Before: entry.State == EntityState.Added ? null : Snapshot(entry, original: true),
                    After: entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false)));
        }
        return pending;
    }

    private static Dictionary<string, object?> Snapshot(EntityEntry entry, bool original)
    {
        var values = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (Redacted.Contains(p.Metadata.Name) || p.Metadata.IsShadowProperty() && p.Metadata.IsConcurrencyToken) continue;
            if (entry.State == EntityState.Modified && !p.IsModified && !p.Metadata.IsPrimaryKey()) continue;
            values[p.Metadata.Name] = original ? p.OriginalValue : p.CurrentValue;
        }
        return values;
    }

    /// <summary>Values are taken before saving; keys are read after, when generated ones are known.</summary>
    private sealed record PendingAudit(EntityEntry Entry, EntityState State, Dictionary<string, object?>? Before, Dictionary<string, object?>? After)
    {
        public AuditEntry ToRow(DateTime now, Actor actor)
        {
            var keyProperties = Entry.Metadata.FindPrimaryKey()!.Properties;
            var key = string.Join(",", keyProperties.Select(p => Entry.Property(p.Name).CurrentValue));
            var after = After;
            if (after is not null)
                foreach (var p in keyProperties) after[p.Name] = Entry.Property(p.Name).CurrentValue;
            return new AuditEntry
            {
                AtUtc = now,
                Actor = actor.Name,
                UserId = actor.UserId,
                Entity = Entry.Metadata.ClrType.Name,
                EntityKey = key,
                Action = State.ToString(),
                UnitId = Entry.Entity switch
                {
                    Unit u => u.Id,
                    Campaign c => c.RootUnitId,
                    IUnitOwned o => o.UnitId,
                    User u => u.UnitId,
                    _ => null,
                },
                Before = Before is null ? null : JsonSerializer.Serialize(Before),
                After = after is null ? null : JsonSerializer.Serialize(after),
            };
        }
    }
}

public sealed class SqliteCenturionDb(DbContextOptions<SqliteCenturionDb> options, Actor actor) : CenturionDb(options, actor);

public sealed class PostgresCenturionDb(DbContextOptions<PostgresCenturionDb> options, Actor actor) : CenturionDb(options, actor);
