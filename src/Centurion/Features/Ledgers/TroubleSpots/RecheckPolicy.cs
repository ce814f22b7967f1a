using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Ledgers.TroubleSpots;

/// <summary>A campaign's interval between clearing a trouble spot and re-checking it. Without one, <see cref="DefaultDays"/>.</summary>
public sealed class RecheckPolicy
{
    public const int DefaultDays = 14;

    public int CampaignId { get; private set; }
    public int Days { get; private set; }

    private RecheckPolicy() { }

    public RecheckPolicy(int campaignId, int days) => (CampaignId, Days) = (campaignId, Checked(days));

    public void Set(int days) => Days = Checked(days);

    private static int Checked(int days) => days is >= 1 and <= 180 ? days
        : throw Infrastructure.DomainException.Invalid(new("复查间隔须为 1 至 180 天。", "The re-check interval must be 1 to 180 days."));
}

public sealed class RecheckPolicyConfiguration : IEntityTypeConfiguration<RecheckPolicy>
{
    public void Configure(EntityTypeBuilder<RecheckPolicy> e)
    {
        e.ToTable("TroubleSpotRecheckPolicies");
        e.HasKey(p => p.CampaignId);
        e.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
