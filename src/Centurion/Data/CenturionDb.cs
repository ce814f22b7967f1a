using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Records;
using Centurion.Features.Reporting;
using Centurion.Features.Statistics;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Evidence;
using Centurion.Infrastructure.Imports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Centurion.Data;

/// <summary>
/// The one database context. Each provider has a subclass so that each keeps its own migrations;
/// features use this base type. Every save writes audit rows in the same transaction.
/// </summary>
public abstract class CenturionDb(DbContextOptions options, Actor actor, TimeProvider clock) : IdentityDbContext<User>(options)
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
    public DbSet<ReportTransition> ReportTransitions => Set<ReportTransition>();
    public DbSet<CaseRecord> CaseRecords => Set<CaseRecord>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<DailyFact> DailyFacts => Set<DailyFact>();

    public Actor Actor => actor;

    /// <summary>The application's clock (the injected <see cref="TimeProvider"/>): audit times and every other "now" come from it.</summary>
    public TimeProvider Clock => clock;

    /// <summary>Each entity's mapping lives beside it, in its feature folder, as an <see cref="IEntityTypeConfiguration{T}"/>.</summary>
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(CenturionDb).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        var pending = CollectAudit();
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        return await InTransactionAsync(async c =>
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, c);
            var now = clock.GetUtcNow().UtcDateTime;
            AuditEntries.AddRange(pending.Select(p => p.ToRow(now, actor)));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, c);
            return written;
        }, ct);
    }

    /// <summary>
    /// Runs an operation of several saves (or raw SQL beside them) as one transaction. The one place transactions begin:
    /// when none is open it opens one and commits once after the work returns; inside an open one it joins it, and the
    /// outermost call commits. An exception rolls everything back.
    /// </summary>
    public Task InTransactionAsync(Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        InTransactionAsync(async c => { await work(c); return true; }, _ => true, ct);

    /// <inheritdoc cref="InTransactionAsync(Func{CancellationToken, Task}, CancellationToken)"/>
    public Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        InTransactionAsync(work, _ => true, ct);

    /// <inheritdoc cref="InTransactionAsync(Func{CancellationToken, Task}, CancellationToken)"/>
    /// <param name="keep">Whether to commit, judged on the result: false rolls back all the work did (a dry run, a refused file)
    /// and forgets what the context tracked. Rolling back needs a transaction of the call's own.</param>
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, bool> keep, CancellationToken ct = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            var joined = await work(ct);
            return keep(joined) ? joined
                : throw new InvalidOperationException("The work asked to roll back inside a transaction its caller opened; it needs one of its own.");
        }
        await using var tx = await Database.BeginTransactionAsync(ct);
        var result = await work(ct);
        if (keep(result)) await tx.CommitAsync(ct);
        else
        {
            await tx.RollbackAsync(ct);
            ChangeTracker.Clear();
        }
        return result;
    }

    private sealed record AuditRules(bool Skip, IReadOnlySet<string> Redacted);

    private static readonly ConcurrentDictionary<Type, AuditRules> Rules = new();

    private static AuditRules RulesFor(Type type) => Rules.GetOrAdd(type, t => new AuditRules(
        t.IsDefined(typeof(NotAuditedAttribute), inherit: false),
        t.GetCustomAttribute<AuditRedactsAttribute>()?.Properties.ToHashSet() ?? []));

    private List<PendingAudit> CollectAudit()
    {
        ChangeTracker.DetectChanges();
        var pending = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IFrozen && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new FrozenRowException(entry.Metadata.ClrType.Name, entry.State.ToString());
            if (entry.Entity is AuditEntry) continue;
            var rules = RulesFor(entry.Metadata.ClrType);
            if (rules.Skip) continue;
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                pending.Add(new PendingAudit(entry, entry.State,
                    Before: entry.State == EntityState.Added ? null : Snapshot(entry, rules.Redacted, original: true),
                    After: entry.State == EntityState.Deleted ? null : Snapshot(entry, rules.Redacted, original: false)));
        }
        return pending;
    }

    private static Dictionary<string, object?> Snapshot(EntityEntry entry, IReadOnlySet<string> redacted, bool original)
    {
        var values = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (redacted.Contains(p.Metadata.Name) || p.Metadata.IsShadowProperty() && p.Metadata.IsConcurrencyToken) continue;
            if (entry.State == EntityState.Modified && !p.IsModified && !p.Metadata.IsPrimaryKey()) continue;
            values[p.Metadata.Name] = original ? p.OriginalValue : p.CurrentValue;
        }
        return values;
    }

    /// <summary>Chinese (and any other script) is stored as text, not as \u escapes.</summary>
    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>
    /// Values are taken before saving; keys and foreign keys are read after, when generated ones are known: before the save
    /// a new row and a row pointing to one added in the same save hold EF's temporary (negative) keys.
    /// </summary>
    private sealed record PendingAudit(EntityEntry Entry, EntityState State, Dictionary<string, object?>? Before, Dictionary<string, object?>? After)
    {
        public AuditEntry ToRow(DateTime now, Actor actor)
        {
            var keyProperties = Entry.Metadata.FindPrimaryKey()!.Properties;
            var key = string.Join(",", keyProperties.Select(p => Entry.Property(p.Name).CurrentValue));
            var after = After;
            if (after is not null)
                foreach (var p in Entry.Properties.Where(p => p.Metadata.IsKey() || p.Metadata.IsForeignKey()))
                    if (p.Metadata.IsPrimaryKey() || after.ContainsKey(p.Metadata.Name)) after[p.Metadata.Name] = p.CurrentValue;
            return new AuditEntry
            {
                AtUtc = now,
                Actor = actor.Name,
                UserId = actor.UserId,
                Entity = Entry.Metadata.ClrType.Name,
                EntityKey = key,
                Action = State.ToString(),
                UnitId = (Entry.Entity as IAuditedUnit)?.AuditUnitId,
                Before = Before is null ? null : JsonSerializer.Serialize(Before, AuditJson),
                After = after is null ? null : JsonSerializer.Serialize(after, AuditJson),
            };
        }
    }
}

public sealed class SqliteCenturionDb(DbContextOptions<SqliteCenturionDb> options, Actor actor, TimeProvider clock) : CenturionDb(options, actor, clock)
{
    // SQLite keeps a time without its offset, so it reads back with Kind Unspecified and leaves the API without its "Z".
    // Every time stored is UTC (PostgreSQL's timestamptz enforces it), so say so once for every column.
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        builder.Properties<DateTime>().HaveConversion<UtcKind>();
        builder.Properties<DateTime?>().HaveConversion<UtcKind>();
    }

    private sealed class UtcKind() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class PostgresCenturionDb(DbContextOptions<PostgresCenturionDb> options, Actor actor, TimeProvider clock) : CenturionDb(options, actor, clock);
