package org.wuye;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One SLA clock as of an instant.
 *
 * @param clock which clock
 * @param timing how its time is counted
 * @param targetSeconds its target in seconds
 * @param state its state
 * @param startedAt when it started, or null
 * @param stoppedAt when it stopped (met, breached late, voided), or null
 * @param elapsedSeconds elapsed seconds (business or wall, per timing), excluding pauses
 * @param remainingSeconds seconds left before the deadline, or null when breached or voided
 * @param overdueSeconds seconds over target when breached, else null
 * @param deadline the instant the target is (or was) reached; null while paused or not started
 */
public record ClockStatus(ClockKind clock, Timing timing, long targetSeconds, ClockState state,
        OffsetDateTime startedAt, OffsetDateTime stoppedAt, long elapsedSeconds, Long remainingSeconds,
        Long overdueSeconds, OffsetDateTime deadline) {
    static ClockStatus from(Object json) {
        Map<String, Object> m = Json.obj(json, "clock");
        return new ClockStatus(ClockKind.fromWire(Json.str(m, "clock")), Timing.fromWire(Json.str(m, "timing")),
                Json.num(m, "target_seconds"), ClockState.fromWire(Json.str(m, "state")),
                Json.optInstant(m, "started_at"), Json.optInstant(m, "stopped_at"), Json.num(m, "elapsed_seconds"),
                Json.optNum(m, "remaining_seconds"), Json.optNum(m, "overdue_seconds"),
                Json.optInstant(m, "deadline"));
    }
}
