using Centurion.Features.Campaigns;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Supervision.Teams;

/// <summary>
/// A supervision team (督导组) of a campaign: led by a department leader from the campaign's leader links, linked to the
/// prefectures that leader is linked to, covering some police lines, with users as members. A team plans unannounced
/// inspections only within its prefectures.
/// </summary>
public sealed class SupervisionTeam : IAuditedUnit
{
    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public Campaign? Campaign { get; private set; }
    public string Name { get; private set; } = "";
    public string LeaderName { get; private set; } = "";
    public string LeaderTitle { get; private set; } = "";

    /// <summary>The line codes the team covers, comma-separated; empty for all lines.</summary>
    public string Lines { get; private set; } = "";

    /// <summary>The campaign's root unit (the province): the team's audit rows belong there, out of the inspected units' sight.</summary>
    public int OfficeUnitId { get; private set; }

    private readonly List<TeamMember> _members = [];
    private readonly List<TeamPrefecture> _prefectures = [];
    public IReadOnlyList<TeamMember> Members => _members;
    public IReadOnlyList<TeamPrefecture> Prefectures => _prefectures;

    int? IAuditedUnit.AuditUnitId => OfficeUnitId;

    private SupervisionTeam() { }

    public IReadOnlyList<string> LineCodes => Lines.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool HasMember(string? userId) => userId is not null && _members.Any(m => m.UserId == userId);

    /// <param name="leaderName">One of the campaign's linked leaders; the team's prefectures are that leader's links.</param>
    /// <param name="lines">Line codes, already checked to exist.</param>
    public static SupervisionTeam Form(Campaign campaign, string? name, string? leaderName, IEnumerable<string> lines, IEnumerable<(string UserId, string UserName)> members)
    {
        var leader = leaderName?.Trim() ?? "";
        var links = campaign.LeaderLinks.Where(l => l.LeaderName == leader).ToList();
        if (links.Count == 0)
            throw DomainException.Invalid(new($"“{leader}”不是本行动的联系市州厅领导。", $"“{leader}” is not one of the campaign's linked department leaders."),
                new Dictionary<string, string[]> { ["leader"] = [new Phrase("须为本行动的联系领导", "must be a linked leader of the campaign")] });
        var title = name?.Trim() ?? "";
        if (title.Length is 0 or > 100)
            throw DomainException.Invalid(new("督导组名称须填写，最多 100 个字。", "The team's name is required, at most 100 characters."),
                new Dictionary<string, string[]> { ["name"] = [new Phrase("必填", "required")] });
        var team = new SupervisionTeam
        {
            CampaignId = campaign.Id, Campaign = campaign, Name = title, LeaderName = leader, LeaderTitle = links[0].LeaderTitle,
            Lines = string.Join(",", lines.Distinct()), OfficeUnitId = campaign.RootUnitId,
        };
        team._prefectures.AddRange(links.Select(l => l.UnitId).Distinct().Select(id => new TeamPrefecture(id)));
        foreach (var m in members) team.AddMember(m.UserId, m.UserName);
        return team;
    }

    public void AddMember(string userId, string userName)
    {
        if (HasMember(userId))
            throw DomainException.Conflict(new($"{userName} 已是本督导组成员。", $"{userName} is a member of this team already."));
        _members.Add(new TeamMember(userId, userName, OfficeUnitId));
    }
}

public sealed class TeamMember : IAuditedUnit
{
    public int Id { get; private set; }
    public int TeamId { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public int OfficeUnitId { get; private set; }
    int? IAuditedUnit.AuditUnitId => OfficeUnitId;

    private TeamMember() { }

    internal TeamMember(string userId, string userName, int officeUnitId) => (UserId, UserName, OfficeUnitId) = (userId, userName, officeUnitId);
}

/// <summary>A prefecture the team is linked to, through its leader.</summary>
public sealed class TeamPrefecture : IUnitOwned
{
    public int TeamId { get; private set; }
    public int UnitId { get; private set; }

    private TeamPrefecture() { }

    internal TeamPrefecture(int unitId) => UnitId = unitId;
}

internal sealed class SupervisionTeamConfiguration : IEntityTypeConfiguration<SupervisionTeam>
{
    public void Configure(EntityTypeBuilder<SupervisionTeam> e)
    {
        e.ToTable("SupervisionTeams");
        e.Property(t => t.Name).HasMaxLength(100);
        e.Property(t => t.LeaderName).HasMaxLength(100);
        e.Property(t => t.LeaderTitle).HasMaxLength(100);
        e.Property(t => t.Lines).HasMaxLength(500);
        e.HasOne(t => t.Campaign).WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Units.Unit>().WithMany().HasForeignKey(t => t.OfficeUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId);
        e.HasMany(t => t.Prefectures).WithOne().HasForeignKey(p => p.TeamId);
        e.Navigation(t => t.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Navigation(t => t.Prefectures).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> e)
    {
        e.ToTable("SupervisionTeamMembers");
        e.HasIndex(m => new { m.TeamId, m.UserId }).IsUnique();
        e.HasIndex(m => m.UserId);
        e.Property(m => m.UserName).HasMaxLength(256);
        e.HasOne<Accounts.User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamPrefectureConfiguration : IEntityTypeConfiguration<TeamPrefecture>
{
    public void Configure(EntityTypeBuilder<TeamPrefecture> e)
    {
        e.ToTable("SupervisionTeamPrefectures");
        e.HasKey(p => new { p.TeamId, p.UnitId });
        e.HasOne<Units.Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
