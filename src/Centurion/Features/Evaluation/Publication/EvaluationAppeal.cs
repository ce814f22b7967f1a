using Centurion.Infrastructure;
using Centurion.Infrastructure.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Evaluation.Publication;

public enum AppealState { Open, Upheld, Dismissed }

public enum AppealEvent { Lodged, Upheld, Dismissed }

/// <summary>
/// A unit's appeal against one deduction of its published month (申诉): lodged by the unit with its reason (and evidence files)
/// within the appeal period, decided by the campaign office: upheld or dismissed, each with its reason. Upholding produces an
/// <see cref="EvaluationCorrection"/>, the month's own dated record; the frozen publication stays as it was.
/// </summary>
public sealed class EvaluationAppeal : IUnitOwned
{
    public const int ReasonLength = 2000;

    public long Id { get; private set; }
    public long PublicationId { get; private set; }
    public EvaluationPublication? Publication { get; private set; }
    public long PointId { get; private set; }
    public EvaluationPublishedPoint? Point { get; private set; }

    /// <summary>The appealing peer unit.</summary>
    public int UnitId { get; private set; }
    public string UnitCode { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public AppealState State { get; private set; }
    public string LodgedBy { get; private set; } = "";
    public DateTime LodgedUtc { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public string? Decision { get; private set; }
    public int Version { get; private set; }

    private readonly List<EvaluationAppealChange> _history = [];
    public IReadOnlyList<EvaluationAppealChange> History => _history;

    private EvaluationAppeal() { }

    /// <summary>
    /// Lodges an appeal against a deduction (a point row with negative points) of the unit's own published score, within the
    /// publication's appeal period (up to the end of its last province day): 409 after it, and for a row that is not a deduction.
    /// </summary>
    public static EvaluationAppeal Lodge(EvaluationPublication publication, EvaluationPublishedScore score, EvaluationPublishedPoint point, int unitId,
        string? reason, string by, DateTime at)
    {
        if (!point.IsDeduction)
            throw DomainException.Conflict(new("只能对扣分项提出申诉。", "Only a deduction can be appealed."));
        if (!publication.AppealOpen(at))
            throw DomainException.Conflict(new($"申诉期已于 {publication.AppealUntil:yyyy-MM-dd} 结束（发布后 {publication.AppealUntil.DayNumber - ProvinceDay(publication.PublishedUtc).DayNumber} 天内），不能再申诉。",
                $"The appeal period ended on {publication.AppealUntil:yyyy-MM-dd} ({publication.AppealUntil.DayNumber - ProvinceDay(publication.PublishedUtc).DayNumber} days after publication); no more appeals."));
        var r = Text(reason, "reason", new("请写明申诉理由。", "The appeal needs a reason."));
        var appeal = new EvaluationAppeal
        {
            PublicationId = publication.Id, Publication = publication, PointId = point.Id, Point = point, UnitId = unitId, UnitCode = score.UnitCode,
            Reason = r, State = AppealState.Open, LodgedBy = by, LodgedUtc = at,
        };
        appeal._history.Add(new(unitId, by, at, AppealEvent.Lodged, r));
        return appeal;
    }

    /// <summary>Upholds the appeal: the deduction's points are restored in a correction, returned for the caller to save beside it.</summary>
    public EvaluationCorrection Uphold(string? reason, decimal publishedScore, decimal earlierRestored, string by, DateTime at)
    {
        var r = Decide(AppealState.Upheld, AppealEvent.Upheld, reason, by, at);
        var point = Point ?? throw new InvalidOperationException("The appealed point row must be loaded.");
        var restored = -point.Points;
        return new EvaluationCorrection(this, restored, publishedScore + earlierRestored + restored, r, by, at);
    }

    public void Dismiss(string? reason, string by, DateTime at) => Decide(AppealState.Dismissed, AppealEvent.Dismissed, reason, by, at);

    private string Decide(AppealState to, AppealEvent what, string? reason, string by, DateTime at)
    {
        if (State != AppealState.Open)
            throw DomainException.Conflict(new($"申诉已{(State == AppealState.Upheld ? "采纳" : "驳回")}，不能再作决定。",
                $"The appeal is already {(State == AppealState.Upheld ? "upheld" : "dismissed")}; it cannot be decided again."));
        var r = Text(reason, "reason", new("请写明决定的理由。", "The decision needs a reason."));
        (State, DecidedBy, DecidedUtc, Decision) = (to, by, at, r);
        _history.Add(new(UnitId, by, at, what, r));
        Version++;
        return r;
    }

    public bool IsOpen => State == AppealState.Open;

    private static string Text(string? text, string field, Phrase message)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) throw DomainException.Invalid(message, new Dictionary<string, string[]> { [field] = [new Phrase("必填", "required")] });
        if (t.Length > ReasonLength)
            throw DomainException.Invalid(new($"最多 {ReasonLength} 个字。", $"At most {ReasonLength} characters."), new Dictionary<string, string[]> { [field] = [$"≤ {ReasonLength}"] });
        return t;
    }

    internal static DateOnly ProvinceDay(DateTime utc) => DateOnly.FromDateTime(ProvinceTime.ToLocal(utc));
}

/// <summary>One step of an appeal: lodged (the unit's reason), upheld or dismissed (the office's reason).</summary>
public sealed class EvaluationAppealChange : IUnitOwned
{
    public long Id { get; private set; }
    public long AppealId { get; private set; }
    public int UnitId { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public AppealEvent Event { get; private set; }
    public string Text { get; private set; } = "";

    private EvaluationAppealChange() { }

    internal EvaluationAppealChange(int unitId, string by, DateTime at, AppealEvent what, string text) => (UnitId, By, AtUtc, Event, Text) = (unitId, by, at, what, text);
}

/// <summary>An evidence file lodged with an appeal.</summary>
public sealed class EvaluationAppealEvidence : IUnitOwned
{
    public long Id { get; private set; }
    public long AppealId { get; private set; }
    public long EvidenceFileId { get; private set; }
    public EvidenceFile? File { get; private set; }
    public int UnitId { get; private set; }

    private EvaluationAppealEvidence() { }

    internal EvaluationAppealEvidence(EvaluationAppeal appeal, EvidenceFile file) => (AppealId, File, UnitId) = (appeal.Id, file, appeal.UnitId);
}

/// <summary>
/// A correction of a published month (更正): an upheld appeal's points restored to the unit, with the score as corrected (the
/// published score plus every correction of the unit's month so far) and the office's reason. Dated and frozen: it is the month's
/// own record beside the publication, never an edit of it; the rank and list stay as published.
/// </summary>
public sealed class EvaluationCorrection : IFrozen, IUnitOwned
{
    public long Id { get; private set; }
    public long PublicationId { get; private set; }
    public long AppealId { get; private set; }
    public long PointId { get; private set; }
    public int UnitId { get; private set; }
    public string UnitCode { get; private set; } = "";
    public decimal PointsRestored { get; private set; }
    public decimal CorrectedScore { get; private set; }
    public string Reason { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }

    private EvaluationCorrection() { }

    internal EvaluationCorrection(EvaluationAppeal appeal, decimal restored, decimal corrected, string reason, string by, DateTime at) =>
        (PublicationId, AppealId, PointId, UnitId, UnitCode, PointsRestored, CorrectedScore, Reason, By, AtUtc) =
        (appeal.PublicationId, appeal.Id, appeal.PointId, appeal.UnitId, appeal.UnitCode, restored, corrected, reason, by, at);
}

internal sealed class EvaluationAppealConfiguration : IEntityTypeConfiguration<EvaluationAppeal>
{
    public void Configure(EntityTypeBuilder<EvaluationAppeal> e)
    {
        e.ToTable("EvaluationAppeals");
        e.HasIndex(a => new { a.PublicationId, a.UnitId });
        e.HasIndex(a => new { a.PointId, a.State });
        e.Property(a => a.UnitCode).HasMaxLength(32);
        e.Property(a => a.Reason).HasMaxLength(EvaluationAppeal.ReasonLength);
        e.Property(a => a.Decision).HasMaxLength(EvaluationAppeal.ReasonLength);
        e.Property(a => a.State).HasConversion<string>().HasMaxLength(12);
        e.Property(a => a.LodgedBy).HasMaxLength(256);
        e.Property(a => a.DecidedBy).HasMaxLength(256);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasOne(a => a.Publication).WithMany().HasForeignKey(a => a.PublicationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.Point).WithMany().HasForeignKey(a => a.PointId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Units.Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(a => a.History).WithOne().HasForeignKey(c => c.AppealId);
        e.Navigation(a => a.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EvaluationAppealChangeConfiguration : IEntityTypeConfiguration<EvaluationAppealChange>
{
    public void Configure(EntityTypeBuilder<EvaluationAppealChange> e)
    {
        e.ToTable("EvaluationAppealChanges");
        e.Property(c => c.By).HasMaxLength(256);
        e.Property(c => c.Event).HasConversion<string>().HasMaxLength(12);
        e.Property(c => c.Text).HasMaxLength(EvaluationAppeal.ReasonLength);
    }
}

internal sealed class EvaluationAppealEvidenceConfiguration : IEntityTypeConfiguration<EvaluationAppealEvidence>
{
    public void Configure(EntityTypeBuilder<EvaluationAppealEvidence> e)
    {
        e.ToTable("EvaluationAppealEvidence");
        e.HasIndex(x => new { x.AppealId, x.EvidenceFileId }).IsUnique();
        e.HasOne<EvaluationAppeal>().WithMany().HasForeignKey(x => x.AppealId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.EvidenceFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationCorrectionConfiguration : IEntityTypeConfiguration<EvaluationCorrection>
{
    public void Configure(EntityTypeBuilder<EvaluationCorrection> e)
    {
        e.ToTable("EvaluationCorrections");
        e.HasIndex(c => new { c.PublicationId, c.UnitCode });
        e.HasIndex(c => c.AppealId).IsUnique();
        e.Property(c => c.UnitCode).HasMaxLength(32);
        e.Property(c => c.PointsRestored).HasPrecision(12, 2);
        e.Property(c => c.CorrectedScore).HasPrecision(12, 2);
        e.Property(c => c.Reason).HasMaxLength(EvaluationAppeal.ReasonLength);
        e.Property(c => c.By).HasMaxLength(256);
        e.HasOne<EvaluationPublication>().WithMany().HasForeignKey(c => c.PublicationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<EvaluationAppeal>().WithMany().HasForeignKey(c => c.AppealId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<EvaluationPublishedPoint>().WithMany().HasForeignKey(c => c.PointId).OnDelete(DeleteBehavior.Restrict);
    }
}
