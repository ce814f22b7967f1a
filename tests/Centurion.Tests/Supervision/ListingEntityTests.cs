using Centurion.Features.Campaigns;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Listing;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Supervision.Teams;
using Centurion.Features.Supervision;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Centurion.Tests.Supervision;

/// <summary>A listing's rules without a database: its terms, the due instant each report sets, overdue at that instant, and every refused move.</summary>
public class ListingEntityTests
{
    private const int Province = 1, Chengdu = 2, Jinjiang = 7;

    private static DateTime Local(int y, int m, int d, int h, int min = 0, int s = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, m, d, h, min, s, DateTimeKind.Unspecified), ProvinceTime.Zone);

    private static readonly DateTime ListedAt = Local(2022, 8, 11, 15);

    private static RectificationItem Item()
    {
        var c = new Campaign { Code = "summer-2022", NameZh = "夏季行动", StartDate = new(2022, 6, 25), EndDate = new(2022, 9, 30), RootUnitId = Province };
        c.PlanLeaderLink(new NewLeaderLink("叶国华", "常务副厅长", "510100"), new Unit { Id = Chengdu, Code = "510100", NameZh = "成都市", Level = UnitLevel.Prefecture }, new FieldErrors());
        var team = SupervisionTeam.Form(c, "第一督导组", "叶国华", ["public-order"], [("u1", "inspector")]);
        var plan = InspectionPlan.Make(team, new PlanTarget(Jinjiang, [Jinjiang, Chengdu]), [new MemberChain("inspector", Province, [])],
            new(new(2022, 8, 5), "夜间巡防", ["值班在岗"]), null, "inspector", Local(2022, 8, 1, 9));
        var finding = plan.CarryOut(Local(2022, 8, 5, 21), ["张三"], [new(0, false, "不在岗")], "inspector", Local(2022, 8, 5, 23))
            .AddFinding(new("夜市无警力", "春熙路夜市", Severity.Major, FindingCategory.Patrol, null, null), "inspector", Local(2022, 8, 5, 23));
        return RectificationItem.Assign(finding, Jinjiang, new("李某", "增派夜间警力", new(2022, 8, 20)), "inspector", Local(2022, 8, 6, 9));
    }

    private static readonly ListingTerms Weekly = new("夜市问题反弹，挂牌督办", 7, new(2022, 9, 10));

    private static Listing Listed(RectificationItem? item = null) => Listing.ListItem(item ?? Item(), Weekly, "province", ListedAt);

    private static Listing Spot() => Listing.ListSpot("绵阳火车站广场", "夜间盗抢警情集中", 8, Weekly, "province", ListedAt);

    private static DomainException Refused(Action a) => Assert.Throws<DomainException>(a);

    [Fact]
    public void A_listing_is_due_its_interval_in_province_days_after_listing_and_each_report_and_overdue_exactly_at_that_instant()
    {
        var l = Listed();
        Assert.Equal((ListingKind.Item, ListingState.Listed, Jinjiang), (l.Kind, l.State, l.UnitId));
        // 11 August 2022 15:00 in Shanghai is 07:00 UTC; seven days on, 18 August 15:00 there, 07:00 UTC.
        Assert.Equal(new DateTime(2022, 8, 18, 7, 0, 0, DateTimeKind.Utc), l.NextDueUtc);
        Assert.False(l.IsOverdue(Local(2022, 8, 18, 14, 59, 59)));
        Assert.True(l.IsOverdue(Local(2022, 8, 18, 15)));

        l.Report("已恢复两组固定巡逻", "jinjiang", Local(2022, 8, 17, 16));
        Assert.Equal(Local(2022, 8, 24, 16), l.NextDueUtc);
        Assert.False(l.IsOverdue(Local(2022, 8, 24, 15, 59, 59)));
        Assert.True(l.IsOverdue(Local(2022, 8, 24, 16)));
        l.Report("补报：增设视频巡控点", "jinjiang", Local(2022, 8, 25, 9)); // late
        Assert.Equal((2, 1, Local(2022, 9, 1, 9)), (l.Reports, l.LateReports, l.NextDueUtc));
        Assert.Equal([(ListingEvent.Listed, false), (ListingEvent.Reported, false), (ListingEvent.Reported, true)], l.History.Select(h => (h.Event, h.Late)));
        Assert.Equal(2, l.Version);
    }

    [Theory]
    [InlineData(null, 7, null, "reason")]
    [InlineData(" ", 7, null, "reason")]
    [InlineData("理由", null, null, "intervalDays")]
    [InlineData("理由", 0, null, "intervalDays")]
    [InlineData("理由", 91, null, "intervalDays")]
    [InlineData("理由", 7, "2022-08-10", "targetDate")]
    public void Bad_terms_are_refused_field_by_field(string? reason, int? interval, string? target, string field)
    {
        var terms = new ListingTerms(reason, interval, target is null ? null : DateOnly.Parse(target));
        var e = Refused(() => Listing.ListItem(Item(), terms, "province", ListedAt));
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, e.Status);
        Assert.Equal([field], e.Errors!.Keys);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, Refused(() => Listing.ListSpot("广场", "盗抢", 8, terms, "province", ListedAt)).Status);
    }

    [Fact]
    public void The_interval_bounds_and_today_as_target_are_accepted()
    {
        Assert.Equal(Local(2022, 8, 12, 15), Listing.ListItem(Item(), new("理由", 1, new(2022, 8, 11)), "province", ListedAt).NextDueUtc);
        Assert.Equal(Local(2022, 11, 9, 15), Listing.ListItem(Item(), new("理由", 90, null), "province", ListedAt).NextDueUtc);
    }

    [Fact]
    public void A_trouble_spot_needs_its_place_and_problem()
    {
        var e = Refused(() => Listing.ListSpot(" ", null, 8, Weekly, "province", ListedAt));
        Assert.Equal(["place", "problem"], e.Errors!.Keys.Order());
        var s = Spot();
        Assert.Equal((ListingKind.TroubleSpot, "绵阳火车站广场", (long?)null), (s.Kind, s.Place, s.ItemId));
    }

    [Fact]
    public void A_closed_out_item_cannot_be_listed()
    {
        var item = Item();
        item.Start("jinjiang", ListedAt);
        item.Submit("已增派", "jinjiang", ListedAt);
        item.Verify(null, "inspector", ListedAt);
        item.CloseOut(null, "inspector", ListedAt);
        Assert.Equal(StatusCodes.Status409Conflict, Refused(() => Listed(item)).Status);
    }

    [Fact]
    public void A_report_needs_a_text_and_changes_nothing_when_refused()
    {
        var l = Listed();
        var e = Refused(() => l.Report("  ", "jinjiang", ListedAt));
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, e.Status);
        Assert.Equal(["text"], e.Errors!.Keys);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, Refused(() => l.Report(new string('x', Listing.TextLength + 1), "jinjiang", ListedAt)).Status);
        Assert.Equal((0, 0, 1, Local(2022, 8, 18, 15)), (l.Reports, l.Version, l.History.Count, l.NextDueUtc));
    }

    [Fact]
    public void An_items_listing_is_delisted_only_once_the_item_is_closed_out_and_never_twice()
    {
        var item = Item();
        var l = Listed(item);
        foreach (var step in new Action[] { () => { }, () => item.Start("jinjiang", ListedAt), () => item.Submit("已增派", "jinjiang", ListedAt), () => item.Verify(null, "inspector", ListedAt) })
        {
            step();
            var e = Refused(() => l.Delist("同意撤牌", "province", ListedAt));
            Assert.Equal(StatusCodes.Status409Conflict, e.Status);
            Assert.Contains(SupervisionText.ItemState(item.State).Zh, e.Text.Zh);
            Assert.Equal(ListingState.Listed, l.State);
        }
        item.CloseOut(null, "inspector", ListedAt);
        Assert.Equal(["conclusion"], Refused(() => l.Delist(null, "province", ListedAt)).Errors!.Keys);
        l.Delist("复查巩固，同意撤牌", "province", Local(2022, 9, 1, 10));
        Assert.Equal((ListingState.Delisted, "复查巩固，同意撤牌", Local(2022, 9, 1, 10)), (l.State, l.Conclusion, l.DelistedUtc));
        Assert.False(l.IsOverdue(Local(2023, 1, 1, 0))); // a delisted listing is never overdue
        Assert.Empty(l.AllowedMoves());
        Assert.Equal(StatusCodes.Status409Conflict, Refused(() => l.Delist("再撤", "province", ListedAt)).Status);
        Assert.Equal(StatusCodes.Status409Conflict, Refused(() => l.Report("进展", "jinjiang", ListedAt)).Status);
        Assert.Equal([ListingEvent.Listed, ListingEvent.Delisted], l.History.Select(h => h.Event));
    }

    [Fact]
    public void A_trouble_spot_is_delisted_at_the_offices_judgement_with_a_required_conclusion()
    {
        var s = Spot();
        Assert.Equal(["report", "delist"], s.AllowedMoves());
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, Refused(() => s.Delist(" ", "province", ListedAt)).Status);
        Assert.Equal(ListingState.Listed, s.State);
        s.Delist("秩序好转，同意撤牌", "province", ListedAt);
        Assert.Equal(StatusCodes.Status409Conflict, Refused(() => s.Report("进展", "mianyang", ListedAt)).Status);
        Assert.Equal(StatusCodes.Status409Conflict, Refused(() => s.Delist("再撤", "province", ListedAt)).Status);
    }
}
