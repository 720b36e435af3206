package org.wuye;

import java.time.OffsetDateTime;

/** Shared test data. */
final class Fixtures {
    private Fixtures() {}

    static final String LEAK = "厨房水龙头漏水";

    /** An instant in China time on 2026-MM-DD. */
    static OffsetDateTime t(String iso) {
        return OffsetDateTime.parse(iso);
    }

    /** 2026-03-02 (a Monday) at HH:MM, +08:00. */
    static OffsetDateTime mar2(String hhmm) {
        return t("2026-03-02T" + hhmm + ":00+08:00");
    }

    static NewRequest repair(String id, Priority priority, String description) {
        return new NewRequest(id, RequestKind.REPAIR, priority, Channel.PHONE, Location.unit("3-1-502"),
                Reporter.owner("王女士", "13800000000"), description);
    }

    static NewRequest repair(String id) {
        return repair(id, Priority.NORMAL, LEAK);
    }
}
