using Centurion.Features.Campaigns;
using Centurion.Features.Escalation.Rules;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Escalation;

public enum LadderState { Draft, Published }

public enum LadderEvent { Drafted, Edited, Published }

/// <summary>
/// One numbered version of a campaign's escalation ladder, on the scoring scheme's pattern (<c>ScoringSchemeVersion</c>): a
/// draft is edited freely (each save a sound ladder, kept in the history); publishing fixes it and makes it apply from its month
/// on, until a later version's month. At most one draft at a time; a new draft starts from the latest published version. The
/// rules are kept as the ladder's JSON (<see cref="LadderJson"/>), the same text that is exported and imported.
/// </summary>
public sealed class LadderVersion
{
    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public Campaign? Campaign { get; private set; }
    public int Number { get; private set; }

    /// <summary>The first day of the first evaluation month the version applies to.</summary>
    public DateOnly FromMonth { get; private set; }
    public string Body { get; private set; } = "";
    public LadderState State { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTime? PublishedUtc { get; private set; }
    public int Version { get; private set; }

    private readonly List<LadderChange> _history = [];
    public IReadOnlyList<LadderChange> History => _history;

    private LadderVersion() { }

    public Ladder Ladder => LadderJson.Read(Body);

    public bool IsDraft => State == LadderState.Draft;

    public static LadderVersion Draft(Campaign campaign, int number, DateOnly fromMonth, Ladder ladder, string by, DateTime at)
    {
        var from = Month(campaign, fromMonth);
        LadderJson.Check(ladder);
        var v = new LadderVersion { CampaignId = campaign.Id, Campaign = campaign, Number = number, FromMonth = from, Body = LadderJson.Write(ladder), State = LadderState.Draft };
        v._history.Add(new(by, at, LadderEvent.Drafted, v.Body));
        return v;
    }

    /// <summary>Replaces the draft's rules and month; a published version never changes (409).</summary>
    public void Edit(Ladder ladder, DateOnly fromMonth, string by, DateTime at)
    {
        if (!IsDraft) throw DomainException.Conflict(new($"第 {Number} 版升级规则已发布，不能修改；请新建草稿。", $"Ladder version {Number} is published and cannot change; start a new draft."));
        var from = Month(Campaign ?? throw new InvalidOperationException("The campaign must be loaded."), fromMonth);
        LadderJson.Check(ladder);
        (Body, FromMonth) = (LadderJson.Write(ladder), from);
        _history.Add(new(by, at, LadderEvent.Edited, Body));
        Version++;
    }

    /// <summary>Publishes the draft: its month must come after every published version's, so a month already escalated under a version keeps it.</summary>
    public void Publish(IEnumerable<LadderVersion> published, string by, DateTime at)
    {
        if (!IsDraft) throw DomainException.Conflict(new($"第 {Number} 版升级规则已发布。", $"Ladder version {Number} is already published."));
        if (published.Where(p => !ReferenceEquals(p, this) && p.State == LadderState.Published).MaxBy(p => p.FromMonth) is { } latest && latest.FromMonth >= FromMonth)
            throw DomainException.Invalid(new("未发布：适用月份须晚于已发布版本。", "Not published: the month must come after the published versions'."),
                new Dictionary<string, string[]> { ["fromMonth"] = [new Phrase($"第 {latest.Number} 版自 {latest.FromMonth:yyyy-MM} 起适用，新版须晚于该月", $"version {latest.Number} applies from {latest.FromMonth:yyyy-MM}; a new one must start later")] });
        (State, PublishedBy, PublishedUtc) = (LadderState.Published, by, at);
        _history.Add(new(by, at, LadderEvent.Published, Body));
        Version++;
    }

    private static DateOnly Month(Campaign c, DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        if (first > c.EndDate || first.AddMonths(1) <= c.StartDate)
            throw DomainException.Invalid(LadderJson.Invalid, new Dictionary<string, string[]>
            {
                ["fromMonth"] = [new Phrase($"须在行动期间（{c.StartDate:yyyy-MM} 至 {c.EndDate:yyyy-MM}）", $"must fall within the campaign ({c.StartDate:yyyy-MM} to {c.EndDate:yyyy-MM})")],
            });
        return first;
    }
}

/// <summary>A step of a ladder version, with the rules as they stood after it.</summary>
public sealed class LadderChange
{
    public long Id { get; private set; }
    public long LadderVersionId { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public LadderEvent Event { get; private set; }
    public string Body { get; private set; } = "";

    private LadderChange() { }

    internal LadderChange(string by, DateTime at, LadderEvent what, string body) => (By, AtUtc, Event, Body) = (by, at, what, body);
}

internal sealed class LadderVersionConfiguration : IEntityTypeConfiguration<LadderVersion>
{
    public void Configure(EntityTypeBuilder<LadderVersion> e)
    {
        e.ToTable("EscalationLadderVersions");
        e.HasIndex(v => new { v.CampaignId, v.Number }).IsUnique();
        e.Property(v => v.State).HasConversion<string>().HasMaxLength(12);
        e.Property(v => v.PublishedBy).HasMaxLength(256);
        e.Property(v => v.Version).IsConcurrencyToken();
        e.Ignore(v => v.Ladder);
        e.HasOne(v => v.Campaign).WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(v => v.History).WithOne().HasForeignKey(c => c.LadderVersionId);
        e.Navigation(v => v.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LadderChangeConfiguration : IEntityTypeConfiguration<LadderChange>
{
    public void Configure(EntityTypeBuilder<LadderChange> e)
    {
        e.ToTable("EscalationLadderChanges");
        e.Property(c => c.By).HasMaxLength(256);
        e.Property(c => c.Event).HasConversion<string>().HasMaxLength(12);
    }
}
