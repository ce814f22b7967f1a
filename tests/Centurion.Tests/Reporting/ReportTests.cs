using Centurion.Features.Campaigns;
using Centurion.Features.Reporting;
using Centurion.Infrastructure;
using static Centurion.Features.Reporting.RevisionStatus;

namespace Centurion.Tests.Reporting;

/// <summary>The report entity on its own: no database, no clock but the times given.</summary>
public class ReportTests
{
    private static readonly DateOnly Day = new(2026, 7, 3);

    /// <summary>3 July's report is due at 10:00 on 4 July in Shanghai: 02:00 UTC.</summary>
    private static readonly DateTime Deadline = new(2026, 7, 4, 2, 0, 0, DateTimeKind.Utc);

    private static DateTime T(int minutes) => new DateTime(2026, 7, 3, 12, 0, 0, DateTimeKind.Utc).AddMinutes(minutes);

    private const int Deployments = 1, Nights = 2;

    private static Dictionary<int, long?> Figures(long deployments, long? nights = 1) => new() { [Deployments] = deployments, [Nights] = nights };

    public enum State { Opened, Draft, Submitted, Returned, Approved, Correction }

    public enum Op { SaveDraft, Submit, Approve, Return, StartCorrection, RecordImported }

    /// <summary>A report brought into a state by the reporter and the leader, through the operations themselves.</summary>
    private static Report In(State state)
    {
        var r = Report.Open(3, 7, new Period(Day, Day), Deadline, "reporter", T(0));
        if (state == State.Opened) return r;
        r.SaveDraft("reporter", T(1), Figures(100), nil: false);
        if (state == State.Draft) return r;
        r.Submit("reporter", T(2), []);
        if (state == State.Submitted) return r;
        if (state == State.Returned) { r.Return("leader", T(3), "排班不符"); return r; }
        r.Approve("leader", T(3));
        if (state == State.Approved) return r;
        r.StartCorrection("reporter", T(4), "漏报夜查");
        return r;
    }

    private static void Apply(Report r, Op op)
    {
        switch (op)
        {
            case Op.SaveDraft: r.SaveDraft("reporter", T(10), Figures(120), nil: false); break;
            case Op.Submit: r.Submit("reporter", T(10), []); break;
            case Op.Approve: r.Approve("leader", T(10)); break;
            case Op.Return: r.Return("leader", T(10), "数字有误"); break;
            case Op.StartCorrection: r.StartCorrection("reporter", T(10), "补报"); break;
            case Op.RecordImported: r.RecordImported("office", T(10), new Dictionary<int, long> { [Deployments] = 130 }, "导入 import: a.csv"); break;
        }
    }

    /// <summary>What each allowed operation moves the current revision from and to; from = to means no history row (a draft saved again).</summary>
    public static readonly TheoryData<State, Op, RevisionStatus, RevisionStatus> Allowed = new()
    {
        { State.Opened, Op.SaveDraft, Draft, Draft },
        { State.Opened, Op.Submit, Draft, Submitted },
        { State.Opened, Op.RecordImported, Draft, Approved },
        { State.Draft, Op.SaveDraft, Draft, Draft },
        { State.Draft, Op.Submit, Draft, Submitted },
        { State.Submitted, Op.Approve, Submitted, Approved },
        { State.Submitted, Op.Return, Submitted, Returned },
        { State.Returned, Op.SaveDraft, Returned, Draft },
        { State.Returned, Op.Submit, Returned, Submitted },
        { State.Approved, Op.StartCorrection, Approved, Draft },
        { State.Approved, Op.RecordImported, Approved, Approved },
        { State.Correction, Op.SaveDraft, Draft, Draft },
        { State.Correction, Op.Submit, Draft, Submitted },
    };

    /// <summary>Every other state × operation, with the status of the refusal.</summary>
    public static readonly TheoryData<State, Op, int> Refused = new()
    {
        { State.Opened, Op.Approve, 409 }, { State.Opened, Op.Return, 409 }, { State.Opened, Op.StartCorrection, 409 },
        { State.Draft, Op.Approve, 409 }, { State.Draft, Op.Return, 409 }, { State.Draft, Op.StartCorrection, 409 }, { State.Draft, Op.RecordImported, 409 },
        { State.Submitted, Op.SaveDraft, 409 }, { State.Submitted, Op.Submit, 409 }, { State.Submitted, Op.StartCorrection, 409 }, { State.Submitted, Op.RecordImported, 409 },
        { State.Returned, Op.Approve, 409 }, { State.Returned, Op.Return, 409 }, { State.Returned, Op.StartCorrection, 409 }, { State.Returned, Op.RecordImported, 409 },
        { State.Approved, Op.SaveDraft, 409 }, { State.Approved, Op.Submit, 409 }, { State.Approved, Op.Approve, 409 }, { State.Approved, Op.Return, 409 },
        { State.Correction, Op.Approve, 409 }, { State.Correction, Op.Return, 409 }, { State.Correction, Op.StartCorrection, 409 }, { State.Correction, Op.RecordImported, 409 },
    };

    [Fact]
    public void The_two_tables_cover_every_state_and_operation_exactly_once()
    {
        var cells = Allowed.Select(row => ((State)row[0], (Op)row[1])).Concat(Refused.Select(row => ((State)row[0], (Op)row[1]))).ToList();
        var all = Enum.GetValues<State>().SelectMany(s => Enum.GetValues<Op>().Select(o => (s, o))).ToList();
        Assert.Equal(all.Count, cells.Count);
        Assert.Equal(all.ToHashSet(), cells.ToHashSet());
    }

    [Theory, MemberData(nameof(Allowed))]
    public void An_allowed_operation_moves_the_state_and_writes_one_history_row(State state, Op op, RevisionStatus from, RevisionStatus to)
    {
        var r = In(state);
        var (version, rows, before) = (r.Version, r.Transitions.Count, r.Current().Status);

        Apply(r, op);

        Assert.Equal(from, before);
        Assert.Equal(to, r.Current().Status);
        Assert.Equal(version + 1, r.Version);
        if (from == to && op == Op.SaveDraft) { Assert.Equal(rows, r.Transitions.Count); return; }
        var row = Assert.Single(r.Transitions.Skip(rows));
        Assert.Equal((r.Current().Number, (RevisionStatus?)from, to, T(10)), (row.Revision, row.FromStatus, row.ToStatus, row.AtUtc));
        Assert.Equal(op is Op.Approve or Op.Return ? "leader" : op == Op.RecordImported ? "office" : "reporter", row.By);
    }

    [Theory, MemberData(nameof(Refused))]
    public void A_refused_operation_says_why_with_its_status_and_changes_nothing(State state, Op op, int status)
    {
        var r = In(state);
        var before = Describe(r);

        var e = Assert.Throws<DomainException>(() => Apply(r, op));

        Assert.Equal(status, e.Status);
        Assert.NotEmpty(e.Text.Zh);
        Assert.NotEmpty(e.Text.En);
        Assert.Equal(before, Describe(r));
    }

    /// <summary>Everything a refusal must leave as it was.</summary>
    private static string Describe(Report r) =>
        $"{r.Version} {r.Late} {r.FirstSubmittedUtc} {r.Transitions.Count} " + string.Join("; ", r.Revisions.Select(v =>
            $"{v.Number} {v.Status} {v.Effective} {v.Nil} {v.Reason} {v.SubmittedBy} {v.DecidedBy} {v.ReturnReason} " +
            string.Join(",", v.Values.Select(x => $"{x.IndicatorId}={x.Value}{(x.Confirmed ? "!" : "")}"))));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_return_a_correction_or_an_import_without_a_reason_is_422_and_changes_nothing(string? reason)
    {
        var submitted = In(State.Submitted);
        var approved = In(State.Approved);
        var (s, a) = (Describe(submitted), Describe(approved));

        Assert.Equal(422, Assert.Throws<DomainException>(() => submitted.Return("leader", T(10), reason)).Status);
        Assert.Equal(422, Assert.Throws<DomainException>(() => approved.StartCorrection("reporter", T(10), reason)).Status);
        Assert.Equal(422, Assert.Throws<DomainException>(() => approved.RecordImported("office", T(10), new Dictionary<int, long> { [1] = 5 }, reason)).Status);
        Assert.Equal((s, a), (Describe(submitted), Describe(approved)));
    }

    [Fact]
    public void The_person_who_submitted_cannot_approve_or_return_it()
    {
        var r = In(State.Submitted);
        var before = Describe(r);

        Assert.Equal(403, Assert.Throws<DomainException>(() => r.Approve("reporter", T(10))).Status);
        Assert.Equal(403, Assert.Throws<DomainException>(() => r.Return("reporter", T(10), "自己退回")).Status);
        Assert.Equal(before, Describe(r));
    }

    [Fact]
    public void The_history_records_every_change_of_state_with_who_when_and_why()
    {
        var r = Report.Open(3, 7, new Period(Day, Day), Deadline, "jinjiang", T(0));
        r.SaveDraft("jinjiang", T(1), Figures(120), nil: false);
        r.SaveDraft("jinjiang", T(2), Figures(121), nil: false); // a draft saved again is no change of state
        r.Submit("jinjiang", T(3), []);
        r.Return("chengdu", T(4), "  出动警力与排班不符 ");
        r.SaveDraft("jinjiang", T(5), Figures(112), nil: false);
        r.Submit("jinjiang", T(6), []);
        r.Approve("chengdu", T(7));
        r.StartCorrection("jinjiang", T(8), "漏报夜查警力");
        r.Submit("jinjiang", T(9), []);
        r.Approve("chengdu", T(10));

        (int, RevisionStatus?, RevisionStatus, string, DateTime, string?)[] expected =
        [
            (1, null, Draft, "jinjiang", T(0), null),
            (1, Draft, Submitted, "jinjiang", T(3), null),
            (1, Submitted, Returned, "chengdu", T(4), "出动警力与排班不符"),
            (1, Returned, Draft, "jinjiang", T(5), null),
            (1, Draft, Submitted, "jinjiang", T(6), null),
            (1, Submitted, Approved, "chengdu", T(7), null),
            (2, Approved, Draft, "jinjiang", T(8), "漏报夜查警力"),
            (2, Draft, Submitted, "jinjiang", T(9), null),
            (2, Submitted, Approved, "chengdu", T(10), null),
        ];
        Assert.Equal(expected, r.Transitions.Select(t => (t.Revision, t.FromStatus, t.ToStatus, t.By, t.AtUtc, t.Reason)));
        Assert.All(r.Transitions, t => Assert.Equal((7, DateTimeKind.Utc), (t.UnitId, t.AtUtc.Kind)));
        Assert.Equal(10, r.Version); // one per operation after opening
    }

    [Fact]
    public void A_report_submitted_exactly_at_the_deadline_is_on_time_and_a_tick_later_is_late()
    {
        var onTime = In(State.Draft);
        var late = In(State.Draft);

        onTime.Submit("reporter", Deadline, []);
        late.Submit("reporter", Deadline.AddTicks(1), []);

        Assert.Equal((false, Deadline), (onTime.Late, onTime.FirstSubmittedUtc));
        Assert.True(late.Late);
    }

    [Fact]
    public void Lateness_is_judged_on_the_first_submission_only()
    {
        var r = In(State.Draft);
        r.Submit("reporter", Deadline.AddMinutes(-5), []);
        r.Return("leader", Deadline.AddHours(2), "重填");
        r.Submit("reporter", Deadline.AddHours(3), []);
        r.Approve("leader", Deadline.AddHours(4));
        r.StartCorrection("reporter", Deadline.AddDays(3), "更正");
        r.Submit("reporter", Deadline.AddDays(3), []);

        Assert.Equal((false, Deadline.AddMinutes(-5)), (r.Late, r.FirstSubmittedUtc));
    }

    [Fact]
    public void A_correction_copies_the_approved_figures_which_count_until_the_correction_is_submitted()
    {
        var r = In(State.Approved);

        var next = r.StartCorrection("reporter", T(10), "  漏报夜查  ");

        Assert.Equal((2, Draft, "漏报夜查"), (next.Number, next.Status, next.Reason));
        Assert.Equal([(Deployments, 100L), (Nights, 1L)], next.Values.Select(v => (v.IndicatorId, v.Value)));
        Assert.Same(r.Revisions[0], r.EffectiveRevision()); // the approved figures still count while the correction is drafted
        Assert.Same(next, r.Current());

        r.SaveDraft("reporter", T(11), Figures(130), nil: false);
        r.Submit("reporter", T(12), []);
        Assert.Same(next, r.EffectiveRevision());
        Assert.Equal((Approved, false), (r.Revisions[0].Status, r.Revisions[0].Effective));
        Assert.Equal(100L, r.Revisions[0].Values.Single(v => v.IndicatorId == Deployments).Value); // the first revision is never overwritten
    }

    [Fact]
    public void A_returned_correction_hands_the_count_back_to_the_last_approved_revision()
    {
        var r = In(State.Correction);
        r.SaveDraft("reporter", T(10), Figures(130), nil: false);
        r.Submit("reporter", T(11), []);

        r.Return("leader", T(12), "更正依据不足");

        Assert.Same(r.Revisions[0], r.EffectiveRevision());
        Assert.Equal((Returned, "更正依据不足"), (r.Current().Status, r.Current().ReturnReason));
    }

    [Fact]
    public void A_returned_first_revision_no_longer_counts()
    {
        var r = In(State.Returned);

        Assert.Null(r.EffectiveRevision());
        Assert.Equal(("leader", T(3), "排班不符"), (r.Current().DecidedBy, r.Current().DecidedUtc, r.Current().ReturnReason));
    }

    [Fact]
    public void Saving_a_draft_drops_blank_figures_and_a_changed_figure_needs_confirming_again()
    {
        var r = In(State.Draft);
        r.SaveDraft("reporter", T(5), Figures(100, nights: null), nil: false);
        Assert.Equal([Deployments], r.Current().Values.Select(v => v.IndicatorId));

        r.SaveDraft("reporter", T(6), Figures(900, nights: 2), nil: false);
        r.Submit("reporter", T(7), [Deployments]);
        Assert.Equal([(Deployments, 900L, true), (Nights, 2L, false)], r.Current().Values.OrderBy(v => v.IndicatorId).Select(v => (v.IndicatorId, v.Value, v.Confirmed)));
        r.Return("leader", T(8), "核实");
        r.SaveDraft("reporter", T(9), Figures(901, nights: 2), nil: false);
        Assert.False(r.Current().Values.Single(v => v.IndicatorId == Deployments).Confirmed);
    }

    [Fact]
    public void A_nil_return_is_carried_into_its_correction()
    {
        var r = In(State.Draft);
        r.SaveDraft("reporter", T(5), Figures(0, 0), nil: true);
        r.Submit("reporter", T(6), []);
        r.Approve("leader", T(7));

        Assert.True(r.StartCorrection("reporter", T(8), "并非零报告").Nil);
    }

    [Fact]
    public void An_import_into_a_new_report_stores_it_approved_as_revision_1_in_one_step()
    {
        var r = In(State.Opened);

        r.RecordImported("office", Deadline.AddDays(1), new Dictionary<int, long> { [Deployments] = 90, [Nights] = 1 }, "导入 import: a.csv");

        var rev = Assert.Single(r.Revisions);
        Assert.Equal((1, Approved, true, "导入 import: a.csv", "office", "office"), (rev.Number, rev.Status, rev.Effective, rev.Reason, rev.SubmittedBy, rev.DecidedBy));
        Assert.Equal((true, Deadline.AddDays(1)), (r.Late, r.FirstSubmittedUtc)); // a back-filled report came after its deadline
        Assert.Equal([(Draft, Approved)], r.Transitions.Skip(1).Select(t => (t.FromStatus!.Value, t.ToStatus)));
    }

    [Fact]
    public void An_import_into_an_approved_report_makes_a_new_approved_revision_carrying_over_the_figures_it_does_not_name()
    {
        var r = In(State.Approved);

        r.RecordImported("office", T(10), new Dictionary<int, long> { [Deployments] = 99 }, "导入 import: b.csv");

        Assert.Equal([false, true], r.Revisions.Select(v => v.Effective));
        Assert.Equal([(Deployments, 99L), (Nights, 1L)], r.Current().Values.OrderBy(v => v.IndicatorId).Select(v => (v.IndicatorId, v.Value)));
        Assert.Equal((2, Approved, "导入 import: b.csv"), (r.Current().Number, r.Current().Status, r.Current().Reason));
        Assert.Equal((false, T(2)), (r.Late, r.FirstSubmittedUtc));
        var row = r.Transitions[^1];
        Assert.Equal((2, (RevisionStatus?)Approved, Approved, "office", "导入 import: b.csv"), (row.Revision, row.FromStatus, row.ToStatus, row.By, row.Reason));
    }
}
