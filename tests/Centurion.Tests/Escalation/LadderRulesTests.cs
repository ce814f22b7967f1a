using Centurion.Features.Escalation.Rules;
using Centurion.Infrastructure;

namespace Centurion.Tests.Escalation;

/// <summary>The ladder's rules on a constructed history, and its JSON. Pure: no database, no clock.</summary>
public class LadderRulesTests
{
    private static UnitHistory Unit(string code, string[]? black = null, OverdueItemFact[]? overdue = null, IncidentFact[]? incidents = null,
        MissedCommitmentFact[]? missed = null) =>
        new(code, [.. (black ?? []).Select(m => new MonthList(m, "black")), new MonthList("2022-06", "red")], overdue ?? [], incidents ?? [], missed ?? []);

    private static IReadOnlyList<Proposal> Run(string month, IEnumerable<UnitHistory> units, params PriorProposal[] prior) =>
        LadderRules.Evaluate(Ladder.Standard, month, units, prior);

    [Fact]
    public void Two_consecutive_black_listings_propose_an_interview_and_one_a_criticism()
    {
        var units = new[]
        {
            Unit("510700", black: ["2022-07", "2022-08"]),
            Unit("510800", black: ["2022-08"]),
            Unit("510900", black: ["2022-06", "2022-08"]), // not consecutive: July between
            Unit("511000", black: ["2022-07"]),           // black last month, not this one
        };
        var proposals = Run("2022-08", units);

        Assert.Equal(
            [("510700", Rung.Criticism, "black-once"), ("510700", Rung.Interview, "black-twice"), ("510800", Rung.Criticism, "black-once"), ("510900", Rung.Criticism, "black-once")],
            proposals.Select(p => (p.Unit, p.Rung, p.Rule)));
        var interview = proposals[1];
        Assert.Equal("month:2022-08", interview.Key);
        Assert.Equal([("publication", "2022-07"), ("publication", "2022-08")], interview.Reasons.Select(r => (r.SourceType, r.SourceId)));
    }

    [Fact]
    public void A_waived_proposal_is_not_made_again_that_month_but_may_be_next_month()
    {
        var unit = Unit("510700", black: ["2022-07", "2022-08", "2022-09"]);
        var waived = new PriorProposal("510700", "black-twice", "month:2022-08");

        var august = Run("2022-08", [unit], waived);
        Assert.Equal(["black-once"], august.Select(p => p.Rule));

        var september = Run("2022-09", [unit], waived);
        Assert.Equal(["black-once", "black-twice"], september.Select(p => p.Rule));
        Assert.Equal("month:2022-09", september[1].Key);
    }

    [Fact]
    public void A_missed_commitment_climbs_to_the_next_rung_once()
    {
        var unit = Unit("510700", missed: [new(3, 12, "整改承诺：排查台账补登", new(2022, 9, 20))]);
        var p = Assert.Single(Run("2022-09", [unit]));
        Assert.Equal((Rung.Accountability, "missed-commitment", "commitment:3"), (p.Rung, p.Rule, p.Key));
        Assert.Equal(new Reason("commitment", "3", "整改承诺：排查台账补登", "2022-09-20"), Assert.Single(p.Reasons));

        Assert.Empty(Run("2022-10", [unit], new PriorProposal("510700", "missed-commitment", "commitment:3")));
    }

    [Fact]
    public void A_major_incident_opens_accountability_once_per_incident()
    {
        var unit = Unit("510703", incidents: [new(7, new(2022, 8, 13), "群体性事件"), new(9, new(2022, 8, 2), "涉警舆情")]);
        var proposals = Run("2022-08", [unit], new PriorProposal("510703", "major-incident", "incident:9"));
        var p = Assert.Single(proposals);
        Assert.Equal((Rung.Accountability, "incident:7"), (p.Rung, p.Key));
        Assert.Equal("2022-08-13", Assert.Single(p.Reasons).Value);
    }

    [Fact]
    public void Items_count_only_beyond_the_rules_days_and_join_one_proposal()
    {
        var unit = Unit("510100", overdue: [new(5, "a", 30), new(4, "b", 31), new(6, "c", 45)]);
        var p = Assert.Single(Run("2022-08", [unit]));
        Assert.Equal(("overdue-30", Rung.Interview), (p.Rule, p.Rung));
        Assert.Equal([("4", "31"), ("6", "45")], p.Reasons.Select(r => (r.SourceId, r.Value))); // 30 days is not beyond 30
    }

    [Fact]
    public void The_json_round_trips_and_names_the_wrong_field()
    {
        var json = LadderJson.Write(Ladder.Standard);
        Assert.Contains("\"when\": \"black-listed\"", json);
        Assert.Contains("\"rung\": \"accountability\"", json);
        Assert.Contains("\"when\": \"missed-commitment\"", json);
        Assert.DoesNotContain("\"days\": null", json);
        Assert.Equal(Ladder.Standard.Rules, LadderJson.Read(json).Rules);

        Assert.Equal("rules[1].months", Refused(json.Replace("\"months\": 2", "\"months\": 0")));
        Assert.Equal("rules[2].when", Refused(json.Replace("\"overdue-item\"", "\"overdue\"")));
        Assert.Equal("rules[0].colour", Refused(json.Replace("\"months\": 1", "\"months\": 1, \"colour\": 1")));
        Assert.Equal("rules[1].name", Refused(json.Replace("\"black-twice\"", "\"black-once\"")));
        Assert.Equal("rules[4].rung", Refused(json.Replace("\"missed-commitment\",\n      \"rung\": \"accountability\"", "\"missed-commitment\",\n      \"rung\": \"interview\"")));
        Assert.Equal("rules[0].days", Refused(json.Replace("\"months\": 1", "\"months\": 1, \"days\": 3")));
        Assert.Equal("rules", Refused("{ \"rules\": [] }"));
        Assert.Equal("json", Refused("{"));

        static string Refused(string text)
        {
            var e = Assert.Throws<DomainException>(() => LadderJson.Read(text));
            Assert.Equal(422, e.Status);
            return Assert.Single(e.Errors!).Key;
        }
    }
}
