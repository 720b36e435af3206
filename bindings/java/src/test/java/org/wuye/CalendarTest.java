package org.wuye;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wuye.Fixtures.t;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The China calendar of the standard engine: the State Council notice for 2026. */
class CalendarTest {
    static Engine engine;

    @BeforeAll
    static void open() {
        engine = Engine.standard();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void workingDays() {
        assertTrue(engine.calendarIsWorkingDay(LocalDate.of(2026, 10, 10)), "调休 make-up Saturday");
        assertFalse(engine.calendarIsWorkingDay(LocalDate.of(2026, 10, 1)), "National Day");
        assertFalse(engine.calendarIsWorkingDay(LocalDate.of(2026, 10, 7)));
        assertTrue(engine.calendarIsWorkingDay(LocalDate.of(2026, 10, 8)));
        assertFalse(engine.calendarIsWorkingDay(LocalDate.of(2026, 10, 11)), "Sunday");
        // Oct 2026: 22 weekdays − 5 holiday weekdays (1, 2, 5, 6, 7) + make-up Saturday 10 = 18.
        assertEquals(18, engine.calendarWorkingDays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
    }

    @Test
    void businessTimeArithmetic() {
        // Sep 30 17:00 + 1 h: 30 min to 17:30, then the holiday, then 30 min on Oct 8.
        assertEquals(t("2026-10-08T09:00:00+08:00"), engine.calendarAdd(t("2026-09-30T17:00:00+08:00"), 3600));
        // 16 business hours: 1.5 h (Sep 30) + 7.5 h (Oct 8) + 7 h (Oct 9 to 17:00).
        assertEquals(16 * 3600L,
                engine.calendarBetween(t("2026-09-30T16:00:00+08:00"), t("2026-10-09T17:00:00+08:00")));
        assertEquals(t("2026-10-09T17:00:00+08:00"), engine.calendarAdd(t("2026-09-30T16:00:00+08:00"), 57600));
        assertEquals(t("2026-10-08T08:30:00+08:00"), engine.calendarNextWorkingInstant(t("2026-10-01T10:00:00+08:00")));
        assertEquals(t("2026-10-09T13:30:00+08:00"), engine.calendarNextWorkingInstant(t("2026-10-09T12:15:00+08:00")));
        // An instant in another offset is the same instant: 08:00Z = 16:00 in Beijing.
        assertEquals(16 * 3600L,
                engine.calendarBetween(t("2026-09-30T08:00:00Z"), t("2026-10-09T17:00:00+08:00")));
    }

    @Test
    void instantsKeepTheLibrarysOffsetAndWholeSeconds() {
        // Answers come in the calendar's offset, formatted as the library writes them.
        String r = engine.callJson("{\"v\":1,\"op\":\"calendar.add\",\"args\":{\"start\":\"2026-09-30T09:00:00Z\",\"seconds\":60}}");
        assertEquals("{\"v\":1,\"ok\":true,\"result\":{\"instant\":\"2026-09-30T17:01:00+08:00\"}}", r);
        assertEquals("+08:00", engine.calendarAdd(t("2026-09-30T09:00:00Z"), 60).getOffset().getId());
        assertThrows(IllegalArgumentException.class,
                () -> engine.calendarAdd(t("2026-09-30T09:00:00.5+08:00"), 60));
    }

    @Test
    void aYearWithoutDataIsAnErrorNotAGuess() {
        CalendarException e = assertThrows(CalendarException.class,
                () -> engine.calendarIsWorkingDay(LocalDate.of(2027, 1, 4)));
        assertEquals(Status.CALENDAR, e.status());
        assertEquals("year_not_covered", e.code());
        assertTrue(e.getMessage().contains("2027"), e.getMessage());
        assertThrows(CalendarException.class,
                () -> engine.calendarWorkingDays(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 31)));
        CalendarException zero = assertThrows(CalendarException.class,
                () -> engine.calendarAdd(t("2026-03-02T09:00:00+08:00"), 0));
        assertEquals("invalid_duration", zero.code());
        CalendarException reversed = assertThrows(CalendarException.class,
                () -> engine.calendarBetween(t("2026-03-03T09:00:00+08:00"), t("2026-03-02T09:00:00+08:00")));
        assertEquals("reversed_range", reversed.code());
    }

    @Test
    void callOnceNeedsNoEngine() {
        assertEquals("{\"v\":1,\"ok\":true,\"result\":{\"days\":18}}", Wuye.callOnce("{\"v\":1}",
                "{\"v\":1,\"op\":\"calendar.working_days\",\"args\":{\"from\":\"2026-10-01\",\"to\":\"2026-10-31\"}}"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Wuye.callOnce(
                "{\"v\":1,\"config\":{\"satisfied_threshold\":9}}", "{\"v\":1,\"op\":\"engine.info\"}"));
        assertEquals("invalid_config", e.code());
    }
}
