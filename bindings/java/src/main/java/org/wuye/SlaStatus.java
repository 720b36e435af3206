package org.wuye;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every SLA clock of a request as of an instant ({@link Engine#slaStatus}).
 *
 * @param request the request id
 * @param asOf the instant of the report
 * @param cycles one entry per SLA cycle, oldest first
 */
public record SlaStatus(String request, OffsetDateTime asOf, List<CycleStatus> cycles) {
    /** Freezes {@code cycles}. */
    public SlaStatus {
        cycles = List.copyOf(cycles);
    }

    /** The latest cycle (the current handling). */
    public CycleStatus current() {
        return cycles.get(cycles.size() - 1);
    }

    /** The clock of the given kind in the latest cycle, or null if the policy has none. */
    public ClockStatus clock(ClockKind kind) {
        return current().clock(kind);
    }

    /** Whether any clock of any cycle is breached. */
    public boolean breached() {
        for (CycleStatus c : cycles) {
            for (ClockStatus k : c.clocks()) {
                if (k.state() == ClockState.BREACHED) {
                    return true;
                }
            }
        }
        return false;
    }

    static SlaStatus from(Object json) {
        Map<String, Object> m = Json.obj(json, "sla status");
        List<Object> arr = Json.arr(m.get("cycles"), "cycles");
        List<CycleStatus> cycles = new ArrayList<>(arr.size());
        for (Object o : arr) {
            cycles.add(CycleStatus.from(o));
        }
        return new SlaStatus(Json.str(m, "request"), Json.instant(m, "as_of"), cycles);
    }
}
