using Centurion.Features.Campaigns;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Evaluation.Publication;

/// <summary>
/// A month's evaluation as the campaign office published it: frozen (<see cref="IFrozen"/>), so no later operation changes it.
/// It holds what <see cref="Evaluations.ComputeAsync"/> gave at <see cref="AsOfUtc"/> twice over: as rows (a score per unit,
/// a point row per explanation line) for queries and pages, and as one canonical JSON text (<see cref="Snapshot"/>) with its
/// SHA-256, which the rows can be checked against. Once per campaign, month and scheme version.
/// </summary>
public sealed class EvaluationPublication : IFrozen
{
    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public Campaign? Campaign { get; private set; }

    /// <summary>The evaluation month's key, e.g. 2022-08.</summary>
    public string Month { get; private set; } = "";
    public DateOnly WindowFrom { get; private set; }
    public DateOnly WindowTo { get; private set; }
    public int SchemeNumber { get; private set; }

    /// <summary>The last province day a unit may appeal a deduction: the publication's day plus the scheme's appeal days.</summary>
    public DateOnly AppealUntil { get; private set; }
    public string PublishedBy { get; private set; } = "";
    public DateTime PublishedUtc { get; private set; }
    public DateTime AsOfUtc { get; private set; }
    public string Snapshot { get; private set; } = "";
    public string SnapshotSha256 { get; private set; } = "";

    private readonly List<EvaluationPublishedScore> _scores = [];
    public IReadOnlyList<EvaluationPublishedScore> Scores => _scores;

    private EvaluationPublication() { }

    internal EvaluationPublication(int campaignId, string month, DateOnly from, DateOnly to, int scheme, DateOnly appealUntil, string by, DateTime at,
        IEnumerable<EvaluationPublishedScore> scores, string snapshot, string sha256)
    {
        (CampaignId, Month, WindowFrom, WindowTo, SchemeNumber, AppealUntil, PublishedBy, PublishedUtc, AsOfUtc) = (campaignId, month, from, to, scheme, appealUntil, by, at, at);
        _scores.AddRange(scores);
        (Snapshot, SnapshotSha256) = (snapshot, sha256);
    }

    /// <summary>Whether a unit may still appeal at <paramref name="nowUtc"/>: up to the end of <see cref="AppealUntil"/>, province time.</summary>
    public bool AppealOpen(DateTime nowUtc) => DateOnly.FromDateTime(ProvinceTime.ToLocal(nowUtc)) <= AppealUntil;
}

/// <summary>One unit's published score: frozen.</summary>
public sealed class EvaluationPublishedScore : IFrozen
{
    public const int NameLength = 200, ReasonLength = 500;

    public long Id { get; private set; }
    public long PublicationId { get; private set; }
    public string UnitCode { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public decimal Score { get; private set; }
    public int Rank { get; private set; }

    /// <summary>red, black or none.</summary>
    public string List { get; private set; } = "";
    public string? ListReason { get; private set; }

    private readonly List<EvaluationPublishedPoint> _points = [];
    public IReadOnlyList<EvaluationPublishedPoint> Points => _points;

    private EvaluationPublishedScore() { }

    internal EvaluationPublishedScore(string unit, string nameZh, string nameEn, decimal score, int rank, string list, string? reason, IEnumerable<EvaluationPublishedPoint> points)
    {
        (UnitCode, NameZh, NameEn, Score, Rank, List, ListReason) = (unit, nameZh, nameEn, score, rank, list, reason);
        _points.AddRange(points);
    }

    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameZh;
}

/// <summary>One row of a published explanation: frozen. <see cref="Order"/> is its place in the explanation, from 1.</summary>
public sealed class EvaluationPublishedPoint : IFrozen
{
    public const int RuleLength = 100, SourceLength = 200, LabelLength = 1200, ValueLength = 200;

    public long Id { get; private set; }
    public long ScoreId { get; private set; }
    public int Order { get; private set; }
    public string Rule { get; private set; } = "";
    public string? SourceType { get; private set; }
    public string? SourceId { get; private set; }
    public string? SourceLabel { get; private set; }
    public string Value { get; private set; } = "";
    public decimal Points { get; private set; }

    private EvaluationPublishedPoint() { }

    internal EvaluationPublishedPoint(int order, string rule, string? type, string? id, string? label, string value, decimal points) =>
        (Order, Rule, SourceType, SourceId, SourceLabel, Value, Points) = (order, rule, type, id, label, value, points);

    public bool IsDeduction => Points < 0;
}

internal sealed class EvaluationPublicationConfiguration : IEntityTypeConfiguration<EvaluationPublication>
{
    public void Configure(EntityTypeBuilder<EvaluationPublication> e)
    {
        e.ToTable("EvaluationPublications");
        e.HasIndex(p => new { p.CampaignId, p.Month, p.SchemeNumber }).IsUnique();
        e.Property(p => p.Month).HasMaxLength(7);
        e.Property(p => p.PublishedBy).HasMaxLength(256);
        e.Property(p => p.SnapshotSha256).HasMaxLength(64);
        e.HasOne(p => p.Campaign).WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Scores).WithOne().HasForeignKey(s => s.PublicationId).OnDelete(DeleteBehavior.Restrict);
        e.Navigation(p => p.Scores).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EvaluationPublishedScoreConfiguration : IEntityTypeConfiguration<EvaluationPublishedScore>
{
    public void Configure(EntityTypeBuilder<EvaluationPublishedScore> e)
    {
        e.ToTable("EvaluationPublishedScores");
        e.HasIndex(s => new { s.PublicationId, s.UnitCode }).IsUnique();
        e.Property(s => s.UnitCode).HasMaxLength(32);
        e.Property(s => s.NameZh).HasMaxLength(EvaluationPublishedScore.NameLength);
        e.Property(s => s.NameEn).HasMaxLength(EvaluationPublishedScore.NameLength);
        e.Property(s => s.Score).HasPrecision(12, 2);
        e.Property(s => s.List).HasMaxLength(8);
        e.Property(s => s.ListReason).HasMaxLength(EvaluationPublishedScore.ReasonLength);
        e.HasMany(s => s.Points).WithOne().HasForeignKey(p => p.ScoreId).OnDelete(DeleteBehavior.Restrict);
        e.Navigation(s => s.Points).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EvaluationPublishedPointConfiguration : IEntityTypeConfiguration<EvaluationPublishedPoint>
{
    public void Configure(EntityTypeBuilder<EvaluationPublishedPoint> e)
    {
        e.ToTable("EvaluationPublishedPoints");
        e.HasIndex(p => new { p.ScoreId, p.Order }).IsUnique();
        e.Property(p => p.Rule).HasMaxLength(EvaluationPublishedPoint.RuleLength);
        e.Property(p => p.SourceType).HasMaxLength(32);
        e.Property(p => p.SourceId).HasMaxLength(EvaluationPublishedPoint.SourceLength);
        e.Property(p => p.SourceLabel).HasMaxLength(EvaluationPublishedPoint.LabelLength);
        e.Property(p => p.Value).HasMaxLength(EvaluationPublishedPoint.ValueLength);
        e.Property(p => p.Points).HasPrecision(12, 2);
    }
}
