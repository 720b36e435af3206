package org.wuye;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wuye.Fixtures.mar2;
import static org.wuye.Fixtures.repair;
import static org.wuye.Fixtures.t;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every error kind reachable from Java, with its status, code and exception class. */
class ErrorsTest {
    static final Actor AGENT = Actor.agent("kf01");
    static final Actor W1 = Actor.worker("w1");

    Engine e;

    @BeforeEach
    void open() {
        e = Engine.standard();
        e.requestRegister(repair("R1"), AGENT, mar2("09:00"));
        e.requestExecute("R1", Command.dispatch("engineering", "w1"), Actor.dispatcher("dd01"), mar2("09:05"));
    }

    @AfterEach
    void close() {
        e.close();
    }

    /** Asserts the call throws {@code type} with the status and code, and the raw failure response. */
    static <T extends WuyeException> T fails(Class<T> type, Status status, String code, Executable call) {
        T x = assertThrows(type, call);
        assertEquals(status, x.status());
        assertEquals(code, x.code(), x.getMessage());
        assertTrue(x.getMessage() != null && !x.getMessage().isEmpty());
        String prefix = "{\"v\":1,\"ok\":false,\"error\":{\"status\":" + status.value() + ",\"code\":\"" + code
                + "\",\"message\":";
        assertTrue(x.response() == null || x.response().startsWith(prefix), x.response());
        return x;
    }

    String call(String json) {
        return e.callJson(json);
    }

    @Test
    void malformedJson() {
        fails(MalformedJsonException.class, Status.MALFORMED_JSON, "malformed_json",
                () -> call("{\"v\":1,\"op\":\"engine.info\""));
        fails(MalformedJsonException.class, Status.MALFORMED_JSON, "malformed_json", () -> call(""));
        fails(MalformedJsonException.class, Status.MALFORMED_JSON, "malformed_json", () -> Engine.create("{"));
    }

    @Test
    void invalidUtf8() {
        fails(InvalidUtf8Exception.class, Status.INVALID_UTF8, "invalid_utf8",
                () -> e.callBytes(new byte[] {(byte) 0xff, (byte) 0xfe}));
        // A truncated multi-byte character inside an otherwise valid request.
        byte[] good = "{\"v\":1,\"op\":\"request.get\",\"args\":{\"id\":\"漏\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(good, good.length);
        int at = new String(good, StandardCharsets.ISO_8859_1).indexOf("\"}}") - 1;
        bad[at] = (byte) 0x20; // breaks the third byte of 漏
        fails(InvalidUtf8Exception.class, Status.INVALID_UTF8, "invalid_utf8", () -> e.callBytes(bad));
        fails(InvalidUtf8Exception.class, Status.INVALID_UTF8, "invalid_utf8",
                () -> Engine.create(new byte[] {'{', (byte) 0xc3, '}'}));
    }

    @Test
    void unsupportedVersion() {
        fails(UnsupportedVersionException.class, Status.UNSUPPORTED_VERSION, "unsupported_version",
                () -> call("{\"v\":2,\"op\":\"engine.info\"}"));
        fails(UnsupportedVersionException.class, Status.UNSUPPORTED_VERSION, "unsupported_version",
                () -> Engine.create("{\"v\":0}"));
    }

    @Test
    void unknownOperation() {
        UnknownOperationException x = fails(UnknownOperationException.class, Status.UNKNOWN_OPERATION,
                "unknown_operation", () -> call("{\"v\":1,\"op\":\"engine.explode\"}"));
        assertTrue(x.getMessage().contains("sla.status_from_events"), x.getMessage());
    }

    @Test
    void invalidRequests() {
        fails(InvalidRequestException.class, Status.INVALID_REQUEST, "unknown_field",
                () -> call("{\"v\":1,\"op\":\"calendar.is_working_day\",\"args\":{\"date\":\"2026-10-10\",\"x\":1}}"));
        fails(InvalidRequestException.class, Status.INVALID_REQUEST, "unknown_field",
                () -> call("{\"v\":1,\"op\":\"engine.info\",\"extra\":true}"));
        fails(InvalidRequestException.class, Status.INVALID_REQUEST, "missing_field",
                () -> call("{\"v\":1,\"op\":\"calendar.is_working_day\",\"args\":{}}"));
        fails(InvalidRequestException.class, Status.INVALID_REQUEST, "wrong_type",
                () -> call("{\"v\":1,\"op\":\"calendar.working_days\",\"args\":{\"from\":20261001,\"to\":\"2026-10-31\"}}"));
        fails(InvalidRequestException.class, Status.INVALID_REQUEST, "invalid_value",
                () -> call("{\"v\":1,\"op\":\"calendar.is_working_day\",\"args\":{\"date\":\"2026-02-30\"}}"));
        fails(InvalidRequestException.class, Status.INVALID_REQUEST, "invalid_value",
                () -> call("{\"v\":1,\"op\":\"request.execute\",\"args\":{\"id\":\"R1\",\"command\":{\"step\":\"fly\"},"
                        + "\"actor\":{\"role\":\"worker\",\"id\":\"w1\"},\"now\":\"2026-03-02T10:00:00+08:00\"}}"));
        // A rating that does not fit u8 is a wrong value on the wire, not a domain refusal.
        fails(InvalidRequestException.class, Status.INVALID_REQUEST, "invalid_value",
                () -> e.requestExecute("R1", Command.callbackRated(300), AGENT, mar2("10:00")));
    }

    @Test
    void refusedByRoleStageTimeOrderAndField() {
        String before = e.engineExport();
        fails(RefusedException.class, Status.REFUSED, "role_not_allowed",
                () -> e.requestExecute("R1", Command.accept(), AGENT, mar2("09:10")));
        fails(RefusedException.class, Status.REFUSED, "illegal_step",
                () -> e.requestExecute("R1", Command.complete(), W1, mar2("09:10")));
        RefusedException order = fails(RefusedException.class, Status.REFUSED, "out_of_order",
                () -> e.requestExecute("R1", Command.accept(), W1, mar2("09:04")));
        assertTrue(order.getMessage().contains("2026-03-02T09:05:00+08:00"), order.getMessage());
        fails(RefusedException.class, Status.REFUSED, "not_assignee",
                () -> e.requestExecute("R1", Command.accept(), Actor.worker("w2"), mar2("09:10")));
        fails(RefusedException.class, Status.REFUSED, "unknown_department",
                () -> e.requestExecute("R1", Command.transfer("kitchen", null, "wrong"), Actor.supervisor("s1"), mar2("09:10")));
        fails(RefusedException.class, Status.REFUSED, "invalid_field",
                () -> e.requestRegister(new NewRequest("R9", RequestKind.REPAIR, Priority.NORMAL, Channel.PHONE,
                        Location.unit("1-1-101"), new Reporter(ReporterKind.ANONYMOUS, "名字", null), "漏水"), AGENT,
                        mar2("09:00")));
        fails(RefusedException.class, Status.REFUSED, "as_of_before_last_event",
                () -> e.slaStatus("R1", mar2("09:04")));
        // A refusal changes nothing.
        assertEquals(before, e.engineExport());

        // Ratings outside 1–5 and closing unreachable too early.
        LifecycleTest.upToReply(e, "R2");
        fails(RefusedException.class, Status.REFUSED, "invalid_field",
                () -> e.requestExecute("R2", Command.callbackRated(6), AGENT, mar2("11:30")));
        fails(RefusedException.class, Status.REFUSED, "invalid_field",
                () -> e.requestExecute("R2", Command.callbackRated(5, null, new Aspects(0, null, null)), AGENT, mar2("11:30")));
        fails(RefusedException.class, Status.REFUSED, "callback_attempts_remaining",
                () -> e.requestExecute("R2", Command.closeUnreachable("打不通"), AGENT, mar2("11:30")));
    }

    @Test
    void notFoundAndConflict() {
        fails(NotFoundException.class, Status.NOT_FOUND, "unknown_request", () -> e.requestGet("nope"));
        fails(NotFoundException.class, Status.NOT_FOUND, "unknown_request",
                () -> e.requestExecute("nope", Command.accept(), W1, mar2("09:10")));
        fails(NotFoundException.class, Status.NOT_FOUND, "unknown_request", () -> e.slaStatus("nope", mar2("09:10")));
        fails(ConflictException.class, Status.CONFLICT, "duplicate_request",
                () -> e.requestRegister(repair("R1"), AGENT, mar2("09:30")));
    }

    @Test
    void calendar() {
        fails(CalendarException.class, Status.CALENDAR, "year_not_covered",
                () -> e.calendarIsWorkingDay(java.time.LocalDate.of(2027, 1, 4)));
        // A request registered in 2027 is kept, but its SLA clocks cannot be computed.
        e.requestRegister(repair("R2027"), AGENT, t("2027-01-04T09:00:00+08:00"));
        fails(CalendarException.class, Status.CALENDAR, "year_not_covered",
                () -> e.slaStatus("R2027", t("2027-01-04T10:00:00+08:00")));
        fails(CalendarException.class, Status.CALENDAR, "invalid_duration",
                () -> e.calendarAdd(mar2("09:00"), -1));
    }

    @Test
    void invalidConfig() {
        fails(InvalidConfigException.class, Status.INVALID_CONFIG, "invalid_config",
                () -> Engine.create("{\"v\":1,\"config\":{\"satisfied_threshold\":9}}"));
        fails(InvalidConfigException.class, Status.INVALID_CONFIG, "invalid_config",
                () -> Engine.create("{\"v\":1,\"config\":{\"departments\":[{\"code\":\"a\",\"name\":\"甲\"},"
                        + "{\"code\":\"a\",\"name\":\"乙\"}]}}"));
        fails(InvalidConfigException.class, Status.INVALID_CONFIG, "invalid_policy",
                () -> Engine.create("{\"v\":1,\"policy\":{\"rules\":[{\"kinds\":[\"repair\"],\"priorities\":[\"low\"],"
                        + "\"targets\":[{\"clock\":\"dispatch\",\"seconds\":0,\"timing\":\"business\"}]}]}}"));
        String state = e.engineExport();
        fails(InvalidConfigException.class, Status.INVALID_CONFIG, "invalid_config",
                () -> Engine.create("{\"v\":1,\"config\":{},\"state\":" + state + "}"));
        fails(InvalidRequestException.class, Status.INVALID_REQUEST, "unknown_field",
                () -> Engine.create("{\"v\":1,\"colour\":\"red\"}"));
        // A configured engine works: a custom department and threshold.
        try (Engine custom = Engine.create("{\"v\":1,\"config\":{\"departments\":[{\"code\":\"plumbing\","
                + "\"name\":\"水电组\"}],\"satisfied_threshold\":3}}")) {
            custom.requestRegister(repair("C1"), AGENT, mar2("09:00"));
            custom.requestExecute("C1", Command.dispatch("plumbing"), Actor.dispatcher("d"), mar2("09:01"));
            fails(RefusedException.class, Status.REFUSED, "unknown_department",
                    () -> e.requestExecute("R1", Command.transfer("plumbing", null, "换组"), Actor.supervisor("s"), mar2("09:10")));
        }
    }

    @Test
    void invalidEvents() {
        Event alien = new Event(9, "R", mar2("09:00"), AGENT, Map.of("type", "arrived"));
        fails(InvalidEventException.class, Status.INVALID_EVENT, "unsupported_schema", () -> e.logReplay(List.of(alien)));
        // An event for a request the log never registered is an entry that does not apply.
        Event orphan = new Event(1, "R-none", mar2("09:00"), W1, Map.of("type", "arrived"));
        fails(InvalidEventException.class, Status.INVALID_EVENT, "unknown_request", () -> e.logReplay(List.of(orphan)));
        fails(InvalidEventException.class, Status.INVALID_EVENT, "bad_events",
                () -> e.slaStatusFromEvents(List.of(), mar2("09:00")));
        // Replay is all or nothing: a good event followed by a bad one applies neither.
        String before = e.engineExport();
        List<Event> good = e.requestRegister(repair("R7"), AGENT, mar2("09:00"));
        // Arrived on a request that is only registered: the event does not fit its stage.
        Event early = new Event(1, "R7", mar2("09:01"), W1, Map.of("type", "arrived"));
        try (Engine other = Engine.standard()) {
            String empty = other.engineExport();
            InvalidEventException x = fails(InvalidEventException.class, Status.INVALID_EVENT, "event_mismatch",
                    () -> other.logReplay(List.of(good.get(0), early)));
            assertTrue(x.getMessage().startsWith("event 1:"), x.getMessage());
            assertEquals(empty, other.engineExport());
        }
        assertTrue(!before.equals(e.engineExport()));
        // Registering an id the engine already holds: the log entry does not apply.
        fails(InvalidEventException.class, Status.INVALID_EVENT, "duplicate_request", () -> e.logReplay(good));
    }

    @Test
    void invalidHandleAfterClose() {
        Engine closed = Engine.standard();
        closed.close();
        closed.close(); // idempotent
        assertTrue(closed.isClosed());
        fails(InvalidHandleException.class, Status.INVALID_HANDLE, "engine_closed", closed::engineInfo);
        fails(InvalidHandleException.class, Status.INVALID_HANDLE, "engine_closed",
                () -> closed.callJson("{\"v\":1,\"op\":\"engine.info\"}"));
        fails(InvalidHandleException.class, Status.INVALID_HANDLE, "engine_closed",
                () -> closed.callBytes(new byte[] {(byte) 0xff}));
        fails(InvalidHandleException.class, Status.INVALID_HANDLE, "engine_closed",
                () -> closed.slaStatus("R1", mar2("09:00")));
        fails(InvalidHandleException.class, Status.INVALID_HANDLE, "engine_closed", closed::engineExport);
    }

    @Test
    void everyStatusHasItsExceptionClass() {
        Map<Status, Class<? extends WuyeException>> classes = Map.ofEntries(
                Map.entry(Status.NULL_ARGUMENT, NullArgumentException.class),
                Map.entry(Status.INVALID_UTF8, InvalidUtf8Exception.class),
                Map.entry(Status.MALFORMED_JSON, MalformedJsonException.class),
                Map.entry(Status.UNSUPPORTED_VERSION, UnsupportedVersionException.class),
                Map.entry(Status.UNKNOWN_OPERATION, UnknownOperationException.class),
                Map.entry(Status.INVALID_REQUEST, InvalidRequestException.class),
                Map.entry(Status.REFUSED, RefusedException.class),
                Map.entry(Status.NOT_FOUND, NotFoundException.class),
                Map.entry(Status.CONFLICT, ConflictException.class),
                Map.entry(Status.CALENDAR, CalendarException.class),
                Map.entry(Status.INVALID_CONFIG, InvalidConfigException.class),
                Map.entry(Status.INVALID_EVENT, InvalidEventException.class),
                Map.entry(Status.INVALID_HANDLE, InvalidHandleException.class),
                Map.entry(Status.PANIC, PanicException.class));
        assertEquals(14, classes.size());
        for (Map.Entry<Status, Class<? extends WuyeException>> c : classes.entrySet()) {
            WuyeException x = WuyeException.of(c.getKey(), "c", "m", null);
            assertInstanceOf(c.getValue(), x);
            assertEquals(c.getKey(), x.status());
        }
        assertThrows(IllegalArgumentException.class, () -> WuyeException.of(Status.OK, "c", "m", null));
    }
}
