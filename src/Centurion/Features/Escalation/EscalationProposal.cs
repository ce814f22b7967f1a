using System.Text.Json;
using Centurion.Features.Campaigns;
using Centurion.Features.Escalation.Rules;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Escalation;

public enum ProposalState { Open, Confirmed, Waived }

public enum ProposalEvent { Proposed, Confirmed, Waived }

/// <summary>
/// What a ladder rule opened for a unit (<see cref="Proposal"/>), proposed to the campaign office: open until the office
/// confirms it (a criticism is then printed in the month's notice; an interview or a case is opened) or waives it with a
/// reason. Either is final (409 after); each step is a history row. Made once per unit, rule and key (unique), so a waived
/// proposal is not proposed again for what it was about.
/// </summary>
public sealed class EscalationProposal : IUnitOwned
{
    public const int ReasonLength = 1000, RuleLength = Ladder.NameLength, KeyLength = 64;

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public Campaign? Campaign { get; private set; }
    public int UnitId { get; private set; }
    public Units.Unit? Unit { get; private set; }

    /// <summary>The evaluation month the rules ran for (<c>2022-08</c>).</summary>
    public string Month { get; private set; } = "";
    public int LadderNumber { get; private set; }
    public string Rule { get; private set; } = "";
    public Rung Rung { get; private set; }
    public string Key { get; private set; } = "";

    /// <summary>The reasons as JSON (a list of <see cref="Reason"/>): what the rule found, each with its source.</summary>
    public string ReasonsJson { get; private set; } = "[]";
    public ProposalState State { get; private set; }
    public DateTime ProposedUtc { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public string? Decision { get; private set; }
    public int Version { get; private set; }

    private readonly List<ProposalChange> _history = [];
    public IReadOnlyList<ProposalChange> History => _history;

    private EscalationProposal() { }

    public static EscalationProposal Propose(int campaignId, int unitId, string month, int ladder, Proposal p, string by, DateTime at)
    {
        var x = new EscalationProposal
        {
            CampaignId = campaignId, UnitId = unitId, Month = month, LadderNumber = ladder, Rule = p.Rule, Rung = p.Rung, Key = p.Key,
            ReasonsJson = JsonSerializer.Serialize(p.Reasons, LadderJson.Options), State = ProposalState.Open, ProposedUtc = at,
        };
        x._history.Add(new(unitId, by, at, ProposalEvent.Proposed, null));
        return x;
    }

    public IReadOnlyList<Reason> Reasons => JsonSerializer.Deserialize<List<Reason>>(ReasonsJson, LadderJson.Options) ?? [];

    public bool IsOpen => State == ProposalState.Open;

    public void Confirm(string? note, string by, DateTime at) => Decide(ProposalState.Confirmed, Optional(note), by, at);

    public void Waive(string? reason, string by, DateTime at)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > ReasonLength)
            throw DomainException.Invalid(new("不予采纳须说明理由。", "Waiving needs a reason."),
                new Dictionary<string, string[]> { ["reason"] = [new Phrase($"必填，最多 {ReasonLength} 字", $"required, at most {ReasonLength} characters")] });
        Decide(ProposalState.Waived, why, by, at);
    }

    private void Decide(ProposalState to, string? text, string by, DateTime at)
    {
        if (!IsOpen)
            throw DomainException.Conflict(new($"该建议已{(State == ProposalState.Confirmed ? "确认" : "不予采纳")}，不能再处理。",
                $"The proposal is already {(State == ProposalState.Confirmed ? "confirmed" : "waived")}; it cannot be decided again."));
        (State, DecidedBy, DecidedUtc, Decision) = (to, by, at, text);
        _history.Add(new(UnitId, by, at, to == ProposalState.Confirmed ? ProposalEvent.Confirmed : ProposalEvent.Waived, text));
        Version++;
    }

    private static string? Optional(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        return t.Length <= ReasonLength ? t : throw DomainException.Invalid(new($"说明最多 {ReasonLength} 字。", $"The note is at most {ReasonLength} characters."),
            new Dictionary<string, string[]> { ["reason"] = [new Phrase($"最多 {ReasonLength} 字", $"at most {ReasonLength} characters")] });
    }
}

public sealed class ProposalChange : IUnitOwned
{
    public long Id { get; private set; }
    public long ProposalId { get; private set; }
    public int UnitId { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public ProposalEvent Event { get; private set; }
    public string? Text { get; private set; }

    private ProposalChange() { }

    internal ProposalChange(int unitId, string by, DateTime at, ProposalEvent what, string? text) => (UnitId, By, AtUtc, Event, Text) = (unitId, by, at, what, text);
}

internal sealed class EscalationProposalConfiguration : IEntityTypeConfiguration<EscalationProposal>
{
    public void Configure(EntityTypeBuilder<EscalationProposal> e)
    {
        e.ToTable("EscalationProposals");
        e.HasIndex(p => new { p.CampaignId, p.UnitId, p.Rule, p.Key }).IsUnique();
        e.HasIndex(p => new { p.CampaignId, p.Month, p.State });
        e.Property(p => p.Month).HasMaxLength(7);
        e.Property(p => p.Rule).HasMaxLength(EscalationProposal.RuleLength);
        e.Property(p => p.Key).HasMaxLength(EscalationProposal.KeyLength);
        e.Property(p => p.Rung).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.State).HasConversion<string>().HasMaxLength(12);
        e.Property(p => p.DecidedBy).HasMaxLength(256);
        e.Property(p => p.Decision).HasMaxLength(EscalationProposal.ReasonLength);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.Ignore(p => p.Reasons);
        e.HasOne(p => p.Campaign).WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.History).WithOne().HasForeignKey(c => c.ProposalId);
        e.Navigation(p => p.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProposalChangeConfiguration : IEntityTypeConfiguration<ProposalChange>
{
    public void Configure(EntityTypeBuilder<ProposalChange> e)
    {
        e.ToTable("EscalationProposalChanges");
        e.Property(c => c.By).HasMaxLength(256);
        e.Property(c => c.Event).HasConversion<string>().HasMaxLength(12);
        e.Property(c => c.Text).HasMaxLength(EscalationProposal.ReasonLength);
    }
}
