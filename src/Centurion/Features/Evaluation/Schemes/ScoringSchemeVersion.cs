using Centurion.Features.Campaigns;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Evaluation.Schemes;

public enum SchemeState { Draft, Published }

public enum SchemeEvent { Drafted, Edited, Published }

/// <summary>
/// One numbered version of a campaign's scoring scheme. A draft is edited freely (each save must be a sound scheme, and is
/// kept in the history); publishing fixes it for good and makes it apply from its month on, until a later version's month.
/// A campaign has at most one draft at a time; a new draft starts as a copy of the latest published version. The rules are
/// kept as the scheme's JSON (<see cref="SchemeJson"/>), the same text that is exported and imported.
/// </summary>
public sealed class ScoringSchemeVersion
{
    public const int NoteLength = 1000;

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public Campaign? Campaign { get; private set; }
    public int Number { get; private set; }

    /// <summary>The first day of the first evaluation month the version applies to.</summary>
    public DateOnly FromMonth { get; private set; }
    public string Body { get; private set; } = "";
    public SchemeState State { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTime? PublishedUtc { get; private set; }
    public int Version { get; private set; }

    private readonly List<ScoringSchemeChange> _history = [];
    public IReadOnlyList<ScoringSchemeChange> History => _history;

    private ScoringSchemeVersion() { }

    public Scheme Scheme => SchemeJson.Read(Body);

    public SchemeVersion ToVersion() => new(Number, FromMonth, Scheme);

    public bool IsDraft => State == SchemeState.Draft;

    public static ScoringSchemeVersion Draft(Campaign campaign, int number, DateOnly fromMonth, Scheme scheme, string by, DateTime at)
    {
        var from = Month(campaign, fromMonth);
        SchemeJson.Check(scheme);
        var v = new ScoringSchemeVersion { CampaignId = campaign.Id, Campaign = campaign, Number = number, FromMonth = from, Body = SchemeJson.Write(scheme), State = SchemeState.Draft };
        v._history.Add(new(by, at, SchemeEvent.Drafted, v.Body));
        return v;
    }

    /// <summary>Replaces the draft's rules and month; a published version never changes (409).</summary>
    public void Edit(Scheme scheme, DateOnly fromMonth, string by, DateTime at)
    {
        if (!IsDraft) throw DomainException.Conflict(new($"第 {Number} 版已发布，不能修改；请新建草稿。", $"Version {Number} is published and cannot change; start a new draft."));
        var from = Month(Campaign ?? throw new InvalidOperationException("The campaign must be loaded."), fromMonth);
        SchemeJson.Check(scheme);
        (Body, FromMonth) = (SchemeJson.Write(scheme), from);
        _history.Add(new(by, at, SchemeEvent.Edited, Body));
        Version++;
    }

    /// <summary>
    /// Publishes the draft: from then on it is fixed. Its month must come after every published version's month, so that a
    /// month already scored under a version keeps it.
    /// </summary>
    public void Publish(IEnumerable<ScoringSchemeVersion> published, string by, DateTime at)
    {
        if (!IsDraft) throw DomainException.Conflict(new($"第 {Number} 版已发布。", $"Version {Number} is already published."));
        if (published.Where(p => !ReferenceEquals(p, this) && p.State == SchemeState.Published).MaxBy(p => p.FromMonth) is { } latest && latest.FromMonth >= FromMonth)
            throw DomainException.Invalid(new("未发布：适用月份须晚于已发布版本。", "Not published: the month must come after the published versions'."),
                new Dictionary<string, string[]> { ["fromMonth"] = [new Phrase($"第 {latest.Number} 版自 {latest.FromMonth:yyyy-MM} 起适用，新版须晚于该月", $"version {latest.Number} applies from {latest.FromMonth:yyyy-MM}; a new one must start later")] });
        (State, PublishedBy, PublishedUtc) = (SchemeState.Published, by, at);
        _history.Add(new(by, at, SchemeEvent.Published, Body));
        Version++;
    }

    /// <summary>The first day of <paramref name="month"/>, which must fall within the campaign (422 on fromMonth otherwise).</summary>
    private static DateOnly Month(Campaign c, DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        if (first > c.EndDate || first.AddMonths(1) <= c.StartDate)
            throw DomainException.Invalid(SchemeJson.Invalid, new Dictionary<string, string[]>
            {
                ["fromMonth"] = [new Phrase($"须在行动期间（{c.StartDate:yyyy-MM} 至 {c.EndDate:yyyy-MM}）", $"must fall within the campaign ({c.StartDate:yyyy-MM} to {c.EndDate:yyyy-MM})")],
            });
        return first;
    }
}

/// <summary>A step of a scheme version, with the rules as they stood after it.</summary>
public sealed class ScoringSchemeChange
{
    public long Id { get; private set; }
    public long SchemeVersionId { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public SchemeEvent Event { get; private set; }
    public string Body { get; private set; } = "";

    private ScoringSchemeChange() { }

    internal ScoringSchemeChange(string by, DateTime at, SchemeEvent what, string body) => (By, AtUtc, Event, Body) = (by, at, what, body);
}

internal sealed class ScoringSchemeVersionConfiguration : IEntityTypeConfiguration<ScoringSchemeVersion>
{
    public void Configure(EntityTypeBuilder<ScoringSchemeVersion> e)
    {
        e.ToTable("EvaluationSchemeVersions");
        e.HasIndex(v => new { v.CampaignId, v.Number }).IsUnique();
        e.Property(v => v.State).HasConversion<string>().HasMaxLength(12);
        e.Property(v => v.PublishedBy).HasMaxLength(256);
        e.Property(v => v.Version).IsConcurrencyToken();
        e.Ignore(v => v.Scheme);
        e.HasOne(v => v.Campaign).WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(v => v.History).WithOne().HasForeignKey(c => c.SchemeVersionId);
        e.Navigation(v => v.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ScoringSchemeChangeConfiguration : IEntityTypeConfiguration<ScoringSchemeChange>
{
    public void Configure(EntityTypeBuilder<ScoringSchemeChange> e)
    {
        e.ToTable("EvaluationSchemeChanges");
        e.Property(c => c.By).HasMaxLength(256);
        e.Property(c => c.Event).HasConversion<string>().HasMaxLength(12);
    }
}
