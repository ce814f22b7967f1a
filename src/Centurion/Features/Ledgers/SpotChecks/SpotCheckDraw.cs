using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Ledgers.SpotChecks;

/// <summary>
/// One draw of units for a round of emergency-duty spot checks (应急值守抽查). Its seed, candidates (in order) and result
/// are stored with it, so the draw can be re-run by anyone (<see cref="Reproduce"/>). A second draw for the same round
/// is a new draw with a reason, and the earlier one is marked superseded: nothing is redrawn quietly.
/// </summary>
public sealed class SpotCheckDraw
{
    public long Id { get; private set; }
    public int CampaignId { get; private set; }

    /// <summary>The Monday of the week the round covers.</summary>
    public DateOnly Round { get; private set; }

    /// <summary>1 for the round's first draw, 2 for the first redraw, and so on.</summary>
    public int Sequence { get; private set; }
    public long Seed { get; private set; }

    /// <summary>The candidate unit codes in the order the draw used them, comma-separated.</summary>
    public string Candidates { get; private set; } = "";
    public int Count { get; private set; }

    /// <summary>The drawn unit codes in the order drawn, comma-separated.</summary>
    public string Drawn { get; private set; } = "";
    public string? Reason { get; private set; }
    public string DrawnBy { get; private set; } = "";
    public DateTime DrawnUtc { get; private set; }
    public DateTime? SupersededUtc { get; private set; }

    private readonly List<SpotCheck> _checks = [];
    public IReadOnlyList<SpotCheck> Checks => _checks;

    private SpotCheckDraw() { }

    /// <summary>For the demo's bulk writer, which gives keys itself.</summary>
    internal void SeedKey(long id)
    {
        Id = id;
        foreach (var k in _checks) k.SeedOwner(id);
    }

    public IReadOnlyList<string> CandidateCodes => Candidates.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public IReadOnlyList<string> DrawnCodes => Drawn.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public bool IsSuperseded => SupersededUtc is not null;

    /// <summary>Re-runs the draw from what is stored; equal to <see cref="DrawnCodes"/> unless the row was tampered with.</summary>
    public IReadOnlyList<string> Reproduce() => DutyDraw.Pick((ulong)Seed, CandidateCodes, Count);

    /// <param name="candidates">Candidate units in a fixed order (by code), with their ids.</param>
    /// <param name="earlier">The round's earlier draws: a redraw needs a reason and supersedes the one in force.</param>
    public static SpotCheckDraw Make(int campaignId, DateOnly round, ulong seed, IReadOnlyList<(int Id, string Code)> candidates, int count,
        IReadOnlyList<SpotCheckDraw> earlier, string? reason, string by, DateTime at)
    {
        if (round.DayOfWeek != DayOfWeek.Monday)
            throw DomainException.Invalid(new("抽查轮次以周计，请给出该周的星期一。", "A round is a week: give its Monday."));
        if (candidates.Count == 0)
            throw DomainException.Invalid(new("没有可抽取的单位。", "There are no candidate units."));
        if (candidates.Select(c => c.Code).Distinct().Count() != candidates.Count)
            throw DomainException.Invalid(new("候选单位有重复。", "A candidate unit is listed twice."));
        if (count < 1 || count > candidates.Count)
            throw DomainException.Invalid(new($"抽取数须在 1 至 {candidates.Count}（候选单位数）之间。", $"The number drawn must be 1 to {candidates.Count} (the candidates)."),
                new Dictionary<string, string[]> { ["count"] = [$"1–{candidates.Count}"] });
        var inForce = earlier.Where(d => !d.IsSuperseded).ToList();
        var why = reason?.Trim();
        if (earlier.Count > 0 && string.IsNullOrEmpty(why))
            throw DomainException.Invalid(new("本轮已抽取过：重新抽取须说明理由，并会留下记录。", "This round has been drawn already: a new draw needs a reason, and stays on the record."),
                new Dictionary<string, string[]> { ["reason"] = [new Phrase("必填", "required")] });
        if (why?.Length > 500) throw DomainException.Invalid(new("理由最多 500 个字。", "The reason is at most 500 characters."));
        foreach (var d in inForce) d.SupersededUtc = at;

        var codes = candidates.Select(c => c.Code).ToList();
        var drawn = DutyDraw.Pick(seed, codes, count);
        var ids = candidates.ToDictionary(c => c.Code, c => c.Id);
        var draw = new SpotCheckDraw
        {
            CampaignId = campaignId, Round = round, Sequence = earlier.Count + 1, Seed = (long)seed, Candidates = string.Join(",", codes),
            Count = count, Drawn = string.Join(",", drawn), Reason = string.IsNullOrEmpty(why) ? null : why, DrawnBy = by, DrawnUtc = at,
        };
        draw._checks.AddRange(drawn.Select(code => new SpotCheck(ids[code])));
        return draw;
    }
}

/// <summary>The check of one drawn unit: a call to its duty post, and what was found. Recorded once, by the campaign office.</summary>
public sealed class SpotCheck : IUnitOwned
{
    public long Id { get; private set; }
    public long DrawId { get; private set; }
    public SpotCheckDraw? Draw { get; private set; }
    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }
    public DateTime? CalledUtc { get; private set; }

    /// <summary>Seconds until the duty phone was answered; null when nobody answered.</summary>
    public int? AnsweredWithinSeconds { get; private set; }
    public bool RosterComplete { get; private set; }
    public bool LeaderReachable { get; private set; }
    public bool EquipmentReady { get; private set; }
    public string? Notes { get; private set; }
    public bool? Passed { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTime? RecordedUtc { get; private set; }

    private SpotCheck() { }

    internal SpotCheck(int unitId) => UnitId = unitId;

    internal void SeedOwner(long drawId) => DrawId = drawId;

    public bool IsRecorded => Passed is not null;

    public void Record(DateTime calledUtc, int? answeredWithinSeconds, bool rosterComplete, bool leaderReachable, bool equipmentReady,
        string? notes, string by, DateTime at)
    {
        if (Draw is { IsSuperseded: true })
            throw DomainException.Conflict(new("这次抽取已被重新抽取取代，不能再记录。", "This draw was superseded by a new one; its checks cannot be recorded."));
        if (IsRecorded)
            throw DomainException.Conflict(new("该单位的抽查结果已记录，不能覆盖。", "This unit's check is recorded already and cannot be overwritten."));
        if (Problems(calledUtc, answeredWithinSeconds, notes, at) is [var first, ..] all)
            throw DomainException.Invalid(first.Message, all.ToDictionary(p => p.Field, p => new[] { (string)p.Message }));
        (CalledUtc, AnsweredWithinSeconds, RosterComplete, LeaderReachable, EquipmentReady) =
            (calledUtc, answeredWithinSeconds, rosterComplete, leaderReachable, equipmentReady);
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        Passed = DutyCheckRules.Broken(answeredWithinSeconds, rosterComplete, leaderReachable, equipmentReady).Count == 0;
        (RecordedBy, RecordedUtc) = (by, at);
    }

    /// <summary>What is wrong with a check's input, by field (as the API names it); the form, the API and the import say the same.</summary>
    public static IReadOnlyList<(string Field, Phrase Message)> Problems(DateTime calledUtc, int? answeredWithinSeconds, string? notes, DateTime now)
    {
        var problems = new List<(string, Phrase)>();
        if (answeredWithinSeconds is < 0 or > 3600)
            problems.Add(("answeredWithinSeconds", new("接听秒数须在 0 至 3600 之间；无人接听请留空。", "Seconds to answer must be 0 to 3600; leave it empty when nobody answered.")));
        if (calledUtc > now) problems.Add(("calledAt", new("抽查时间不能晚于现在。", "The call cannot be in the future.")));
        if (notes?.Trim().Length > 1000) problems.Add(("notes", new("备注最多 1000 个字。", "Notes are at most 1000 characters.")));
        return problems;
    }

    public IReadOnlyList<DutyCheckRules.Rule> Broken =>
        IsRecorded ? DutyCheckRules.Broken(AnsweredWithinSeconds, RosterComplete, LeaderReachable, EquipmentReady) : [];
}

public sealed class SpotCheckDrawConfiguration : IEntityTypeConfiguration<SpotCheckDraw>
{
    public void Configure(EntityTypeBuilder<SpotCheckDraw> e)
    {
        e.ToTable("SpotCheckDraws");
        e.HasIndex(d => new { d.CampaignId, d.Round, d.Sequence }).IsUnique();
        e.Property(d => d.Candidates).HasMaxLength(20000);
        e.Property(d => d.Drawn).HasMaxLength(4000);
        e.Property(d => d.Reason).HasMaxLength(500);
        e.Property(d => d.DrawnBy).HasMaxLength(100);
        e.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(d => d.Checks).WithOne(c => c.Draw).HasForeignKey(c => c.DrawId);
        e.Navigation(d => d.Checks).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheck> e)
    {
        e.ToTable("SpotChecks");
        e.HasIndex(c => new { c.UnitId, c.CalledUtc });
        e.Property(c => c.Notes).HasMaxLength(1000);
        e.Property(c => c.RecordedBy).HasMaxLength(100);
        e.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
