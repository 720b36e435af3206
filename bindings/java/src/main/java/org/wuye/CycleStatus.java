package org.wuye;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The clocks of one SLA cycle (cycle 0 is the first handling; each reopen starts another).
 *
 * @param cycle the cycle number
 * @param startedAt when the cycle started (registration or reopen)
 * @param clocks its clocks, in policy order
 */
public record CycleStatus(int cycle, OffsetDateTime startedAt, List<ClockStatus> clocks) {
    /** Freezes {@code clocks}. */
    public CycleStatus {
        clocks = List.copyOf(clocks);
    }

    /** The clock of the given kind in this cycle, or null if the policy has none. */
    public ClockStatus clock(ClockKind kind) {
        for (ClockStatus c : clocks) {
            if (c.clock() == kind) {
                return c;
            }
        }
        return null;
    }

    static CycleStatus from(Object json) {
        Map<String, Object> m = Json.obj(json, "cycle");
        List<Object> arr = Json.arr(m.get("clocks"), "clocks");
        List<ClockStatus> clocks = new ArrayList<>(arr.size());
        for (Object o : arr) {
            clocks.add(ClockStatus.from(o));
        }
        return new CycleStatus((int) Json.num(m, "cycle"), Json.instant(m, "started_at"),
                Collections.unmodifiableList(clocks));
    }
}
