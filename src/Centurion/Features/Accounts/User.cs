using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Accounts;

/// <summary>A person or system account. What they may see is their unit's subtree, and only their line when they have one.</summary>
[AuditRedacts(nameof(PasswordHash), nameof(SecurityStamp), nameof(ConcurrencyStamp))]
public sealed class User : IdentityUser, IAuditedUnit
{
    public string DisplayName { get; set; } = "";
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int? LineId { get; set; }
    public Line? Line { get; set; }

    /// <summary>"zh-CN" or "en"; null follows the browser.</summary>
    public string? Culture { get; set; }

    int? IAuditedUnit.AuditUnitId => UnitId;
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> e)
    {
        e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(u => u.Line).WithMany().HasForeignKey(u => u.LineId).OnDelete(DeleteBehavior.Restrict);
        e.Property(u => u.Culture).HasMaxLength(10);
    }
}

public static class Roles
{
    public const string CampaignOffice = "campaign-office";
    public const string UnitLeader = "unit-leader";
    public const string Reporter = "reporter";
    public const string LineCoordinator = "line-coordinator";
    public const string Supervisor = "supervisor";
    public const string Viewer = "viewer";

    public static readonly string[] All = [CampaignOffice, UnitLeader, Reporter, LineCoordinator, Supervisor, Viewer];

    public static Phrase Name(string role) => role switch
    {
        CampaignOffice => new("行动专班", "Campaign office"),
        UnitLeader => new("单位领导", "Unit leader"),
        Reporter => new("填报员", "Reporter"),
        LineCoordinator => new("警种条线", "Line coordinator"),
        Supervisor => new("督导组", "Supervisor"),
        Viewer => new("查阅", "Viewer"),
        _ => new(role, role),
    };
}

/// <summary>A key another system sends in X-Api-Key. Only its SHA-256 hash is stored; the key is shown once.</summary>
[AuditRedacts(nameof(Hash))]
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public User? User { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the key, to tell keys apart in lists.</summary>
    public required string Prefix { get; set; }

    public required string Hash { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.HasIndex(k => k.Hash).IsUnique();
        e.Property(k => k.Hash).HasMaxLength(64);
        e.Property(k => k.Prefix).HasMaxLength(16);
    }
}
