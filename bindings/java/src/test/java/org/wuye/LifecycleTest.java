package org.wuye;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wuye.Fixtures.LEAK;
import static org.wuye.Fixtures.mar2;
import static org.wuye.Fixtures.repair;
import static org.wuye.Fixtures.t;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests through their workflow, SLA clocks, tick, batch calls, export and replay. */
class LifecycleTest {
    static final Actor AGENT = Actor.agent("kf01");
    static final Actor DISPATCHER = Actor.dispatcher("dd01");
    static final Actor W1 = Actor.worker("w1");

    /** Runs R's workflow up to (and including) the reply; returns every event. */
    static List<Event> upToReply(Engine e, String id) {
        List<Event> log = new ArrayList<>(e.requestRegister(repair(id), AGENT, mar2("09:00")));
        log.addAll(e.requestExecute(id, Command.dispatch("engineering", "w1"), DISPATCHER, mar2("09:05")));
        log.addAll(e.requestExecute(id, Command.accept(), W1, mar2("09:10")));
        log.addAll(e.requestExecute(id, Command.arrive(), W1, mar2("09:30")));
        log.addAll(e.requestExecute(id, Command.hold(HoldReason.WAITING_FOR_PARTS), W1, mar2("09:40")));
        log.addAll(e.requestExecute(id, Command.resume(), W1, mar2("10:00")));
        log.addAll(e.requestExecute(id, Command.complete("换阀芯"), W1, mar2("10:30")));
        log.addAll(e.requestExecute(id, Command.reply("已修好，请验收"), AGENT, mar2("11:00")));
        return log;
    }

    @Test
    void aRepairFromRegistrationToSatisfiedClose() {
        try (Engine e = Engine.standard()) {
            List<Event> reg = e.requestRegister(repair("R1"), AGENT, mar2("09:00"));
            assertEquals(1, reg.size());
            assertEquals("registered", reg.get(0).type());
            assertEquals(Stage.REGISTERED, e.requestGet("R1").stage());

            List<Event> d = e.requestExecute("R1", Command.dispatch("engineering", "w1"), DISPATCHER, mar2("09:05"));
            assertEquals("dispatched", d.get(0).type());
            assertEquals("engineering", d.get(0).change().get("department"));
            ServiceRequest r = e.requestGet("R1");
            assertEquals(Stage.DISPATCHED, r.stage());
            assertEquals("engineering", r.department());
            assertEquals("w1", r.assignee());

            assertEquals("accepted", e.requestExecute("R1", Command.accept(), W1, mar2("09:10")).get(0).type());
            assertEquals("arrived", e.requestExecute("R1", Command.arrive(), W1, mar2("09:30")).get(0).type());
            assertEquals(Stage.IN_PROGRESS, e.requestGet("R1").stage());
            assertEquals("held",
                    e.requestExecute("R1", Command.hold(HoldReason.WAITING_FOR_PARTS), W1, mar2("09:40")).get(0).type());
            r = e.requestGet("R1");
            assertEquals(Stage.ON_HOLD, r.stage());
            assertEquals("waiting_for_parts", r.stageDetails().get("reason"));
            assertEquals(ClockState.PAUSED, e.slaStatus("R1", mar2("09:50")).clock(ClockKind.COMPLETE).state());
            assertEquals("resumed", e.requestExecute("R1", Command.resume(), W1, mar2("10:00")).get(0).type());
            assertEquals("completed", e.requestExecute("R1", Command.complete("换阀芯"), W1, mar2("10:30")).get(0).type());
            assertEquals("replied", e.requestExecute("R1", Command.reply(), AGENT, mar2("11:00")).get(0).type());
            assertEquals(Stage.REPLIED, e.requestGet("R1").stage());
            List<Event> cb = e.requestExecute("R1", Command.callbackRated(5, "师傅很专业", new Aspects(5, null, null)), AGENT,
                    mar2("11:30"));
            assertEquals(1, cb.size());
            assertEquals("callback_rated", cb.get(0).type());
            assertEquals(Boolean.TRUE, cb.get(0).change().get("satisfied"));

            r = e.requestGet("R1");
            assertEquals(Stage.CLOSED, r.stage(), "满意关闭");
            assertEquals(Map.of("by", "satisfied", "rating", 5L, "comment", "师傅很专业"), r.closure());
            assertEquals(mar2("11:30"), r.lastEventAt());
            assertEquals(0, r.reopenCount());

            // Complete clock: 09:00–09:40 (40 min) + 10:00–10:30 (30 min) = 4200 s, met.
            SlaStatus s = e.slaStatus("R1", mar2("12:00"));
            assertEquals("R1", s.request());
            assertEquals(mar2("12:00"), s.asOf());
            assertEquals(1, s.cycles().size());
            ClockStatus complete = s.clock(ClockKind.COMPLETE);
            assertEquals(ClockState.MET, complete.state());
            assertEquals(Timing.BUSINESS, complete.timing());
            assertEquals(57600, complete.targetSeconds());
            assertEquals(4200, complete.elapsedSeconds());
            assertEquals(mar2("09:00"), complete.startedAt());
            assertEquals(mar2("10:30"), complete.stoppedAt());
            assertEquals(ClockState.MET, s.clock(ClockKind.CALLBACK).state());
            assertFalse(s.breached());
        }
    }

    @Test
    void anUnsatisfiedCallbackReopensTheRequest() {
        try (Engine e = Engine.standard()) {
            upToReply(e, "R2");
            List<Event> cb = e.requestExecute("R2", Command.callbackRated(2, "还在漏", null), AGENT, mar2("11:30"));
            assertEquals(List.of("callback_rated", "reopened"), List.of(cb.get(0).type(), cb.get(1).type()));
            assertEquals(Boolean.FALSE, cb.get(0).change().get("satisfied"));
            assertEquals(1L, cb.get(1).change().get("count"));
            ServiceRequest r = e.requestGet("R2");
            assertEquals(Stage.REGISTERED, r.stage());
            assertEquals(1, r.reopenCount());
            assertNull(r.closure());

            // A new SLA cycle started at the reopen.
            SlaStatus s = e.slaStatus("R2", mar2("11:45"));
            assertEquals(2, s.cycles().size());
            assertEquals(1, s.current().cycle());
            assertEquals(mar2("11:30"), s.current().startedAt());
            assertEquals(ClockState.RUNNING, s.clock(ClockKind.DISPATCH).state());
            assertEquals(ClockState.MET, s.cycles().get(0).clock(ClockKind.COMPLETE).state());

            // ...and goes round again to a satisfied close.
            e.requestExecute("R2", Command.dispatch("engineering", "w2"), DISPATCHER, mar2("11:40"));
            Actor w2 = Actor.worker("w2");
            e.requestExecute("R2", Command.accept(), w2, mar2("13:30"));
            e.requestExecute("R2", Command.arrive(), w2, mar2("13:50"));
            e.requestExecute("R2", Command.complete(), w2, mar2("14:30"));
            e.requestExecute("R2", Command.reply(), AGENT, mar2("15:00"));
            e.requestExecute("R2", Command.callbackRated(4), AGENT, mar2("15:30"));
            assertEquals(Stage.CLOSED, e.requestGet("R2").stage());
        }
    }

    @Test
    void slaFiguresWorkedOutByHand() {
        try (Engine e = Engine.standard()) {
            // A normal repair registered Wed 2026-09-30 16:00, just before the National Day holiday.
            e.requestRegister(repair("R-NDAY"), AGENT, t("2026-09-30T16:00:00+08:00"));
            SlaStatus s = e.slaStatus("R-NDAY", t("2026-09-30T16:00:00+08:00"));
            ClockStatus complete = s.clock(ClockKind.COMPLETE);
            assertEquals(16 * 3600, complete.targetSeconds());
            assertEquals(ClockState.RUNNING, complete.state());
            // Sep 30 16:00–17:30 = 1.5 h; Oct 1–7 holiday; Oct 8 7.5 h; Oct 9 08:30–12:00 + 13:30–17:00 = 7 h.
            assertEquals(t("2026-10-09T17:00:00+08:00"), complete.deadline());
            assertEquals(57600L, complete.remainingSeconds());
            assertEquals(0, complete.elapsedSeconds());
            // Dispatch: 30 min → 16:30. Arrive: 2 h = 1.5 h on Sep 30 + 30 min on Oct 8.
            assertEquals(t("2026-09-30T16:30:00+08:00"), s.clock(ClockKind.DISPATCH).deadline());
            assertEquals(t("2026-10-08T09:00:00+08:00"), s.clock(ClockKind.ARRIVE).deadline());
            assertEquals(ClockState.NOT_STARTED, s.clock(ClockKind.ACCEPT).state());
            assertNull(s.clock(ClockKind.ACCEPT).deadline());

            // Over the holiday no business time passes.
            ClockStatus midHoliday = e.slaStatus("R-NDAY", t("2026-10-04T12:00:00+08:00")).clock(ClockKind.COMPLETE);
            assertEquals(5400, midHoliday.elapsedSeconds());
            assertEquals(57600L - 5400, midHoliday.remainingSeconds());

            // One second past the deadline it is breached by one second.
            ClockStatus late = e.slaStatus("R-NDAY", t("2026-10-09T17:00:01+08:00")).clock(ClockKind.COMPLETE);
            assertEquals(ClockState.BREACHED, late.state());
            assertEquals(1L, late.overdueSeconds());
            assertNull(late.remainingSeconds());

            // An emergency runs around the clock, holiday or not: dispatch within 10 minutes.
            e.requestRegister(repair("R-EMG", Priority.EMERGENCY, "电梯困人"), AGENT, t("2026-10-01T10:00:00+08:00"));
            ClockStatus d = e.slaStatus("R-EMG", t("2026-10-01T10:00:00+08:00")).clock(ClockKind.DISPATCH);
            assertEquals(Timing.AROUND_THE_CLOCK, d.timing());
            assertEquals(t("2026-10-01T10:10:00+08:00"), d.deadline());
        }
    }

    @Test
    void tickEscalatesEachThresholdExactlyOnce() {
        try (Engine e = Engine.standard()) {
            e.requestRegister(repair("R-T"), AGENT, t("2026-09-30T16:00:00+08:00"));
            assertEquals(List.of(), e.slaTick(t("2026-09-30T16:20:00+08:00")));
            // Dispatch clock, 30 min: 80 % = 24 min → supervisor at 16:24.
            List<Event> first = e.slaTick(t("2026-09-30T16:25:00+08:00"));
            assertEquals(1, first.size(), first.toString());
            Map<String, Object> c = first.get(0).change();
            assertEquals("escalated", c.get("type"));
            assertEquals("dispatch", c.get("clock"));
            assertEquals(80L, c.get("percent"));
            assertEquals("supervisor", c.get("notify"));
            assertEquals("2026-09-30T16:24:00+08:00", c.get("due_at"));
            assertEquals(Role.SYSTEM, first.get(0).actor().role());
            assertEquals(List.of(), e.slaTick(t("2026-09-30T16:25:00+08:00")), "each escalation fires once");
            List<Event> second = e.slaTick(t("2026-09-30T16:31:00+08:00"));
            assertEquals(1, second.size());
            assertEquals("project_manager", second.get(0).change().get("notify"));
            assertEquals(100L, second.get(0).change().get("percent"));
        }
    }

    @Test
    void batchesRunEachItemAlone() {
        try (Engine e = Engine.standard()) {
            e.requestRegister(repair("B1"), AGENT, mar2("09:00"));
            List<Outcome<List<Event>>> out = e.requestExecuteBatch(List.of(
                    new ExecuteStep("B1", Command.dispatch("engineering"), DISPATCHER, mar2("09:05")),
                    new ExecuteStep("B1", Command.accept(), AGENT, mar2("09:06")),
                    new ExecuteStep("nope", Command.accept(), W1, mar2("09:06")),
                    new ExecuteStep("B1", Command.accept(), W1, mar2("09:07"))));
            assertEquals(4, out.size());
            assertTrue(out.get(0).isOk());
            assertEquals("dispatched", out.get(0).get().get(0).type());
            RefusedException refused = (RefusedException) out.get(1).error();
            assertEquals("role_not_allowed", refused.code());
            assertThrows(RefusedException.class, () -> out.get(1).get());
            assertEquals("unknown_request", ((NotFoundException) out.get(2).error()).code());
            assertEquals("w1", out.get(3).get().get(0).change().get("assignee"));
            assertEquals(Stage.ACCEPTED, e.requestGet("B1").stage());

            e.requestRegister(repair("B2"), AGENT, mar2("09:00"));
            List<Outcome<SlaStatus>> all = e.slaStatusBatch(null, mar2("10:00"));
            assertEquals(List.of("B1", "B2"), List.of(all.get(0).get().request(), all.get(1).get().request()));
            List<Outcome<SlaStatus>> some = e.slaStatusBatch(List.of("B2", "nope", "B1"), mar2("10:00"));
            assertEquals("B2", some.get(0).get().request());
            assertEquals(Status.NOT_FOUND, some.get(1).error().status());
            assertEquals(ClockState.MET, some.get(2).get().clock(ClockKind.ACCEPT).state());
            // A failed item does not fail the batch, but an as_of before an event fails its item.
            assertEquals("as_of_before_last_event",
                    e.slaStatusBatch(List.of("B1"), mar2("09:06")).get(0).error().code());
        }
    }

    @Test
    void exportRestoresAndReplayRebuildsTheSameState() {
        try (Engine e = Engine.standard()) {
            List<Event> log = upToReply(e, "R3");
            log.addAll(e.requestExecute("R3", Command.callbackRated(2), AGENT, mar2("11:30")));
            log.addAll(e.requestRegister(repair("R4"), AGENT, mar2("12:00")));
            log.addAll(e.slaTick(t("2026-03-03T12:00:00+08:00")));
            assertFalse(log.get(log.size() - 1).change().isEmpty());
            String state = e.engineExport();
            assertTrue(state.startsWith("{\"config\":"), state.substring(0, 40));

            try (Engine restored = Engine.fromState(state)) {
                assertEquals(state, restored.engineExport());
                assertEquals(e.requestGet("R3"), restored.requestGet("R3"));
                assertEquals(2, restored.engineInfo().requests());
            }

            // Written back, each event is the library's JSON byte for byte; replayed, the same state.
            try (Engine replayed = Engine.standard()) {
                ReplayResult rr = replayed.logReplay(log);
                assertEquals(log.size(), rr.applied());
                assertEquals(2, rr.requests());
                assertEquals(state, replayed.engineExport());
            }

            // One request's events alone give its SLA status.
            List<Event> r3 = log.stream().filter(ev -> ev.request().equals("R3")).toList();
            assertEquals(e.slaStatus("R3", t("2026-03-03T12:00:00+08:00")),
                    e.slaStatusFromEvents(r3, t("2026-03-03T12:00:00+08:00")));
            for (Event ev : log) {
                assertEquals(ev, Event.parse(ev.toJson()));
            }
        }
    }

    @Test
    void eventsWrittenBackAreTheLibrarysBytes() {
        try (Engine e = Engine.standard()) {
            String resp = e.callJson("{\"v\":1,\"op\":\"request.register\",\"args\":{\"request\":"
                    + Json.write(repair("R5")) + ",\"actor\":{\"role\":\"agent\",\"id\":\"kf01\"},"
                    + "\"now\":\"2026-03-02T09:00:00+08:00\"}}");
            String raw = resp.substring("{\"v\":1,\"ok\":true,\"result\":{\"events\":[".length(), resp.length() - 3);
            Event ev = Event.parse(raw);
            assertEquals(raw, ev.toJson());
            assertEquals(repair("R5"), e.requestGet("R5").details());
        }
    }

    @Test
    void chineseTextRoundTripsByteForByte() {
        try (Engine e = Engine.standard()) {
            // The request as raw UTF-8 bytes: no String conversion on the way in.
            byte[] request = ("{\"v\":1,\"op\":\"request.register\",\"args\":{\"request\":{\"id\":\"R1\",\"kind\":\"repair\","
                    + "\"priority\":\"normal\",\"channel\":\"phone\",\"location\":{\"unit\":\"3-1-502\"},"
                    + "\"reporter\":{\"kind\":\"owner\",\"name\":\"王女士\",\"phone\":\"13800000000\"},"
                    + "\"description\":\"厨房水龙头漏水\"},\"actor\":{\"role\":\"agent\",\"id\":\"kf01\"},"
                    + "\"now\":\"2026-03-02T09:00:00+08:00\"}}").getBytes(StandardCharsets.UTF_8);
            byte[] expected = ("{\"v\":1,\"ok\":true,\"result\":{\"events\":[{\"schema\":1,\"request\":\"R1\","
                    + "\"at\":\"2026-03-02T09:00:00+08:00\",\"actor\":{\"role\":\"agent\",\"id\":\"kf01\"},"
                    + "\"change\":{\"type\":\"registered\",\"request\":{\"id\":\"R1\",\"kind\":\"repair\","
                    + "\"priority\":\"normal\",\"channel\":\"phone\",\"location\":{\"unit\":\"3-1-502\"},"
                    + "\"reporter\":{\"kind\":\"owner\",\"name\":\"王女士\",\"phone\":\"13800000000\"},"
                    + "\"description\":\"厨房水龙头漏水\"}}}]}}").getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, e.callBytes(request));
            // The UTF-8 of 厨房水龙头漏水 (7 × 3 bytes) is in the response as is.
            byte[] leak = {(byte) 0xe5, (byte) 0x8e, (byte) 0xa8, (byte) 0xe6, (byte) 0x88, (byte) 0xbf, (byte) 0xe6,
                (byte) 0xb0, (byte) 0xb4, (byte) 0xe9, (byte) 0xbe, (byte) 0x99, (byte) 0xe5, (byte) 0xa4, (byte) 0xb4,
                (byte) 0xe6, (byte) 0xbc, (byte) 0x8f, (byte) 0xe6, (byte) 0xb0, (byte) 0xb4};
            assertArrayEquals(leak, LEAK.getBytes(StandardCharsets.UTF_8));
            assertEquals(LEAK, e.requestGet("R1").details().description());
            assertEquals("王女士", e.requestGet("R1").details().reporter().name());

            // Typed calls: BMP and astral characters, quotes, backslashes and control characters.
            String tricky = "2号楼电梯厅 \"灯\" 不亮\\闪烁\n第二行\t𠀀🚰 é";
            NewRequest req = new NewRequest("维修-001", RequestKind.COMPLAINT, Priority.HIGH, Channel.APP,
                    Location.commonArea("2号楼电梯厅"), Reporter.tenant("李先生", "13900000000"), tricky);
            List<Event> ev = e.requestRegister(req, AGENT, mar2("09:00"));
            assertEquals(req, e.requestGet("维修-001").details());
            assertEquals(tricky, e.requestGet("维修-001").details().description());
            e.requestExecute("维修-001", Command.dispatch("engineering", "张师傅"), DISPATCHER, mar2("09:05"));
            e.requestExecute("维修-001", Command.accept(), Actor.worker("张师傅"), mar2("09:06"));
            e.requestExecute("维修-001", Command.hold(HoldReason.other("等待业主回家开门")), Actor.worker("张师傅"), mar2("09:06"))
                    .forEach(x -> assertEquals(Map.of("other", "等待业主回家开门"), x.change().get("reason")));
            assertEquals("张师傅", e.requestGet("维修-001").assignee());
            String json = e.callJson("{\"v\":1,\"op\":\"request.get\",\"args\":{\"id\":\"维修-001\"}}");
            assertTrue(json.contains("\"description\":\"2号楼电梯厅 \\\"灯\\\" 不亮\\\\闪烁\\n第二行\\t𠀀🚰 é\""), json);
            assertEquals(ev.get(0).toJson(), Event.parse(ev.get(0).toJson()).toJson());
        }
    }

    @Test
    void otherWorkflowSteps() {
        try (Engine e = Engine.standard()) {
            // Transfer, return, cancel.
            e.requestRegister(repair("X1"), AGENT, mar2("09:00"));
            e.requestExecute("X1", Command.dispatch("cleaning"), DISPATCHER, mar2("09:01"));
            e.requestExecute("X1", Command.transfer("engineering", "w1", "不是保洁的活"), DISPATCHER, mar2("09:02"));
            assertEquals(1, e.requestGet("X1").transferCount());
            e.requestExecute("X1", Command.returnToCentre("缺少工具"), W1, mar2("09:03"));
            assertEquals(Stage.REGISTERED, e.requestGet("X1").stage());
            e.requestExecute("X1", Command.cancel("业主自行解决"), Actor.reporter("owner-1"), mar2("09:04"));
            assertEquals(Stage.CANCELLED, e.requestGet("X1").stage());
            assertEquals(ClockState.VOIDED, e.slaStatus("X1", mar2("10:00")).clock(ClockKind.COMPLETE).state());

            // Close without work as a duplicate.
            e.requestRegister(repair("X2"), AGENT, mar2("09:00"));
            e.requestExecute("X2", Command.closeWithoutWork("重复报修", "X1"), AGENT, mar2("09:10"));
            assertEquals(Map.of("by", "without_work", "reason", "重复报修", "duplicate_of", "X1"), e.requestGet("X2").closure());

            // Unreachable callbacks, then close unreachable after the third.
            upToReply(e, "X3");
            for (int i = 0; i < 3; i++) {
                e.requestExecute("X3", Command.callbackUnreachable(), AGENT, mar2("11:1" + i));
            }
            assertEquals(3, e.requestGet("X3").callbackAttempts());
            e.requestExecute("X3", Command.closeUnreachable("三次联系不上"), AGENT, mar2("11:20"));
            assertEquals("unreachable", e.requestGet("X3").closure().get("by"));

            // An inquiry closes when replied.
            e.requestRegister(new NewRequest("Q1", RequestKind.INQUIRY, Priority.LOW, Channel.WALK_IN,
                    Location.commonArea("物业服务中心"), Reporter.anonymous(), "停车费怎么交？"), AGENT, mar2("09:00"));
            e.requestExecute("Q1", Command.reply("可在App缴纳"), AGENT, mar2("09:30"));
            assertEquals("reply", e.requestGet("Q1").closure().get("by"));
        }
    }
}
