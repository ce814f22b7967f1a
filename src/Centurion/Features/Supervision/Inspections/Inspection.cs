using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Supervision.Inspections;

public enum Severity { Minor, Major, Serious }

public enum FindingCategory { Duty, Patrol, KeyPlaces, TroubleSpots, Disputes, Reporting, Discipline, Other }

public sealed record FindingDetails(string? What, string? Where, Severity? Severity, FindingCategory? Category, int? LineId, string? EvidenceNote);

/// <summary>A plan carried out: when, who went, the checklist's answers, and what was found.</summary>
public sealed class Inspection : IAuditedUnit
{
    public long Id { get; private set; }
    public long PlanId { get; private set; }
    public InspectionPlan? Plan { get; private set; }
    public DateTime HappenedUtc { get; private set; }

    /// <summary>Who went, as typed (names joined with 、).</summary>
    public string Went { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedUtc { get; private set; }
    public int OfficeUnitId { get; private set; }
    int? IAuditedUnit.AuditUnitId => OfficeUnitId;

    private readonly List<ChecklistAnswer> _answers = [];
    private readonly List<Finding> _findings = [];
    public IReadOnlyList<ChecklistAnswer> Answers => _answers;
    public IReadOnlyList<Finding> Findings => _findings;

    private Inspection() { }

    internal Inspection(InspectionPlan plan, DateTime happenedUtc, string went, IEnumerable<ChecklistAnswer> answers, string by, DateTime at)
    {
        (Plan, HappenedUtc, Went, RecordedBy, RecordedUtc, OfficeUnitId) = (plan, happenedUtc, went, by, at, plan.OfficeUnitId);
        _answers.AddRange(answers);
    }

    /// <summary>Records a finding (问题) at the inspected unit. Only once the plan has been carried out.</summary>
    public Finding AddFinding(FindingDetails details, string by, DateTime at)
    {
        if (Plan is { State: not PlanState.CarriedOut })
            throw DomainException.Conflict(new("检查尚未实施，不能登记问题。", "The inspection has not been carried out; findings cannot be recorded."));
        var finding = new Finding(this, Plan!.TargetUnitId, details, by, at);
        _findings.Add(finding);
        return finding;
    }
}

public sealed class ChecklistAnswer : IAuditedUnit
{
    public long Id { get; private set; }
    public long InspectionId { get; private set; }
    public int Item { get; private set; }
    public string Text { get; private set; } = "";
    public bool Passed { get; private set; }
    public string? Note { get; private set; }
    public int OfficeUnitId { get; private set; }
    int? IAuditedUnit.AuditUnitId => OfficeUnitId;

    private ChecklistAnswer() { }

    internal ChecklistAnswer(int item, string text, bool passed, string? note, int officeUnitId) =>
        (Item, Text, Passed, Note, OfficeUnitId) = (item, text, passed, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), officeUnitId);
}

/// <summary>
/// A problem found (问题清单): what, where, how serious, of which kind and line, with a note of the evidence. It becomes
/// one or more <see cref="Rectification.RectificationItem"/>s. Evidence files attach here (by the finding's id).
/// </summary>
public sealed class Finding : IUnitOwned
{
    public const int WhatLength = 1000, WhereLength = 200, EvidenceLength = 1000;

    public long Id { get; private set; }
    public long InspectionId { get; private set; }
    public Inspection? Inspection { get; private set; }

    /// <summary>The inspected unit, where the problem was found.</summary>
    public int UnitId { get; private set; }
    public Units.Unit? Unit { get; private set; }
    public string What { get; private set; } = "";
    public string Where { get; private set; } = "";
    public Severity Severity { get; private set; }
    public FindingCategory Category { get; private set; }
    public int? LineId { get; private set; }
    public Units.Line? Line { get; private set; }

    /// <summary>What shows the problem (photos taken, documents seen), as text; evidence files attach to the finding itself.</summary>
    public string? EvidenceNote { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedUtc { get; private set; }

    private Finding() { }

    internal Finding(Inspection inspection, int unitId, FindingDetails d, string by, DateTime at)
    {
        var errors = new Dictionary<string, string[]>();
        var what = d.What?.Trim() ?? "";
        var where = d.Where?.Trim() ?? "";
        if (what.Length is 0 or > WhatLength) errors["what"] = [new Phrase($"请写明发现的问题（最多 {WhatLength} 字）", $"say what was found (at most {WhatLength} characters)")];
        if (where.Length is 0 or > WhereLength) errors["where"] = [new Phrase($"请写明地点（最多 {WhereLength} 字）", $"say where (at most {WhereLength} characters)")];
        if (d.Severity is null) errors["severity"] = [new Phrase("请选择严重程度", "choose a severity")];
        if (d.Category is null) errors["category"] = [new Phrase("请选择问题类别", "choose a category")];
        if (d.EvidenceNote?.Trim().Length > EvidenceLength) errors["evidenceNote"] = [new Phrase($"最多 {EvidenceLength} 字", $"at most {EvidenceLength} characters")];
        if (errors.Count > 0) throw DomainException.Invalid(new("问题未保存：请改正标出的错误。", "The finding was not saved: correct the errors marked."), errors);
        (Inspection, UnitId, What, Where, Severity, Category, LineId) = (inspection, unitId, what, where, d.Severity!.Value, d.Category!.Value, d.LineId);
        EvidenceNote = string.IsNullOrWhiteSpace(d.EvidenceNote) ? null : d.EvidenceNote.Trim();
        (RecordedBy, RecordedUtc) = (by, at);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> e)
    {
        e.ToTable("Inspections");
        e.HasIndex(i => i.PlanId).IsUnique();
        e.Property(i => i.Went).HasMaxLength(1000);
        e.Property(i => i.RecordedBy).HasMaxLength(256);
        e.HasMany(i => i.Answers).WithOne().HasForeignKey(a => a.InspectionId);
        e.HasMany(i => i.Findings).WithOne(f => f.Inspection).HasForeignKey(f => f.InspectionId);
        e.Navigation(i => i.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Navigation(i => i.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ChecklistAnswerConfiguration : IEntityTypeConfiguration<ChecklistAnswer>
{
    public void Configure(EntityTypeBuilder<ChecklistAnswer> e)
    {
        e.ToTable("InspectionAnswers");
        e.Property(a => a.Text).HasMaxLength(InspectionPlan.ItemLength);
        e.Property(a => a.Note).HasMaxLength(500);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> e)
    {
        e.ToTable("Findings");
        e.HasIndex(f => f.UnitId);
        e.Property(f => f.What).HasMaxLength(Finding.WhatLength);
        e.Property(f => f.Where).HasMaxLength(Finding.WhereLength);
        e.Property(f => f.EvidenceNote).HasMaxLength(Finding.EvidenceLength);
        e.Property(f => f.RecordedBy).HasMaxLength(256);
        e.Property(f => f.Severity).HasConversion<string>().HasMaxLength(12);
        e.Property(f => f.Category).HasConversion<string>().HasMaxLength(16);
        e.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(f => f.Line).WithMany().HasForeignKey(f => f.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}
