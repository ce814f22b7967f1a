using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Ledgers.NightOperations;
using Centurion.Features.Ledgers.Reconciliation;
using Centurion.Features.Ledgers.Visits;
using Centurion.Infrastructure;

namespace Centurion.Tests.Ledgers;

/// <summary>The ledgers' rules on the entities themselves: no database.</summary>
public class LedgerRulesTests
{
    private static readonly DateTime Now = new(2022, 7, 10, 16, 0, 0, DateTimeKind.Utc); // midnight in the province

    public static KeyPlaceDetails Stall => new("bbq-stall", "老码头烧烤", "锦江区水井坊街 12 号", 104.09, 30.65, RiskLevel.High, "18:00–03:00");

    [Fact]
    public void A_registered_place_is_active_with_one_history_row()
    {
        var place = KeyPlace.Register(7, Stall, "jinjiang", Now);

        Assert.Equal(KeyPlaceState.Active, place.State);
        var row = Assert.Single(place.History);
        Assert.Equal((null, KeyPlaceState.Active, "jinjiang", Now), (row.From, row.To, row.By, row.AtUtc));
    }

    [Fact]
    public void Closing_and_reopening_each_append_a_history_row_with_who_when_and_why()
    {
        var place = KeyPlace.Register(7, Stall, "jinjiang", Now);

        place.Close("jinjiang", Now.AddDays(1), "  无证经营，已取缔 ");
        place.Reopen("chengdu", Now.AddDays(9), "证照办齐");

        Assert.Equal(KeyPlaceState.Active, place.State);
        Assert.Equal(3, place.History.Count);
        var (closed, reopened) = (place.History[1], place.History[2]);
        Assert.Equal((KeyPlaceState.Active, KeyPlaceState.Closed, "jinjiang", Now.AddDays(1), "无证经营，已取缔"), (closed.From, closed.To, closed.By, closed.AtUtc, closed.Reason));
        Assert.Equal((KeyPlaceState.Closed, KeyPlaceState.Active, "chengdu", Now.AddDays(9), "证照办齐"), (reopened.From, reopened.To, reopened.By, reopened.AtUtc, reopened.Reason));
    }

    [Fact]
    public void Closing_a_closed_place_or_reopening_an_active_one_is_a_conflict_and_changes_nothing()
    {
        var active = KeyPlace.Register(7, Stall, "jinjiang", Now);
        var closed = KeyPlace.Register(7, Stall, "jinjiang", Now);
        closed.Close("jinjiang", Now, "停业");

        Assert.Equal(409, Assert.Throws<DomainException>(() => active.Reopen("jinjiang", Now, "x")).Status);
        Assert.Equal(409, Assert.Throws<DomainException>(() => closed.Close("jinjiang", Now, "x")).Status);
        Assert.Equal((KeyPlaceState.Active, 1), (active.State, active.History.Count));
        Assert.Equal((KeyPlaceState.Closed, 2), (closed.State, closed.History.Count));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_state_change_without_a_reason_is_refused_as_bad_input(string? reason)
    {
        var place = KeyPlace.Register(7, Stall, "jinjiang", Now);

        Assert.Equal(422, Assert.Throws<DomainException>(() => place.Close("jinjiang", Now, reason)).Status);
        Assert.Equal(422, Assert.Throws<DomainException>(() => place.Close("jinjiang", Now, new string('长', KeyPlace.ReasonLength + 1))).Status);
        Assert.Equal((KeyPlaceState.Active, 1), (place.State, place.History.Count));
    }

    [Fact]
    public void Bad_details_are_refused_with_every_field_named()
    {
        var e = Assert.Throws<DomainException>(() => KeyPlace.Register(7, new KeyPlaceDetails("casino", " ", null, 116.4, 39.9, null, null), "jinjiang", Now));

        Assert.Equal(422, e.Status);
        Assert.Equal(["address", "latitude", "longitude", "name", "risk", "type"], e.Errors!.Keys.Order());
    }

    [Fact]
    public void An_edit_that_is_refused_leaves_the_place_as_it_was()
    {
        var place = KeyPlace.Register(7, Stall, "jinjiang", Now);

        Assert.Throws<DomainException>(() => place.Edit(Stall with { Name = "新名字", Latitude = 40.1 }));

        Assert.Equal(("老码头烧烤", 30.65), (place.Name, place.Latitude));
    }

    private static readonly DateTime Evening = new(2022, 7, 10, 21, 30, 0);

    [Fact]
    public void A_visit_to_a_place_takes_the_places_unit_and_stores_the_time_in_utc()
    {
        var visit = PatrolVisit.Record(1, new VisitDetails(Evening, 5, "ignored", 3, 2, "消防通道堵塞，已责令整改"), new PatrolVisit.PlaceRef(5, 42, true), "jinjiang", Now);

        Assert.Equal((42, 5L, (string?)null), (visit.UnitId, visit.KeyPlaceId, visit.Area));
        Assert.Equal(new DateTime(2022, 7, 10, 13, 30, 0), visit.VisitedUtc);
    }

    [Fact]
    public void A_visit_is_refused_for_a_closed_place_an_unknown_place_no_place_or_area_nobody_or_the_future()
    {
        int Refusals(VisitDetails d, PatrolVisit.PlaceRef? p, string field) =>
            Assert.Throws<DomainException>(() => PatrolVisit.Record(1, d, p, "jinjiang", Now)).Errors!.ContainsKey(field) ? 1 : 0;

        Assert.Equal(1, Refusals(new(Evening, 5, null, 3, 0, null), new(5, 1, false), "keyPlaceId"));
        Assert.Equal(1, Refusals(new(Evening, 5, null, 3, 0, null), null, "keyPlaceId"));
        Assert.Equal(1, Refusals(new(Evening, null, " ", 3, 0, null), null, "area"));
        Assert.Equal(1, Refusals(new(Evening, null, "春熙路", 0, 0, null), null, "police"));
        Assert.Equal(1, Refusals(new(Evening, null, "春熙路", -1, 2, null), null, "police"));
        Assert.Equal(1, Refusals(new(new DateTime(2022, 7, 11, 9, 0, 0), null, "春熙路", 2, 0, null), null, "visitedLocal"));
        Assert.Equal(1, Refusals(new(null, null, "春熙路", 2, 0, null), null, "visitedLocal"));
    }

    [Fact]
    public void A_night_operation_is_refused_for_the_future_no_police_or_more_suspects_than_people_checked()
    {
        var today = new DateOnly(2022, 7, 10);
        NightOperationDetails Good() => new(today, 12, 30, 85, 3, 1, null);

        var op = NightOperation.Record(9, Good(), "jinjiang", Now, today);
        Assert.Equal((12, 30, 85, 3, 1), (op.PlacesCovered, op.Police, op.PeopleChecked, op.SuspectsCaught, op.CasesOpened));

        string[] Fields(NightOperationDetails d) => [.. Assert.Throws<DomainException>(() => NightOperation.Record(9, d, "jinjiang", Now, today)).Errors!.Keys];
        Assert.Equal(["date"], Fields(Good() with { Date = today.AddDays(1) }));
        Assert.Equal(["police"], Fields(Good() with { Police = 0 }));
        Assert.Equal(["placesCovered"], Fields(Good() with { PlacesCovered = null }));
        Assert.Equal(["suspectsCaught"], Fields(Good() with { SuspectsCaught = 86 }));
        Assert.Equal(["peopleChecked"], Fields(Good() with { PeopleChecked = -1, SuspectsCaught = 0 }));
    }

    [Fact]
    public void Reconciliation_flags_a_hand_made_set_agree_ledger_higher_and_lower()
    {
        string[] indicators = ["key-places-checked", "night-operations"];
        var ledger = new Dictionary<string, IReadOnlyDictionary<string, long>>
        {
            ["key-places-checked"] = new Dictionary<string, long> { ["A"] = 120, ["B"] = 95, ["C"] = 40 },
            ["night-operations"] = new Dictionary<string, long> { ["A"] = 6, ["B"] = 4 },
        };
        var reported = new Dictionary<string, IReadOnlyDictionary<string, long>>
        {
            ["key-places-checked"] = new Dictionary<string, long> { ["A"] = 120, ["B"] = 90, ["C"] = 52 },
            ["night-operations"] = new Dictionary<string, long> { ["A"] = 6, ["B"] = 4, ["C"] = 1 },
        };

        var rows = Reconcile.Units([("A", "甲", "A"), ("B", "乙", "B"), ("C", "丙", "C"), ("S", "站", "S")], indicators, ledger, reported);

        Assert.Equal([false, true, true, false], rows.Select(r => r.Flagged));
        Assert.Equal(new Comparison("key-places-checked", 120, 120, Verdict.Agree), rows[0].Figures[0]);
        Assert.Equal(new Comparison("key-places-checked", 95, 90, Verdict.LedgerHigher), rows[1].Figures[0]);
        Assert.Equal(5, rows[1].Figures[0].Difference);
        Assert.Equal(new Comparison("key-places-checked", 40, 52, Verdict.LedgerLower), rows[2].Figures[0]);
        Assert.Equal(new Comparison("night-operations", 0, 1, Verdict.LedgerLower), rows[2].Figures[1]); // no ledger entry at all is 0
        Assert.Equal(Verdict.NotReported, rows[3].Figures[0].Verdict); // a unit below the reporting level: nothing to compare
    }
}
