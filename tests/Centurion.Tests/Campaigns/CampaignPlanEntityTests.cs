using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Centurion.Tests.Campaigns;

/// <summary>The campaign's own plan operations refuse every illegal change, without a database.</summary>
public class CampaignPlanEntityTests
{
    private static readonly DateOnly Running = new(2022, 7, 10);
    private static readonly DateOnly AfterTheEnd = new(2022, 10, 1);
    private static readonly Unit Jinjiang = new() { Id = 7, Code = "510104", NameZh = "锦江区", NameEn = "Jinjiang", Level = UnitLevel.County };
    private static readonly Unit Chengdu = new() { Id = 2, Code = "510100", NameZh = "成都市", NameEn = "Chengdu", Level = UnitLevel.Prefecture };

    private static Campaign Summer()
    {
        var c = new Campaign { Code = "summer-2022", NameZh = "夏季行动", StartDate = new(2022, 6, 25), EndDate = new(2022, 9, 30) };
        c.PlanPhase(new("集中打击", null, new(2022, 7, 1), new(2022, 8, 31)));
        return c;
    }

    private static DomainException Refused(Action change) => Assert.Throws<DomainException>(change);

    [Fact]
    public void After_the_last_day_every_change_is_a_conflict_and_nothing_changes()
    {
        var c = Summer();
        var link = new NewLeaderLink("孙立", "副厅长", "510100");
        var changes = new Action[]
        {
            () => c.AddPhase(new("总结", null, new(2022, 9, 1), new(2022, 9, 30)), AfterTheEnd),
            () => c.RemovePhase(0, AfterTheEnd),
            () => c.AddTask(new("任务", null, null, new(2022, 9, 1)), new(null, null, null), new FieldErrors(), AfterTheEnd),
            () => c.LinkLeader(link, Chengdu, new FieldErrors(), AfterTheEnd),
            () => c.AddUnit("510104", Jinjiang, AfterTheEnd),
            () => c.RemoveUnit("510104", 0, AfterTheEnd),
        };

        foreach (var change in changes) Assert.Equal(StatusCodes.Status409Conflict, Refused(change).Status);
        Assert.True(c.PlanOpen(new(2022, 9, 30)));
        Assert.Equal((1, 0, 0, 0), (c.Phases.Count, c.Tasks.Count, c.LeaderLinks.Count, c.Units.Count));
    }

    [Fact]
    public void A_phase_that_overlaps_or_a_task_past_the_end_is_refused_by_field_with_what_the_caller_found()
    {
        var c = Summer();
        var overlapping = Refused(() => c.AddPhase(new("专项清查", null, new(2022, 7, 15), new(2022, 7, 20)), Running));
        var unresolved = new FieldErrors();
        unresolved.Add("ownerLine", new("没有警种 x。", "There is no line x."));
        var late = Refused(() => c.AddTask(new("任务", null, "x", new(2022, 10, 31)), new(null, null, null), unresolved, Running));

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, overlapping.Status);
        Assert.Equal(new[] { "startDate" }, overlapping.Errors!.Keys);
        Assert.Equal(new[] { "deadline", "ownerLine" }, late.Errors!.Keys.Order());
        Assert.Equal((1, 0), (c.Phases.Count, c.Tasks.Count));
    }

    [Fact]
    public void A_task_keeps_its_state_when_changed_and_a_leader_is_linked_to_a_prefecture_once()
    {
        var c = Summer();
        var task = c.AddTask(new("夜市巡防", null, null, new(2022, 9, 20), ResponsibleName: "张伟"), new(null, 7, null), new FieldErrors(), Running);
        task.ReportProgress("已部署夜市巡防", "chengdu", new DateTime(2022, 7, 10, 4, 0, 0, DateTimeKind.Utc));
        c.ChangeTask(task.Id, new(" 夜市巡防 ", "Night-market patrols", null, new(2022, 9, 30), ResponsibleUser: "chengdu"), new(null, 2, "user-1"), new FieldErrors(), Running);
        c.LinkLeader(new("孙立", "副厅长", "510100"), Chengdu, new FieldErrors(), Running);
        var twice = Refused(() => c.LinkLeader(new("孙立", "", "510100"), Chengdu, new FieldErrors(), Running));

        Assert.Equal(("夜市巡防", TaskState.InProgress, 2, "user-1", "", new DateOnly(2022, 9, 30)),
            (task.TitleZh, task.State, task.ResponsibleUnitId, task.ResponsibleUserId, task.ResponsibleName, task.Deadline));
        Assert.Equal(new[] { "unitCode" }, twice.Errors!.Keys);
        Assert.Single(c.LeaderLinks);
    }

    [Fact]
    public void A_unit_joins_at_the_reporting_level_once_and_leaves_only_without_reports()
    {
        var c = Summer();
        Assert.True(Refused(() => c.AddUnit("510100", Chengdu, Running)).Errors!.ContainsKey("unitCode"));
        Assert.True(Refused(() => c.AddUnit("999999", null, Running)).Errors!.ContainsKey("unitCode"));
        c.AddUnit("510104", Jinjiang, Running);
        Assert.Equal(StatusCodes.Status409Conflict, Refused(() => c.AddUnit("510104", Jinjiang, Running)).Status);
        Assert.Equal(StatusCodes.Status404NotFound, Refused(() => c.RemoveUnit("510105", 0, Running)).Status);
        Assert.Equal(StatusCodes.Status409Conflict, Refused(() => c.RemoveUnit("510104", 3, Running)).Status);
        Assert.Single(c.Units);
        c.RemoveUnit("510104", 0, Running);
        Assert.Empty(c.Units);
    }
}
