package org.wuye;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wuye.ErrorsTest.fails;
import static org.wuye.SurveyTest.fig;
import static org.wuye.SurveyTest.interval;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 回访满意率, callback coverage, service KPIs and 回访抽样 from the service log, through the
 * typed methods: the requests of tests/vectors/survey-service.json are registered, worked
 * and called back through this engine, then {@code survey.callbacks}, {@code kpi.report} and
 * {@code survey.sample} read them. The expected figures are the hand-worked ones of that
 * file's notes (and of docs/contract.md), restated in the comments.
 */
class SatisfactionLogTest {
    static final Actor KF = Actor.agent("kf01");
    static final Actor DD = Actor.dispatcher("dd01");

    static OffsetDateTime mon(String hm) {
        return OffsetDateTime.parse("2026-03-02T" + hm + ":00+08:00");
    }

    static OffsetDateTime tue(String hm) {
        return OffsetDateTime.parse("2026-03-03T" + hm + ":00+08:00");
    }

    static OffsetDateTime wed(String hm) {
        return OffsetDateTime.parse("2026-03-04T" + hm + ":00+08:00");
    }

    static final OffsetDateTime MON = mon("00:00");
    static final OffsetDateTime TUE = tue("00:00");
    static final OffsetDateTime WED = wed("00:00");
    static final OffsetDateTime THU = OffsetDateTime.parse("2026-03-05T00:00:00+08:00");

    static NewRequest request(String id, RequestKind kind, Priority priority, Location where, Reporter who,
            String what) {
        return new NewRequest(id, kind, priority, Channel.PHONE, where, who, what);
    }

    /** Collects every event the engine returns. */
    static final class Log {
        final Engine e;
        final List<Event> events = new ArrayList<>();

        Log(Engine e) {
            this.e = e;
        }

        void register(NewRequest r, OffsetDateTime at) {
            events.addAll(e.requestRegister(r, KF, at));
        }

        void step(String id, Command c, Actor a, OffsetDateTime at) {
            events.addAll(e.requestExecute(id, c, a, at));
        }
    }

    /**
     * The seven requests of survey-service.json over Monday 2026-03-02 and Tuesday 03-03:
     * GD-001 报修 closed satisfied; GD-002 投诉 reopened after a 2, then satisfied; GD-003 报修
     * (high) held for parts, three unreachable callbacks, closed unreachable; GD-004 咨询
     * closed at reply; GD-005 报事 returned and redispatched, satisfied; GD-006 cancelled;
     * GD-007 投诉 accepted on Tuesday. Returns every event.
     */
    static List<Event> gd(Engine e) {
        Log l = new Log(e);
        Actor zhang = Actor.worker("张师傅");
        Actor li = Actor.worker("李队长");
        Actor wang = Actor.worker("王师傅");
        Actor zhao = Actor.worker("赵阿姨");
        Actor qian = Actor.worker("钱阿姨");
        l.register(request("GD-001", RequestKind.REPAIR, Priority.NORMAL, Location.unit("3-1-502"),
                Reporter.owner("王女士", "13900000001"), "厨房水龙头关不紧，一直滴水"), mon("09:00"));
        l.step("GD-001", Command.dispatch("engineering", "张师傅"), DD, mon("09:10"));
        l.step("GD-001", Command.accept(), zhang, mon("09:20"));
        l.register(request("GD-002", RequestKind.COMPLAINT, Priority.NORMAL, Location.unit("4-2-702"),
                Reporter.owner("孙先生", "13900000002"), "楼上午休时间装修电钻噪音"), mon("09:30"));
        l.step("GD-002", Command.dispatch("security", "李队长"), DD, mon("09:40"));
        l.step("GD-001", Command.arrive(), zhang, mon("10:00"));
        l.register(request("GD-003", RequestKind.REPAIR, Priority.HIGH, Location.unit("2-1-301"),
                Reporter.owner("陈先生", "13900000003"), "卫生间天花板渗水"), mon("10:00"));
        l.step("GD-003", Command.dispatch("engineering", "王师傅"), DD, mon("10:05"));
        l.step("GD-003", Command.accept(), wang, mon("10:10"));
        l.step("GD-002", Command.accept(), li, mon("10:30"));
        l.step("GD-003", Command.arrive(), wang, mon("10:30"));
        l.step("GD-003", Command.hold(HoldReason.WAITING_FOR_PARTS), wang, mon("10:40"));
        l.step("GD-002", Command.arrive(), li, mon("10:45"));
        l.step("GD-001", Command.complete(), zhang, mon("11:00"));
        l.register(request("GD-004", RequestKind.INQUIRY, Priority.NORMAL, Location.unit("1-1-1201"),
                Reporter.owner("黄女士", null), "清明节假期物业值班时间？"), mon("11:00"));
        l.step("GD-004", Command.reply(), KF, mon("11:20"));
        l.step("GD-001", Command.reply(), KF, mon("11:30"));
        l.step("GD-002", Command.complete(), li, mon("11:30"));
        l.register(request("GD-005", RequestKind.MATTER, Priority.NORMAL, Location.commonArea("6号楼地下室走廊"),
                new Reporter(ReporterKind.COLLEAGUE, "何磊", null), "地下室走廊堆放杂物，有异味"), mon("13:40"));
        l.step("GD-002", Command.reply(), KF, mon("13:45"));
        l.step("GD-005", Command.dispatch("cleaning", "赵阿姨"), DD, mon("13:50"));
        l.step("GD-001", Command.callbackRated(5), KF, mon("14:00"));
        l.step("GD-003", Command.resume(), wang, mon("14:00"));
        l.step("GD-005", Command.accept(), zhao, mon("14:00"));
        l.step("GD-005", Command.returnToCentre("不在本人负责区域，请改派"), zhao, mon("14:05"));
        l.step("GD-005", Command.dispatch("cleaning", "钱阿姨"), DD, mon("14:10"));
        l.step("GD-005", Command.accept(), qian, mon("14:20"));
        l.step("GD-005", Command.arrive(), qian, mon("14:30"));
        l.step("GD-002", Command.callbackRated(2), KF, mon("15:00"));
        l.step("GD-003", Command.complete(), wang, mon("15:00"));
        l.step("GD-002", Command.dispatch("security", "李队长"), DD, mon("15:10"));
        l.step("GD-002", Command.accept(), li, mon("15:20"));
        l.step("GD-003", Command.reply(), KF, mon("15:30"));
        l.step("GD-005", Command.complete(), qian, mon("15:30"));
        l.step("GD-002", Command.arrive(), li, mon("15:40"));
        l.step("GD-003", Command.callbackUnreachable(), KF, mon("16:00"));
        l.step("GD-005", Command.reply(), KF, mon("16:00"));
        l.step("GD-002", Command.complete(), li, mon("16:30"));
        l.step("GD-002", Command.reply(), KF, mon("17:00"));
        l.step("GD-002", Command.callbackRated(4), KF, tue("09:00"));
        l.register(request("GD-006", RequestKind.REPAIR, Priority.NORMAL, Location.unit("5-2-601"),
                Reporter.tenant("刘先生", "13900000006"), "阳台门把手松动"), tue("09:00"));
        l.step("GD-006", Command.dispatch("engineering", "张师傅"), DD, tue("09:05"));
        l.step("GD-005", Command.callbackRated(5), KF, tue("09:30"));
        l.step("GD-006", Command.cancel("自己修好了"), Actor.reporter("业主-5-2-601"), tue("09:30"));
        l.step("GD-003", Command.callbackUnreachable(), KF, tue("10:00"));
        l.register(request("GD-007", RequestKind.COMPLAINT, Priority.NORMAL, Location.unit("8-1-1102"),
                Reporter.owner("周女士", "13900000007"), "地下车库车位被长期占用"), tue("10:00"));
        l.step("GD-007", Command.dispatch("security", "李队长"), DD, tue("10:10"));
        l.step("GD-007", Command.accept(), li, tue("10:40"));
        l.step("GD-003", Command.callbackUnreachable(), KF, tue("11:00"));
        l.step("GD-003", Command.closeUnreachable("三次电话回访均未接通"), Actor.supervisor("zg01"), tue("11:30"));
        return l.events;
    }

    /** Complaint R9 on Wednesday: handled by 安管部 李队长, replied 10:00, rated 3 at 10:30 and reopened. */
    static List<Event> r9(Engine e) {
        Log l = new Log(e);
        Actor li = Actor.worker("李队长");
        l.register(request("R9", RequestKind.COMPLAINT, Priority.NORMAL, Location.unit("4-2-702"),
                Reporter.owner("孙先生", null), "楼上装修噪音"), wed("09:00"));
        l.step("R9", Command.dispatch("security", "李队长"), DD, wed("09:05"));
        l.step("R9", Command.accept(), li, wed("09:10"));
        l.step("R9", Command.arrive(), li, wed("09:20"));
        l.step("R9", Command.complete(), li, wed("09:50"));
        l.step("R9", Command.reply(), KF, wed("10:00"));
        l.step("R9", Command.callbackRated(3), KF, wed("10:30"));
        return l.events;
    }

    Engine e;
    List<Event> log;

    @BeforeEach
    void open() {
        e = Engine.standard();
        log = gd(e);
    }

    @AfterEach
    void close() {
        e.close();
    }

    static void rate(long count, long total, String percent, String low, String high, Proportion p) {
        assertEquals(count, p.count());
        assertEquals(total, p.total());
        fig(percent, p.percent());
        interval(low, high, p.interval());
    }

    static void noData(long total, Proportion p) {
        assertEquals(total, p.total());
        assertNull(p.percent());
        assertNull(p.interval());
    }

    // ---------------------------------------------------------------- survey.callbacks

    @Test
    void satisfactionOnMonday() {
        // Answers GD-001 rated 5 and GD-002 rated 2: 1 of 2 satisfied (≥ 4) = 50.00% [9.45,
        // 90.55]; mean 3.5; one unreachable attempt (GD-003 16:00). Rounds replied on Monday:
        // 5; by midnight 2 rated, 3 pending: coverage 2/5 = 40.00% [11.76, 76.93].
        CallbackReport r = e.surveyCallbacks(MON, TUE);
        assertEquals(MON, r.from());
        assertEquals(TUE, r.to());
        assertEquals(GroupBy.ALL, r.by());
        assertEquals(4, r.threshold());
        assertNull(r.overall().key());
        rate(1, 2, "50.00", "9.45", "90.55", r.overall().satisfied());
        fig("3.5000", r.overall().meanRating());
        assertEquals(1, r.overall().unreachable());
        Coverage c = r.overall().coverage();
        assertEquals(5, c.due());
        assertEquals(2, c.reached());
        assertEquals(0, c.closedUnreachable());
        assertEquals(3, c.pending());
        rate(2, 5, "40.00", "11.76", "76.93", c.rate());
        assertTrue(r.groups().isEmpty());
    }

    @Test
    void satisfactionOverBothDaysByDepartment() {
        // Answers 5, 2, 4, 5: 3 of 4 = 75.00% [30.06, 95.45], mean 4; GD-003's 3 unreachable
        // attempts; 5 rounds: 4 rated, GD-003 closed unreachable: 80.00% [37.55, 96.38].
        CallbackReport r = e.surveyCallbacks(MON, WED, GroupBy.DEPARTMENT, null);
        assertEquals(GroupBy.DEPARTMENT, r.by());
        rate(3, 4, "75.00", "30.06", "95.45", r.overall().satisfied());
        fig("4.0000", r.overall().meanRating());
        assertEquals(3, r.overall().unreachable());
        assertEquals(1, r.overall().coverage().closedUnreachable());
        rate(4, 5, "80.00", "37.55", "96.38", r.overall().coverage().rate());
        assertEquals(List.of("cleaning", "engineering", "security"), r.groups().stream().map(CallbackReport.Figures::key).toList());
        // 工程部: GD-001 rated 5; GD-003 unreachable ×3 and closed: coverage 1/2.
        CallbackReport.Figures eng = r.group("engineering");
        rate(1, 1, "100.00", "20.65", "100.00", eng.satisfied());
        fig("5.0000", eng.meanRating());
        assertEquals(3, eng.unreachable());
        rate(1, 2, "50.00", "9.45", "90.55", eng.coverage().rate());
        // 安管部: GD-002 rated 2 then 4, both rounds reached.
        CallbackReport.Figures sec = r.group("security");
        rate(1, 2, "50.00", "9.45", "90.55", sec.satisfied());
        fig("3.0000", sec.meanRating());
        rate(2, 2, "100.00", "34.23", "100.00", sec.coverage().rate());
        assertNull(r.group("greening"));
    }

    @Test
    void byAssigneeAWorkerWithoutAnswersHasNoSatisfactionFigure() {
        // Keys in code point order (张 U+5F20, 李 U+674E, 王 U+738B, 钱 U+94B1). 王师傅 has no
        // answer — null, not 0% — and one round closed unreachable: 0.00% [0.00, 79.35].
        CallbackReport r = e.surveyCallbacks(MON, WED, GroupBy.ASSIGNEE, null);
        assertEquals(List.of("张师傅", "李队长", "王师傅", "钱阿姨"),
                r.groups().stream().map(CallbackReport.Figures::key).toList());
        CallbackReport.Figures wang = r.group("王师傅");
        noData(0, wang.satisfied());
        assertFalse(wang.satisfied().hasData());
        assertNull(wang.meanRating());
        assertEquals(3, wang.unreachable());
        rate(0, 1, "0.00", "0.00", "79.35", wang.coverage().rate());
        // 钱阿姨 finished GD-005 after 赵阿姨 returned it: the round is hers.
        rate(1, 1, "100.00", "20.65", "100.00", r.group("钱阿姨").satisfied());
    }

    @Test
    void byKindAndByMonthWithAReportThreshold() {
        CallbackReport k = e.surveyCallbacks(MON, WED, GroupBy.KIND, null);
        assertEquals(List.of("complaint", "matter", "repair"), k.groups().stream().map(CallbackReport.Figures::key).toList());
        rate(1, 2, "50.00", "9.45", "90.55", k.group("complaint").satisfied());
        // Threshold 2: every answer (5, 2, 4, 5) satisfied: 4/4 = 100.00% [51.00, 100.00]; one month.
        CallbackReport m = e.surveyCallbacks(MON, WED, GroupBy.MONTH, 2);
        assertEquals(2, m.threshold());
        rate(4, 4, "100.00", "51.00", "100.00", m.overall().satisfied());
        assertEquals(1, m.groups().size());
        assertEquals("2026-03", m.groups().get(0).key());
        rate(4, 4, "100.00", "51.00", "100.00", m.group("2026-03").satisfied());
        fig("4.0000", m.group("2026-03").meanRating());
    }

    @Test
    void aBadThresholdOrPeriodIsRefused() {
        RefusedException t = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveyCallbacks(MON, WED, GroupBy.ALL, 6));
        assertEquals("threshold: must be 1–5, got 6", t.getMessage());
        RefusedException p = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveyCallbacks(WED, MON));
        assertEquals("to: the period ends (2026-03-02T00:00:00+08:00) before it starts (2026-03-04T00:00:00+08:00)",
                p.getMessage());
    }

    // ---------------------------------------------------------------- kpi.report

    @Test
    void kpisOnMonday() {
        // Registered GD-001…005; closed GD-004 (at reply) and GD-001; after a round: GD-001.
        // Accept 300 600 600 600 3000: median 3rd = 600, p90 5th = 3000. Complete 5400 6600
        // 7200 7200 12600: 7200, 12600. Accept clock 4 met + GD-002's breach = 80.00%.
        KpiReport k = e.kpiReport(MON, TUE, 1860L);
        assertEquals(MON, k.from());
        assertEquals(new KpiReport.Requests(5, 2, 1, 0), k.requests());
        assertEquals(new KpiReport.Durations(5, 600L, 3000L), k.accept());
        assertEquals(new KpiReport.Durations(5, 7200L, 12600L), k.complete());
        assertEquals(List.of(ClockKind.DISPATCH, ClockKind.ACCEPT, ClockKind.ARRIVE, ClockKind.COMPLETE,
                ClockKind.REPLY, ClockKind.CALLBACK), k.onTime().stream().map(KpiReport.OnTime::clock).toList());
        rate(5, 5, "100.00", "56.55", "100.00", k.onTime(ClockKind.DISPATCH).rate());
        KpiReport.OnTime accept = k.onTime(ClockKind.ACCEPT);
        assertEquals(4, accept.met());
        assertEquals(1, accept.breached());
        rate(4, 5, "80.00", "37.55", "96.38", accept.rate());
        rate(6, 6, "100.00", "60.96", "100.00", k.onTime(ClockKind.REPLY).rate());
        rate(2, 2, "100.00", "34.23", "100.00", k.onTime(ClockKind.CALLBACK).rate());
        rate(0, 1, "0.00", "0.00", "79.35", k.reopened());
        rate(1, 1, "100.00", "20.65", "100.00", k.firstTimeRight());
        assertEquals(3, k.coverage().pending());
        rate(2, 5, "40.00", "11.76", "76.93", k.coverage().rate());
        // One complaint: 100/1860 = 0.0537… → 0.05.
        assertEquals(1, k.complaints().count());
        assertEquals(1860L, k.complaints().households());
        fig("0.05", k.complaints().per100Households());
    }

    @Test
    void kpisOverBothDays() {
        // Closed also GD-002, GD-005, GD-003; GD-006 cancelled. Accept adds GD-007's 1800:
        // median 600, p90 ⌈5.4⌉ = 6th = 3000. Reopened 1/4 = 25.00% [4.55, 69.94];
        // first-time-right 2/4 = 50.00% [15.00, 85.00]. 2 complaints: 200/1860 → 0.11.
        KpiReport k = e.kpiReport(MON, WED, 1860L);
        assertEquals(new KpiReport.Requests(7, 5, 4, 1), k.requests());
        assertEquals(new KpiReport.Durations(6, 600L, 3000L), k.accept());
        rate(7, 7, "100.00", "64.56", "100.00", k.onTime(ClockKind.DISPATCH).rate());
        rate(5, 6, "83.33", "43.64", "97.00", k.onTime(ClockKind.ACCEPT).rate());
        rate(5, 5, "100.00", "56.55", "100.00", k.onTime(ClockKind.CALLBACK).rate());
        rate(1, 4, "25.00", "4.55", "69.94", k.reopened());
        rate(2, 4, "50.00", "15.00", "85.00", k.firstTimeRight());
        rate(4, 5, "80.00", "37.55", "96.38", k.coverage().rate());
        fig("0.11", k.complaints().per100Households());
        // Without households there is no per-100 figure.
        KpiReport n = e.kpiReport(MON, WED, null);
        assertEquals(2, n.complaints().count());
        assertNull(n.complaints().households());
        assertNull(n.complaints().per100Households());
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.kpiReport(MON, WED, 0L));
        assertEquals("households: must be at least 1", x.getMessage());
    }

    @Test
    void aQuietDayHasNullRatesAndDurations() {
        // Wednesday: nothing happened. Every rate is null ("no data"), never 0%.
        KpiReport k = e.kpiReport(WED, THU, null);
        assertEquals(new KpiReport.Requests(0, 0, 0, 0), k.requests());
        assertEquals(new KpiReport.Durations(0, null, null), k.complete());
        for (KpiReport.OnTime o : k.onTime()) {
            noData(0, o.rate());
        }
        noData(0, k.reopened());
        noData(0, k.firstTimeRight());
        noData(0, k.coverage().rate());
        CallbackReport c = e.surveyCallbacks(WED, THU);
        noData(0, c.overall().satisfied());
        assertNull(c.overall().meanRating());
    }

    // ---------------------------------------------------------------- a log the host passes

    @Test
    void theSameFiguresFromTheEventLogOnAnotherEngine() {
        try (Engine other = Engine.standard()) {
            // Every event of this engine, stored and handed back: the same report, and the
            // other engine is not changed.
            assertEquals(e.surveyCallbacks(MON, WED, GroupBy.ASSIGNEE, null),
                    other.surveyCallbacks(log, MON, WED, GroupBy.ASSIGNEE, null));
            assertEquals(e.kpiReport(MON, WED, 1860L), other.kpiReport(log, MON, WED, 1860L));
            assertEquals(0, other.engineInfo().requests());
            // Through the JSON Lines form too.
            List<Event> reread = new ArrayList<>();
            for (Event ev : log) {
                reread.add(Event.parse(ev.toJson()));
            }
            assertEquals(e.surveyCallbacks(MON, TUE), other.surveyCallbacks(reread, MON, TUE, GroupBy.ALL, null));
        }
    }

    @Test
    void aComplaintFromAHostsLog() {
        // R9 rated 3 at 10:30: not satisfied at the engine's threshold 4: 0/1 = 0.00% [0.00,
        // 79.35]; mean 3; its one round reached: coverage 1/1 = 100.00% [20.65, 100.00].
        List<Event> events;
        try (Engine scratch = Engine.standard()) {
            events = r9(scratch);
        }
        assertEquals("reopened", events.get(events.size() - 1).type());
        CallbackReport r = e.surveyCallbacks(events, WED, THU, GroupBy.ASSIGNEE, null);
        assertEquals(4, r.threshold());
        rate(0, 1, "0.00", "0.00", "79.35", r.overall().satisfied());
        fig("3.0000", r.overall().meanRating());
        rate(1, 1, "100.00", "20.65", "100.00", r.overall().coverage().rate());
        assertEquals(1, r.groups().size());
        rate(0, 1, "0.00", "0.00", "79.35", r.group("李队长").satisfied());
        // KPIs of the same log: accept 09:05→09:10 = 300 s; complete 09:00→09:50 = 3000 s;
        // every clock of cycle 1 met; nothing closed (the reopen sends it back); 1 complaint
        // for 100 households: 1.00.
        KpiReport k = e.kpiReport(events, WED, THU, 100L);
        assertEquals(new KpiReport.Requests(1, 0, 0, 0), k.requests());
        assertEquals(new KpiReport.Durations(1, 300L, 300L), k.accept());
        assertEquals(new KpiReport.Durations(1, 3000L, 3000L), k.complete());
        for (KpiReport.OnTime o : k.onTime()) {
            rate(1, 1, "100.00", "20.65", "100.00", o.rate());
        }
        noData(0, k.reopened());
        noData(0, k.firstTimeRight());
        fig("1.00", k.complaints().per100Households());
        // The engine's own seven requests are untouched.
        assertEquals(7, e.engineInfo().requests());
    }

    @Test
    void aLogThatDoesNotReplayIsRefusedWithTheEventsIndex() {
        List<Event> events;
        try (Engine scratch = Engine.standard()) {
            events = r9(scratch);
        }
        InvalidEventException x = fails(InvalidEventException.class, Status.INVALID_EVENT, "unknown_request",
                () -> e.kpiReport(events.subList(1, events.size()), WED, THU, null));
        assertEquals("event 0: unknown request R9", x.getMessage());
    }

    // ---------------------------------------------------------------- survey.sample

    @Test
    void samplingTheEnginesClosedRequests() {
        // Closed on the two days: GD-001…005 (GD-006 cancelled, GD-007 open). Draws under
        // "2026-03回访": 9839, 1306, 1809, 337, 4242. Below 3000: GD-002, GD-003, GD-004.
        CallbackSample s = e.surveySample("2026-03回访", new BigDecimal("30"), MON, WED);
        assertEquals(5, s.considered());
        assertEquals(List.of("GD-002", "GD-003", "GD-004"), s.selected());
        // 12.5% (below 1250): GD-004 only — a subset.
        assertEquals(List.of("GD-004"), e.surveySample("2026-03回访", new BigDecimal("12.5"), MON, WED).selected());
        // Size 2: the two smallest keys, GD-004 and GD-001, listed by id.
        assertEquals(new CallbackSample(5, List.of("GD-001", "GD-004")), e.surveySample("2026-03回访", 2, MON, WED));
        // Monday only: GD-001 and GD-004 closed; the same fate as in the two-day batch.
        assertEquals(new CallbackSample(2, List.of("GD-004")),
                e.surveySample("2026-03回访", new BigDecimal("30"), MON, TUE));
    }

    @Test
    void samplingGivenIds() {
        // Under "2026-Q3" the draws of WY20260930-001…005 are 3143, 2394, 5254, 1974, 8056.
        List<String> ids = List.of("WY20260930-004", "WY20260930-001", "WY20260930-005", "WY20260930-002",
                "WY20260930-003");
        assertEquals(new CallbackSample(5, List.of("WY20260930-002", "WY20260930-004")),
                e.surveySample("2026-Q3", new BigDecimal("30"), ids));
        assertEquals(new CallbackSample(5, List.of("WY20260930-001", "WY20260930-002")),
                e.surveySample("2026-Q3", 2, ids));
        RefusedException decimals = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveySample("s", new BigDecimal("12.345"), List.of("A")));
        assertEquals("rate: 12.345: at most 2 decimals", decimals.getMessage());
        RefusedException over = fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveySample("s", new BigDecimal("101"), List.of("A")));
        assertEquals("rate: must be 0–100 percent, got 101", over.getMessage());
        fails(RefusedException.class, Status.REFUSED, "invalid_survey", () -> e.surveySample("", 1, List.of("A")));
        fails(RefusedException.class, Status.REFUSED, "invalid_survey",
                () -> e.surveySample("s", 1, List.of("A", "B", "A")));
    }
}
