package org.wuye;

import java.util.List;

/** The conveniences of {@link SlaStatus}, over its components (the record is generated). */
interface SlaStatusQueries {
    /** Every cycle that has clocks, oldest first. */
    List<CycleStatus> cycles();

    /** The latest cycle (the current handling). */
    default CycleStatus current() {
        List<CycleStatus> cycles = cycles();
        return cycles.get(cycles.size() - 1);
    }

    /** The clock of the given kind in the latest cycle, or null if the policy has none. */
    default ClockStatus clock(ClockKind kind) {
        return current().clock(kind);
    }

    /** Whether any clock of any cycle is breached. */
    default boolean breached() {
        for (CycleStatus c : cycles()) {
            for (ClockStatus k : c.clocks()) {
                if (k.state() == ClockState.BREACHED) {
                    return true;
                }
            }
        }
        return false;
    }
}
