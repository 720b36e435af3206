package org.wuye;

import java.util.List;

/** The conveniences of {@link CycleStatus}, over its components (the record is generated). */
interface CycleStatusQueries {
    /** The cycle's clocks, in policy order. */
    List<ClockStatus> clocks();

    /** The clock of the given kind in this cycle, or null if the policy has none. */
    default ClockStatus clock(ClockKind kind) {
        for (ClockStatus c : clocks()) {
            if (c.clock() == kind) {
                return c;
            }
        }
        return null;
    }
}
