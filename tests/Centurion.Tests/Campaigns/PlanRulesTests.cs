using System.Globalization;
using Centurion.Features.Campaigns;
using Centurion.Infrastructure;

namespace Centurion.Tests.Campaigns;

public class PlanRulesTests
{
    private static readonly Campaign Summer = new() { Code = "s", NameZh = "s", StartDate = new(2022, 6, 25), EndDate = new(2022, 9, 30) };
    private static readonly NewPhase[] Phases = [new("动员部署", "Mobilisation", new(2022, 6, 25), new(2022, 6, 30)), new("集中打击", null, new(2022, 7, 1), new(2022, 8, 31))];

    /// <summary>Runs a check with English messages, restoring the thread's culture afterwards.</summary>
    private static Dictionary<string, string[]> InEnglish(Action<FieldErrors> check)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            var e = new FieldErrors();
            check(e);
            return e.ToDictionary().ToDictionary();
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    private static Dictionary<string, string[]> Phase(string start, string end, string name = "新阶段") =>
        InEnglish(e => PlanRules.CheckPhase(e, Summer, new(name, null, DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture)), Phases));

    [Fact]
    public void A_phase_that_touches_the_next_one_is_fine_one_that_shares_a_day_overlaps()
    {
        Assert.Empty(Phase("2022-09-01", "2022-09-30"));
        Assert.Equal(["It overlaps the phase “集中打击” (2022-07-01 to 2022-08-31)."], Phase("2022-08-31", "2022-09-10")["startDate"]);
        Assert.Equal(2, Phase("2022-06-28", "2022-07-02")["startDate"].Length);
    }

    [Fact]
    public void A_phase_outside_the_campaign_or_ending_before_it_starts_is_refused_by_date()
    {
        Assert.Equal(["The start date 2022-06-24 must lie within the campaign (2022-06-25 to 2022-09-30)."], Phase("2022-06-24", "2022-06-26")["startDate"]);
        Assert.Equal(["The end date 2022-10-01 must lie within the campaign (2022-06-25 to 2022-09-30)."], Phase("2022-09-01", "2022-10-01")["endDate"]);
        Assert.Equal(["The phase ends before it starts."], Phase("2022-09-20", "2022-09-10")["endDate"]);
        Assert.Equal(["The phase's Chinese name is required."], Phase("2022-09-01", "2022-09-02", " ")["nameZh"]);
    }

    [Fact]
    public void A_task_ends_by_the_campaigns_last_day_and_names_a_user_or_a_person_not_both()
    {
        static Dictionary<string, string[]> Check(NewTask t) => InEnglish(e => PlanRules.CheckTask(e, Summer, t));

        Assert.Empty(Check(new("任务", null, null, new(2022, 9, 30), ResponsibleName: "张伟", ResponsibleTitle: "副局长")));
        Assert.Empty(Check(new("任务", null, null, new(2022, 9, 30), ResponsibleUser: "chengdu", ResponsibleTitle: "副局长")));
        Assert.Equal(["The deadline 2022-10-01 is after the campaign ends (2022-09-30)."], Check(new("任务", null, null, new(2022, 10, 1)))["deadline"]);
        Assert.True(Check(new("任务", null, null, new(2022, 9, 1), ResponsibleUser: "chengdu", ResponsibleName: "张伟")).ContainsKey("responsibleName"));
        Assert.True(Check(new("任务", null, null, new(2022, 9, 1), ResponsibleTitle: "副局长")).ContainsKey("responsibleName"));
        Assert.True(Check(new("任务", null, null, new(2022, 9, 1), ResponsibleName: new string('x', 101))).ContainsKey("responsibleName"));
    }

    [Fact]
    public void The_plan_is_open_until_the_last_day_of_the_campaign()
    {
        Assert.True(PlanRules.IsOpen(Summer, new(2022, 9, 30)));
        Assert.False(PlanRules.IsOpen(Summer, new(2022, 10, 1)));
    }
}
