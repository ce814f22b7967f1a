using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.SpotChecks;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Infrastructure;

namespace Centurion.Tests.Ledgers;

/// <summary>The ledgers' state machines, without a database: every allowed and every refused transition.</summary>
public class DisputeTroubleSpotCheckRulesTests
{
    // 2022-07-10 10:00 in province time.
    private static readonly DateTime At = new(2022, 7, 10, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day = new(2022, 7, 10);

    private static Dispute NewDispute() =>
        Dispute.Create(7, new("王某与李某", DisputeType.Neighbour, RiskLevel.Medium, "锦江区某小区", Day, DisputeSource.WalkIn), "jinjiang", At);

    private static int Status(DomainException e) => e.Status;

    [Fact]
    public void A_dispute_goes_found_mediating_resolved_with_a_history_row_each()
    {
        var d = NewDispute();
        d.StartMediation("a", At.AddDays(1));
        d.FollowUp("a", At.AddDays(2), "双方同意再谈");
        d.Resolve("b", At.AddDays(3), "签订调解协议");

        Assert.Equal(DisputeStatus.Resolved, d.Status);
        Assert.Equal(new DateOnly(2022, 7, 13), d.ResolvedOn);
        Assert.Equal(["Found", "Mediating", "Mediating", "Resolved"], d.History.Select(h => h.To));
        Assert.Equal([null, "Found", "Mediating", "Mediating"], d.History.Select(h => h.From));
        Assert.True(d.History[2].IsFollowUp);
        Assert.Equal("b", d.History[3].By);
        Assert.Equal(At.AddDays(3), d.History[3].AtUtc);
    }

    [Fact]
    public void A_dispute_may_be_escalated_from_found_or_mediating_and_fail_only_while_mediating()
    {
        var a = NewDispute();
        a.Escalate(EscalationTarget.OtherAgency, "区人民法院", "a", At);
        Assert.Equal((DisputeStatus.Escalated, EscalationTarget.OtherAgency, "区人民法院"), (a.Status, a.EscalatedTo, a.EscalatedToName));

        var b = NewDispute();
        b.StartMediation("a", At);
        b.Escalate(EscalationTarget.HigherUnit, "成都市局", "a", At);
        Assert.Equal(DisputeStatus.Escalated, b.Status);

        var c = NewDispute();
        c.StartMediation("a", At);
        c.Fail("a", At, "一方拒绝调解");
        Assert.Equal(DisputeStatus.Failed, c.Status);
    }

    public static TheoryData<string, string> RefusedDisputeMoves => new()
    {
        { "found", "resolve" }, { "found", "fail" }, { "mediating", "mediate" },
        { "resolved", "mediate" }, { "resolved", "resolve" }, { "resolved", "escalate" }, { "resolved", "fail" },
        { "escalated", "mediate" }, { "escalated", "resolve" }, { "escalated", "escalate" }, { "escalated", "fail" },
        { "failed", "mediate" }, { "failed", "resolve" }, { "failed", "escalate" }, { "failed", "fail" },
    };

    [Theory, MemberData(nameof(RefusedDisputeMoves))]
    public void A_dispute_refuses_a_move_its_state_does_not_allow_with_409_and_no_history(string state, string move)
    {
        var d = NewDispute();
        switch (state)
        {
            case "mediating": d.StartMediation("a", At); break;
            case "resolved": d.StartMediation("a", At); d.Resolve("a", At); break;
            case "escalated": d.Escalate(EscalationTarget.HigherUnit, "市局", "a", At); break;
            case "failed": d.StartMediation("a", At); d.Fail("a", At, "拒绝"); break;
        }
        var before = (d.Status, d.History.Count, d.Version);
        var e = Assert.Throws<DomainException>(() =>
        {
            switch (move)
            {
                case "mediate": d.StartMediation("a", At); break;
                case "resolve": d.Resolve("a", At); break;
                case "escalate": d.Escalate(EscalationTarget.HigherUnit, "市局", "a", At); break;
                case "fail": d.Fail("a", At, "拒绝"); break;
            }
        });
        Assert.Equal(409, Status(e));
        Assert.Equal(before, (d.Status, d.History.Count, d.Version));
    }

    [Theory]
    [InlineData("张三 510104199001011234")]
    [InlineData("张三 51010419900101123X")]
    [InlineData("联系 13812345678")]
    [InlineData("联系 138-1234-5678")]
    public void Parties_that_hold_an_id_or_mobile_number_are_refused_with_422(string parties)
    {
        var e = Assert.Throws<DomainException>(() =>
            Dispute.Create(7, new(parties, DisputeType.Family, RiskLevel.Low, "某地", Day, DisputeSource.Call), "a", At));
        Assert.Equal(422, e.Status);
        Assert.Contains("parties", e.Errors!.Keys);
    }

    [Theory]
    [InlineData("王某（60岁）与李某", true)]
    [InlineData("2022年7月10日，3号楼与5号楼住户", true)]
    [InlineData("门牌 028-86661234", true)] // a landline is not a mobile
    public void Names_ages_dates_and_landlines_are_accepted(string parties, bool ok)
    {
        var d = Dispute.Create(7, new(parties, DisputeType.Family, RiskLevel.Low, "某地", Day, DisputeSource.Call), "a", At);
        Assert.Equal(ok, d.Parties == parties);
    }

    [Fact]
    public void Refused_inputs_of_a_dispute_are_422()
    {
        var d = NewDispute();
        Assert.Equal(422, Assert.Throws<DomainException>(() => d.Escalate(EscalationTarget.HigherUnit, " ", "a", At)).Status);
        d.StartMediation("a", At);
        Assert.Equal(422, Assert.Throws<DomainException>(() => d.Fail("a", At, "")).Status);
        Assert.Equal(422, Assert.Throws<DomainException>(() => d.FollowUp("a", At, null)).Status);
        Assert.Equal(422, Assert.Throws<DomainException>(() => Dispute.Create(7,
            new("甲乙", DisputeType.Land, RiskLevel.High, "某村", Day.AddDays(1), DisputeSource.Screening), "a", At)).Status);
        Assert.Equal(DisputeStatus.Mediating, d.Status);
    }

    private static Hazard NewHazard() => Hazard.Create(7, new("楼道堆放易燃物", "3号楼", RiskLevel.High, Day, Day.AddDays(5)), "a", At);

    [Fact]
    public void A_hazard_goes_found_assigned_eliminated_and_is_overdue_only_while_open_past_its_deadline()
    {
        var h = NewHazard();
        Assert.False(h.IsOverdue(Day.AddDays(5)));
        Assert.True(h.IsOverdue(Day.AddDays(6)));
        h.Assign("社区民警张某", "a", At);
        h.Eliminate("a", At.AddDays(7), "已清理");
        Assert.Equal(HazardStatus.Eliminated, h.Status);
        Assert.False(h.IsOverdue(Day.AddDays(30)));
        Assert.Equal(["Found", "Assigned", "Eliminated"], h.History.Select(c => c.To));
    }

    [Fact]
    public void A_hazard_refuses_eliminating_before_assigning_assigning_twice_and_any_change_once_eliminated()
    {
        var h = NewHazard();
        Assert.Equal(409, Assert.Throws<DomainException>(() => h.Eliminate("a", At, "x")).Status);
        h.Assign("张某", "a", At);
        Assert.Equal(409, Assert.Throws<DomainException>(() => h.Assign("李某", "a", At)).Status);
        h.Eliminate("a", At, "done");
        Assert.Equal(409, Assert.Throws<DomainException>(() => h.Eliminate("a", At, "x")).Status);
        Assert.Equal(409, Assert.Throws<DomainException>(() => h.Assign("李某", "a", At)).Status);
        Assert.Equal(409, Assert.Throws<DomainException>(() => h.Edit(new("x", "y", RiskLevel.Low, Day, Day), "a", At)).Status);
        Assert.Equal(422, Assert.Throws<DomainException>(() => Hazard.Create(7, new("x", "y", RiskLevel.Low, Day, Day.AddDays(-1)), "a", At)).Status);
        Assert.Equal(3, h.History.Count);
    }

    private static TroubleSpot NewSpot() => TroubleSpot.List(7, new("春熙路夜市", "夜间打架斗殴多发", "李队长", Day.AddDays(10)), "province", At);

    [Fact]
    public void A_trouble_spot_recurs_through_two_reopenings_and_counts_its_days_open()
    {
        var s = NewSpot();
        s.StartRectifying("a", At);
        s.Clear("a", At.AddDays(5), "增设巡逻点，连续7天无警情", recheckAfterDays: 14);
        Assert.Equal(Day.AddDays(19), s.RecheckDue);
        Assert.False(s.IsOpen);

        s.Recheck("b", At.AddDays(19), foundBack: true, "又有聚集", Day.AddDays(40));
        Assert.Equal((TroubleSpotStatus.Rectifying, 1), (s.Status, s.Recurrences));
        s.Clear("a", At.AddDays(25), "再次整治", 14);
        s.Recheck("b", At.AddDays(39), foundBack: true, "再次反弹", Day.AddDays(60));
        Assert.Equal((TroubleSpotStatus.Rectifying, 2), (s.Status, s.Recurrences));
        Assert.True(s.IsOverdue(Day.AddDays(61)));
        s.Clear("a", At.AddDays(50), "彻底整治", 14);
        s.Recheck("b", At.AddDays(64), foundBack: false, "巩固");

        Assert.Equal((TroubleSpotStatus.Closed, 2), (s.Status, s.Recurrences));
        Assert.Equal(64, s.DaysOpen(Day.AddDays(100)));
        Assert.Equal(["Listed", "Rectifying", "Cleared", "Rectifying", "Cleared", "Rectifying", "Cleared", "Closed"], s.History.Select(h => h.To));
    }

    [Fact]
    public void A_trouble_spot_refuses_each_move_its_state_does_not_allow()
    {
        var s = NewSpot();
        Assert.Equal(409, Assert.Throws<DomainException>(() => s.Recheck("b", At, false, null)).Status); // listed: nothing to re-check
        s.StartRectifying("a", At);
        Assert.Equal(409, Assert.Throws<DomainException>(() => s.StartRectifying("a", At)).Status);
        Assert.Equal(422, Assert.Throws<DomainException>(() => s.Clear("a", At, " ", 14)).Status);
        s.Clear("a", At, "证据", 14);
        Assert.Equal(409, Assert.Throws<DomainException>(() => s.Clear("a", At, "证据", 14)).Status);
        Assert.Equal(409, Assert.Throws<DomainException>(() => s.StartRectifying("a", At)).Status);
        Assert.Equal(409, Assert.Throws<DomainException>(() => s.Recheck("b", At.AddDays(13), false, null)).Status); // before the interval
        Assert.Equal(422, Assert.Throws<DomainException>(() => s.Recheck("b", At.AddDays(14), true, "反弹", null)).Status); // reopening needs a deadline
        Assert.Equal(422, Assert.Throws<DomainException>(() => s.Recheck("b", At.AddDays(14), true, "反弹", Day)).Status); // a deadline in the past
        s.Recheck("b", At.AddDays(14), false, null);
        Assert.Equal(409, Assert.Throws<DomainException>(() => s.Recheck("b", At.AddDays(30), true, "x", Day.AddDays(40))).Status);
        Assert.Equal(409, Assert.Throws<DomainException>(() => s.Clear("a", At, "x", 14)).Status);
        Assert.Equal(409, Assert.Throws<DomainException>(() => s.Edit(new("x", "y", "z", Day.AddDays(40)), "a", At)).Status);
        Assert.Equal(0, s.Recurrences);
        Assert.Equal(4, s.History.Count);
    }

    [Fact]
    public void The_draw_is_a_pure_function_of_seed_and_ordered_candidates()
    {
        string[] candidates = [.. Enumerable.Range(0, 40).Select(i => $"51{i:0000}")];
        var a = DutyDraw.Pick(42, candidates, 5);
        Assert.Equal(a, DutyDraw.Pick(42, candidates, 5));
        Assert.Equal(5, a.Distinct().Count());
        Assert.All(a, c => Assert.Contains(c, candidates));
        Assert.NotEqual(a, DutyDraw.Pick(43, candidates, 5));
        Assert.Equal(candidates.Order(), DutyDraw.Pick(7, candidates, 40).Order()); // drawing all is a permutation
        // Hand-checked: SplitMix64 from seed 0 gives 0xE220A8397B1DCDAF first; mod 3 = 1, so of [a,b,c] the first drawn is b.
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, DutyDraw.Next(ref state));
        Assert.Equal(["b"], DutyDraw.Pick(0, ["a", "b", "c"], 1));
    }

    [Fact]
    public void A_redraw_needs_a_reason_and_supersedes_the_draw_in_force()
    {
        var round = new DateOnly(2022, 7, 4);
        (int, string)[] candidates = [(1, "510104"), (2, "510105"), (3, "510106"), (4, "510107")];
        var first = SpotCheckDraw.Make(1, round, 9, candidates, 2, [], null, "province", At);
        Assert.Equal(first.Reproduce(), first.DrawnCodes);
        Assert.Equal(2, first.Checks.Count);

        Assert.Equal(422, Assert.Throws<DomainException>(() => SpotCheckDraw.Make(1, round, 10, candidates, 2, [first], " ", "province", At)).Status);
        Assert.False(first.IsSuperseded);
        var second = SpotCheckDraw.Make(1, round, 10, candidates, 2, [first], "单位合并，候选名单有误", "province", At);
        Assert.True(first.IsSuperseded);
        Assert.Equal(2, second.Sequence);
        Assert.Equal(422, Assert.Throws<DomainException>(() => SpotCheckDraw.Make(1, round.AddDays(1), 1, candidates, 2, [], null, "p", At)).Status); // not a Monday
        Assert.Equal(422, Assert.Throws<DomainException>(() => SpotCheckDraw.Make(1, round, 1, candidates, 5, [], null, "p", At)).Status);
    }

    [Theory]
    [InlineData(30, true, true, true, true)]
    [InlineData(31, true, true, true, false)]
    [InlineData(null, true, true, true, false)]
    [InlineData(5, false, true, true, false)]
    [InlineData(5, true, false, true, false)]
    [InlineData(5, true, true, false, false)]
    public void A_check_passes_only_when_answered_within_30_seconds_with_roster_leader_and_equipment(int? seconds, bool roster, bool leader, bool equipment, bool passes) =>
        Assert.Equal(passes, DutyCheckRules.Broken(seconds, roster, leader, equipment).Count == 0);
}
