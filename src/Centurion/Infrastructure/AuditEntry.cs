using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Infrastructure;

/// <summary>One change to domain data. Append-only: frozen (<see cref="IFrozen"/>), the context refuses to update or delete these rows.</summary>
public sealed class AuditEntry : IFrozen
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public string? UserId { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public required string Action { get; set; }

    /// <summary>The unit the changed data belongs to, so the audit can be read by unit subtree.</summary>
    public int? UnitId { get; set; }

    public string? Before { get; set; }
    public string? After { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(a => a.AtUtc);
        e.HasIndex(a => new { a.UnitId, a.AtUtc });
        e.HasIndex(a => new { a.Actor, a.AtUtc });
    }
}

/// <summary>Data that belongs to one unit; scope checks and the audit use it.</summary>
public interface IUnitOwned : IAuditedUnit
{
    int UnitId { get; }

    int? IAuditedUnit.AuditUnitId => UnitId;
}

/// <summary>An entity whose audit rows name the unit it belongs to, so the audit can be read by unit subtree; others get none.</summary>
public interface IAuditedUnit
{
    /// <summary>Read after saving, so a generated key is known.</summary>
    int? AuditUnitId { get; }
}

/// <summary>Rows derived from data that is audited (closure rows, facts): not audited themselves.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>Properties whose values never go into the audit (secrets, hashes); the audit notes neither before nor after.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditRedactsAttribute(params string[] properties) : Attribute
{
    public IReadOnlyList<string> Properties { get; } = properties;
}
