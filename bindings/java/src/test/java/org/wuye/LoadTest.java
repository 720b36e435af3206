package org.wuye;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class LoadTest {
    @Test
    void versionsAreCheckedAndReported() {
        assertEquals(1, Wuye.abiVersion());
        assertEquals(1, Wuye.contractVersion());
        assertTrue(Wuye.libraryPath().endsWith("libwuye.so"), Wuye.libraryPath());
        System.out.println("libwuye: " + Wuye.libraryPath() + "; default charset " + Charset.defaultCharset()
                + "; file.encoding " + System.getProperty("file.encoding"));
    }

    /**
     * scripts/test-java runs the suite a second time under LC_ALL=C and says so: there the
     * JVM's default charset must really be ASCII, or that run proves nothing.
     */
    @Test
    void theCLocaleRunReallyHasAnAsciiDefaultCharset() {
        if (Boolean.getBoolean("wuye.test.asciiLocale")) {
            assertTrue(!Charset.defaultCharset().name().toUpperCase(java.util.Locale.ROOT).contains("UTF"),
                    "default charset under LC_ALL=C: " + Charset.defaultCharset());
        }
    }

    @Test
    void statusEnumMatchesTheLibrary() {
        assertEquals(15, Status.values().length);
        for (Status s : Status.values()) {
            assertEquals(s.wireName(), Wuye.statusName(s.value()), s.name());
            assertEquals(s, Status.fromValue(s.value()));
        }
        assertEquals("unknown", Wuye.statusName(15));
        assertEquals("unknown", Wuye.statusName(-1));
    }

    @Test
    void wireNamesOfTheEnums() {
        assertEquals("in_progress", Stage.IN_PROGRESS.wireName());
        assertEquals(Stage.ON_HOLD, Stage.fromWire("on_hold"));
        assertEquals("project_manager", Role.PROJECT_MANAGER.wireName());
        assertEquals("front_desk", Channel.FRONT_DESK.wireName());
        assertEquals("not_started", ClockState.NOT_STARTED.wireName());
        assertEquals("around_the_clock", Timing.AROUND_THE_CLOCK.wireName());
        assertEquals("partner_unit", ReporterKind.PARTNER_UNIT.wireName());
        assertEquals(ClockKind.CALLBACK, ClockKind.fromWire("callback"));
        assertEquals(RequestKind.PRAISE, RequestKind.fromWire("praise"));
        assertEquals(Priority.EMERGENCY, Priority.fromWire("emergency"));
    }

    @Test
    void operationsOfTheContract() {
        // Every operation has a typed method on Engine, named as Operation#method() says
        // (OperationMethodsTest), and any of them is reachable through callJson / callBytes as well.
        try (Engine e = Engine.standard()) {
            EngineInfo info = e.engineInfo();
            assertEquals(1, info.contractVersion());
            assertEquals(0, info.requests());
            // Exactly the contract's operations, in order (the generated table).
            assertEquals(java.util.Arrays.stream(Operation.values()).map(Operation::wireName).toList(),
                    info.operations());
            assertTrue(info.libraryVersion().matches("\\d+\\.\\d+\\.\\d+.*"), info.libraryVersion());
        }
    }
}
