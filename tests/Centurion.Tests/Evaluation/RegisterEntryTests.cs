using Centurion.Features.Campaigns;
using Centurion.Features.Evaluation.Incidents;
using Centurion.Infrastructure;

namespace Centurion.Tests.Evaluation;

/// <summary>A register entry's rules without a database: what a record needs, withdrawing once, and when an entry counts.</summary>
public class RegisterEntryTests
{
    private static readonly Campaign Summer = new() { Id = 3, Code = "summer-2022", NameZh = "夏季行动", StartDate = new(2022, 6, 25), EndDate = new(2022, 9, 30), RootUnitId = 1 };

    private static DateTime Local(int m, int d, int h) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2022, m, d, h, 0, 0, DateTimeKind.Unspecified), ProvinceTime.Zone);

    private static readonly DateTime RecordedAt = Local(8, 14, 9);

    private static RegisterEntry Incident(bool major = true) => RegisterEntry.Record(RegisterType.Incident, Summer, 42,
        new(new(2022, 8, 13), " 群体性事件 ", major, "业主聚集堵路", "ignored"), "province", RecordedAt);

    /// <summary>The fields a refused record or withdrawal names (a 422), in order.</summary>
    private static List<string> Refused(Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        Assert.Equal(422, e.Status);
        return [.. e.Errors!.Keys.Order()];
    }

    [Fact]
    public void An_incident_keeps_its_kind_and_severity_and_a_recorded_row_and_no_awarder()
    {
        var e = Incident();
        Assert.Equal((RegisterType.Incident, 42, 3, new DateOnly(2022, 8, 13), "群体性事件", true, (string?)null, "province", RecordedAt),
            (e.Type, e.UnitId, e.CampaignId, e.Date, e.Kind, e.Major, e.AwardedBy, e.RecordedBy, e.RecordedUtc));
        Assert.Equal([RegisterEvent.Recorded], e.History.Select(h => h.Event));
        Assert.False(e.IsWithdrawn);
    }

    [Fact]
    public void A_commendation_is_never_major_and_needs_who_awarded_it()
    {
        var c = RegisterEntry.Record(RegisterType.Commendation, Summer, 5, new(new(2022, 7, 8), "ignored", true, "夜巡+网格", "公安部治安管理局"), "province", RecordedAt);
        Assert.Equal(((string?)null, false, "公安部治安管理局"), (c.Kind, c.Major, c.AwardedBy));
        Assert.Equal(["awardedBy"], Refused(() => RegisterEntry.Record(RegisterType.Commendation, Summer, 5, new(new(2022, 7, 8), null, false, "夜巡", " "), "province", RecordedAt)));
    }

    [Fact]
    public void Every_wrong_field_is_named_at_once()
    {
        Assert.Equal(["date", "description", "kind", "unit"], Refused(() => RegisterEntry.Record(RegisterType.Incident, Summer, null, new(null, "", false, null, null), "province", RecordedAt)));
        Assert.Equal(["kind"], Refused(() => RegisterEntry.Record(RegisterType.Incident, Summer, 1, new(new(2022, 8, 1), new string('x', 51), false, "d", null), "p", RecordedAt)));
    }

    [Theory]
    [InlineData(2022, 8, 15)]  // after the day it is recorded on (province time)
    [InlineData(2022, 6, 24)]  // before the campaign
    public void A_date_after_today_or_outside_the_campaign_is_refused(int y, int m, int d) =>
        Assert.Equal(["date"], Refused(() => RegisterEntry.Record(RegisterType.Incident, Summer, 1, new(new(y, m, d), "k", false, "d", null), "p", RecordedAt)));

    [Fact]
    public void Today_in_province_time_is_allowed_though_utc_is_still_the_day_before()
    {
        var at = Local(8, 14, 7); // 13 August 23:00 UTC
        Assert.Equal(new DateOnly(2022, 8, 14), RegisterEntry.Record(RegisterType.Incident, Summer, 1, new(new(2022, 8, 14), "k", false, "d", null), "p", at).Date);
    }

    [Fact]
    public void Withdrawing_needs_a_reason_happens_once_and_ends_counting_from_its_instant()
    {
        var e = Incident();
        Assert.Equal(["reason"], Refused(() => e.Withdraw("  ", "province", Local(8, 20, 10))));
        Assert.False(e.IsWithdrawn);
        Assert.Equal(0, e.Version);

        var at = Local(8, 20, 10);
        e.Withdraw("经复核不属实", "province", at);
        Assert.Equal((true, "province", "经复核不属实", 1), (e.IsWithdrawn, e.WithdrawnBy, e.WithdrawReason, e.Version));
        Assert.Equal([RegisterEvent.Recorded, RegisterEvent.Withdrawn], e.History.Select(h => h.Event));
        Assert.Equal(409, Assert.Throws<DomainException>(() => e.Withdraw("again", "province", at.AddHours(1))).Status);
        Assert.Equal(2, e.History.Count);

        Assert.False(e.CountsAt(RecordedAt.AddSeconds(-1))); // not yet recorded
        Assert.True(e.CountsAt(RecordedAt));
        Assert.True(e.CountsAt(at.AddSeconds(-1)));
        Assert.False(e.CountsAt(at));
    }
}
