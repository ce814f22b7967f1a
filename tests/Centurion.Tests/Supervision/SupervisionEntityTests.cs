using Centurion.Features.Campaigns;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Supervision.Teams;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Centurion.Tests.Supervision;

/// <summary>The supervision entities' rules, without a database: the plan's target and conflict rules, and every move of a rectification item.</summary>
public class SupervisionEntityTests
{
    // Ids as in a small hierarchy: province 1; Chengdu 2 › Jinjiang 7 › station 70; Mianyang 3 › Fucheng 8.
    private const int Province = 1, Chengdu = 2, Mianyang = 3, Jinjiang = 7, JinjiangStation = 70, Fucheng = 8;
    private static readonly PlanTarget AtJinjiang = new(Jinjiang, [Jinjiang, Chengdu]);
    private static readonly DateTime July1 = Local(2022, 7, 1, 9);

    private static DateTime Local(int y, int m, int d, int h, int min = 0, int s = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, m, d, h, min, s, DateTimeKind.Unspecified), ProvinceTime.Zone);

    private static SupervisionTeam Team()
    {
        var c = new Campaign { Code = "summer-2022", NameZh = "夏季行动", StartDate = new(2022, 6, 25), EndDate = new(2022, 9, 30), RootUnitId = Province };
        var chengdu = new Unit { Id = Chengdu, Code = "510100", NameZh = "成都市", Level = UnitLevel.Prefecture };
        c.PlanLeaderLink(new NewLeaderLink("叶国华", "常务副厅长", "510100"), chengdu, new FieldErrors());
        return SupervisionTeam.Form(c, "第一督导组", "叶国华", ["public-order"], [("u1", "inspector")]);
    }

    private static readonly MemberChain AtProvince = new("inspector", Province, []);

    private static InspectionPlan Plan(PlanTarget? target = null, params MemberChain[] members) =>
        InspectionPlan.Make(Team(), target ?? AtJinjiang, members.Length == 0 ? [AtProvince] : members,
            new(new(2022, 7, 5), "夜间巡防", ["值班在岗", "台账齐全"]), null, "inspector", July1);

    private static Finding Found(InspectionPlan plan) =>
        plan.CarryOut(Local(2022, 7, 5, 21), ["张三"], [new(0, true), new(1, false, "台账缺7月")], "inspector", Local(2022, 7, 5, 23))
            .AddFinding(new("夜市无警力", "春熙路夜市", Severity.Major, FindingCategory.Patrol, null, "照片3张"), "inspector", Local(2022, 7, 5, 23));

    private static DomainException Refused(Action a) => Assert.Throws<DomainException>(a);

    [Fact]
    public void A_team_takes_its_prefectures_from_its_leader_links_and_refuses_a_leader_who_is_not_linked()
    {
        var team = Team();
        Assert.Equal([Chengdu], team.Prefectures.Select(p => p.UnitId));
        Assert.Equal("常务副厅长", team.LeaderTitle);
        Assert.True(team.HasMember("u1"));
        var c = new Campaign { Code = "x", NameZh = "x", RootUnitId = Province };
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, Refused(() => SupervisionTeam.Form(c, "组", "无名", [], [])).Status);
        Assert.Equal(StatusCodes.Status409Conflict, Refused(() => team.AddMember("u1", "inspector")).Status);
    }

    [Fact]
    public void A_target_outside_the_teams_prefectures_is_refused()
    {
        var e = Refused(() => Plan(new PlanTarget(Fucheng, [Fucheng, Mianyang])));
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, e.Status);
        Assert.Equal(["target"], e.Errors!.Keys);
    }

    [Theory]
    [InlineData(Jinjiang, new[] { Jinjiang, Chengdu })]         // the inspected unit itself
    [InlineData(Chengdu, new[] { Chengdu })]                    // the prefecture above it
    [InlineData(JinjiangStation, new[] { JinjiangStation, Jinjiang, Chengdu })] // a station below it
    public void A_member_from_the_targets_own_chain_is_a_conflict_of_interest(int unit, int[] chain)
    {
        var e = Refused(() => Plan(null, AtProvince, new MemberChain("chengdu", unit, chain)));
        Assert.Equal(StatusCodes.Status409Conflict, e.Status);
        Assert.Contains("chengdu", e.Text.Zh);
    }

    [Fact]
    public void Members_at_the_province_or_in_another_prefecture_are_no_conflict()
    {
        var plan = Plan(null, AtProvince, new MemberChain("mianyang", Mianyang, [Mianyang]));
        Assert.Equal(PlanState.Planned, plan.State);
        Assert.Equal(["值班在岗", "台账齐全"], plan.ChecklistItems);
    }

    [Fact]
    public void A_plan_for_a_day_already_past_or_without_a_checklist_is_refused()
    {
        Assert.Equal(["plannedOn"], Refused(() => InspectionPlan.Make(Team(), AtJinjiang, [AtProvince], new(new(2022, 6, 30), "x", ["a"]), null, "i", July1)).Errors!.Keys);
        Assert.Equal(["checklist"], Refused(() => InspectionPlan.Make(Team(), AtJinjiang, [AtProvince], new(new(2022, 7, 5), "x", [" "]), null, "i", July1)).Errors!.Keys);
    }

    [Fact]
    public void Carrying_out_needs_every_checklist_answer_and_happens_once_and_a_carried_out_plan_cannot_be_cancelled()
    {
        var plan = Plan();
        var missing = Refused(() => plan.CarryOut(Local(2022, 7, 5, 21), ["张三"], [new(0, true)], "inspector", Local(2022, 7, 5, 23)));
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, missing.Status);
        Assert.Equal(PlanState.Planned, plan.State);
        var future = Refused(() => plan.CarryOut(Local(2022, 7, 6, 1), ["张三"], [new(0, true), new(1, true)], "inspector", Local(2022, 7, 5, 23)));
        Assert.Equal(["happenedAt"], future.Errors!.Keys);

        Found(plan);
        Assert.Equal(PlanState.CarriedOut, plan.State);
        Assert.Equal(2, plan.Inspection!.Answers.Count);
        Assert.Equal(StatusCodes.Status409Conflict, Refused(() => plan.CarryOut(Local(2022, 7, 5, 21), ["张三"], [new(0, true), new(1, true)], "i", Local(2022, 7, 6, 9))).Status);
        Assert.Equal(StatusCodes.Status409Conflict, Refused(() => plan.Cancel("改期", "i", Local(2022, 7, 6, 9))).Status);
        Assert.Equal(["Planned", "CarriedOut"], plan.History.Select(h => h.To));
    }

    [Fact]
    public void A_cancelled_plan_needs_a_reason_and_cannot_be_carried_out_nor_get_findings()
    {
        var plan = Plan();
        Assert.Equal(["reason"], Refused(() => plan.Cancel(" ", "i", July1)).Errors!.Keys);
        plan.Cancel("目标单位已撤并", "i", July1);
        Assert.Equal(PlanState.Cancelled, plan.State);
        Assert.Equal(StatusCodes.Status409Conflict, Refused(() => plan.CarryOut(Local(2022, 7, 5, 21), ["张三"], [new(0, true), new(1, true)], "i", Local(2022, 7, 5, 23))).Status);
    }

    [Fact]
    public void A_target_draw_is_reproduced_from_its_stored_seed_and_candidates()
    {
        string[] candidates = ["510104", "510104001", "510105", "KP12", "KP40"];
        var draw = TargetDraw.Make(Team(), 20220705, candidates, "inspector", July1);
        Assert.Equal(draw.Drawn, draw.Reproduce());
        Assert.Equal(candidates, draw.CandidateCodes);
        Assert.Equal(draw.Drawn, TargetDraw.Make(Team(), 20220705, candidates, "someone else", July1).Drawn);
        // Several seeds reach more than one candidate: the draw depends on the seed.
        Assert.True(Enumerable.Range(1, 20).Select(s => TargetDraw.Make(Team(), (ulong)s, candidates, "i", July1).Drawn).Distinct().Count() > 1);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, Refused(() => TargetDraw.Make(Team(), 1, [], "i", July1)).Status);
    }

    // Rectification items

    private static readonly DateTime Assigned = Local(2022, 7, 6, 9);
    private static readonly string[] Moves = ["start", "submit", "return", "verify", "close-out", "reopen"];

    private static RectificationItem Item() =>
        RectificationItem.Assign(Found(Plan()), Jinjiang, new("李某", "增派夜间警力", new(2022, 7, 20)), "inspector", Assigned);

    private static void Make(RectificationItem item, string move, DateTime at)
    {
        switch (move)
        {
            case "start": item.Start("jinjiang", at); break;
            case "submit": item.Submit("已增派两组巡逻", "jinjiang", at); break;
            case "return": item.Return("证据不足", "inspector", at); break;
            case "verify": item.Verify(null, "inspector", at); break;
            case "close-out": item.CloseOut(null, "inspector", at); break;
            default: item.Reopen("复查发现反弹", new(2022, 8, 30), "inspector", at); break;
        }
    }

    /// <summary>The shortest path from assigned to each state.</summary>
    private static readonly Dictionary<ItemState, string[]> PathTo = new()
    {
        [ItemState.Assigned] = [],
        [ItemState.InProgress] = ["start"],
        [ItemState.Submitted] = ["start", "submit"],
        [ItemState.Verified] = ["start", "submit", "verify"],
        [ItemState.ClosedOut] = ["start", "submit", "verify", "close-out"],
    };

    private static readonly Dictionary<ItemState, (string Move, ItemState To)[]> Allowed = new()
    {
        [ItemState.Assigned] = [("start", ItemState.InProgress)],
        [ItemState.InProgress] = [("submit", ItemState.Submitted)],
        [ItemState.Submitted] = [("verify", ItemState.Verified), ("return", ItemState.InProgress)],
        [ItemState.Verified] = [("close-out", ItemState.ClosedOut), ("reopen", ItemState.InProgress)],
        [ItemState.ClosedOut] = [("reopen", ItemState.InProgress)],
    };

    public static IEnumerable<object[]> EveryStateAndMove =>
        from s in Enum.GetValues<ItemState>() from m in Moves select new object[] { s, m };

    [Theory, MemberData(nameof(EveryStateAndMove))]
    public void Every_move_from_every_state_is_made_or_refused_with_a_conflict_that_changes_nothing(ItemState from, string move)
    {
        var item = Item();
        var at = Assigned;
        foreach (var step in PathTo[from]) Make(item, step, at = at.AddHours(1));
        Assert.Equal(from, item.State);
        var before = (item.History.Count, item.Version);
        var offered = item.AllowedMoves();

        var allowed = Allowed[from].Where(a => a.Move == move).ToList();
        if (allowed.Count == 1)
        {
            Make(item, move, at.AddHours(1));
            Assert.Equal(allowed[0].To, item.State);
            Assert.Equal(before.Count + 1, item.History.Count);
            Assert.Equal((from.ToString(), allowed[0].To.ToString()), (item.History[^1].From, item.History[^1].To));
            Assert.Contains(move, offered);
        }
        else
        {
            var e = Refused(() => Make(item, move, at.AddHours(1)));
            Assert.Equal(StatusCodes.Status409Conflict, e.Status);
            Assert.Equal(from, item.State);
            Assert.Equal(before, (item.History.Count, item.Version));
            Assert.DoesNotContain(move, offered);
        }
    }

    [Fact]
    public void Submitting_needs_the_evidence_returning_a_reason_and_reopening_a_note_and_a_new_deadline()
    {
        var item = Item();
        item.Start("jinjiang", Assigned);
        Assert.Equal(["evidenceNote"], Refused(() => item.Submit("  ", "jinjiang", Assigned)).Errors!.Keys);
        item.Submit("已整改", "jinjiang", Assigned);
        Assert.Equal(["reason"], Refused(() => item.Return(null, "inspector", Assigned)).Errors!.Keys);
        item.Return("照片看不出整改", "inspector", Assigned);
        Assert.Equal((ItemState.InProgress, 1, "照片看不出整改"), (item.State, item.Returns, item.ReturnReason));
        item.Submit("补充了照片", "jinjiang", Assigned);
        item.Verify(null, "inspector", Assigned);
        Assert.Equal(["note"], Refused(() => item.Reopen(null, new(2022, 8, 1), "inspector", Assigned)).Errors!.Keys);
        Assert.Equal(["newDeadline"], Refused(() => item.Reopen("反弹", null, "inspector", Assigned)).Errors!.Keys);
        Assert.Equal(["newDeadline"], Refused(() => item.Reopen("反弹", new(2022, 7, 1), "inspector", Assigned)).Errors!.Keys);
        Assert.Equal(ItemState.Verified, item.State);
    }

    [Fact]
    public void An_item_is_overdue_from_the_first_second_after_its_deadline_day_in_province_time_until_it_is_closed_out()
    {
        var item = Item(); // deadline 2022-07-20
        Assert.False(item.IsOverdue(Local(2022, 7, 20, 23, 59, 59)));
        Assert.True(item.IsOverdue(Local(2022, 7, 21, 0, 0, 0)));
        Assert.Equal(new DateTime(2022, 7, 20, 16, 0, 0), Local(2022, 7, 21, 0)); // midnight in Sichuan is 16:00 UTC the day before
        foreach (var m in new[] { "start", "submit", "verify" }) Make(item, m, Local(2022, 7, 22, 9));
        Assert.True(item.IsOverdue(Local(2022, 7, 22, 10))); // verified is not yet closed out
        item.CloseOut(null, "inspector", Local(2022, 7, 22, 10));
        Assert.False(item.IsOverdue(Local(2022, 7, 22, 11)));
    }

    [Fact]
    public void Reopening_keeps_the_history_counts_each_recurrence_and_sets_the_new_deadline()
    {
        var item = Item();
        foreach (var m in new[] { "start", "submit", "verify", "close-out" }) Make(item, m, Assigned);
        item.Reopen("8月复查发现夜市又无警力", new(2022, 8, 20), "inspector", Local(2022, 8, 10, 9));
        Assert.Equal((ItemState.InProgress, 1, new DateOnly(2022, 8, 20)), (item.State, item.Recurrences, item.Deadline));
        Assert.Null(item.ClosedOutUtc);
        foreach (var m in new[] { "submit", "verify" }) Make(item, m, Local(2022, 8, 11, 9));
        item.Reopen("又反弹", new(2022, 8, 30), "inspector", Local(2022, 8, 12, 9));
        Assert.Equal(2, item.Recurrences);
        Assert.Equal(["Assigned", "InProgress", "Submitted", "Verified", "ClosedOut", "InProgress", "Submitted", "Verified", "InProgress"], item.History.Select(h => h.To));
        Assert.Equal("8月复查发现夜市又无警力", item.History[5].Reason);
    }

    [Fact]
    public void An_item_needs_a_person_a_measure_and_a_deadline_not_before_today()
    {
        var e = Refused(() => RectificationItem.Assign(Found(Plan()), Jinjiang, new(" ", null, new(2022, 7, 1)), "inspector", Assigned));
        Assert.Equal(["deadline", "measure", "responsiblePerson"], e.Errors!.Keys.Order());
    }
}
