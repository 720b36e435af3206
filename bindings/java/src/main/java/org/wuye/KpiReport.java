package org.wuye;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Service KPIs 服务指标 for a period {@code [from, to)}, from {@link Engine#kpiReport}. Rates
 * are {@link Proportion}s (percent and interval <b>null</b> over nothing); durations are
 * business seconds on the engine's calendar, time on hold included, with nearest-rank median
 * and p90 (<b>null</b> without durations).
 *
 * @param from the period's start (included)
 * @param to the period's end (excluded)
 * @param requests requests registered, closed and cancelled in the period
 * @param accept time to accept 接单时长: per handling cycle, first dispatch → first acceptance
 * @param complete time to complete 完成时长: cycle start (registration or reopen) → completion
 * @param onTime 及时率 per SLA clock, in clock order: met ÷ (met + breached) among the clocks
 *     that ended in the period
 * @param reopened 重开率 over the requests closed in the period after a callback round
 * @param firstTimeRight 一次解决率 (never reopened, never returned 退单) over the same requests
 * @param coverage callback coverage 回访覆盖率
 * @param complaints complaints 投诉 registered, and per 100 households 百户投诉率
 */
public record KpiReport(OffsetDateTime from, OffsetDateTime to, Requests requests, Durations accept,
        Durations complete, List<OnTime> onTime, Proportion reopened, Proportion firstTimeRight, Coverage coverage,
        Complaints complaints) {
    /** Freezes {@code onTime}. */
    public KpiReport {
        onTime = List.copyOf(onTime);
    }

    /**
     * Request counts.
     *
     * @param registered registered in the period
     * @param closed closed in the period (any way)
     * @param closedAfterWork closed in the period after a callback round (satisfied or unreachable)
     * @param cancelled cancelled 撤销 in the period
     */
    public record Requests(long registered, long closed, long closedAfterWork, long cancelled) {}

    /**
     * Durations in business seconds.
     *
     * @param count how many
     * @param medianSeconds the nearest-rank median (the lower middle of an even count), or null
     * @param p90Seconds the nearest-rank 90th percentile, or null
     */
    public record Durations(long count, Long medianSeconds, Long p90Seconds) {
        static Durations from(Object json) {
            Map<String, Object> m = Json.obj(json, "durations");
            return new Durations(Json.num(m, "count"), Json.optNum(m, "median_seconds"), Json.optNum(m, "p90_seconds"));
        }
    }

    /**
     * On-time rate 及时率 of one SLA clock.
     *
     * @param clock the clock
     * @param met clocks that ended within target
     * @param breached clocks that ended past it
     * @param rate met ÷ (met + breached)
     */
    public record OnTime(ClockKind clock, long met, long breached, Proportion rate) {}

    /**
     * Complaints 投诉.
     *
     * @param count complaints registered in the period
     * @param households the households given, or null
     * @param per100Households count × 100 ÷ households to two places, or null without households
     */
    public record Complaints(long count, Long households, BigDecimal per100Households) {}

    /** The on-time figures of one clock. */
    public OnTime onTime(ClockKind clock) {
        for (OnTime o : onTime) {
            if (o.clock() == clock) {
                return o;
            }
        }
        throw new IllegalArgumentException("no on-time figures for " + clock);
    }

    static KpiReport from(Map<String, Object> m) {
        Map<String, Object> r = Json.obj(m.get("requests"), "requests");
        List<OnTime> onTime = new ArrayList<>();
        for (Object o : Json.arr(m.get("on_time"), "on_time")) {
            Map<String, Object> c = Json.obj(o, "on_time");
            onTime.add(new OnTime(ClockKind.fromWire(Json.str(c, "clock")), Json.num(c, "met"), Json.num(c, "breached"),
                    Proportion.from(c.get("rate"))));
        }
        Map<String, Object> c = Json.obj(m.get("complaints"), "complaints");
        return new KpiReport(Json.instant(m, "from"), Json.instant(m, "to"),
                new Requests(Json.num(r, "registered"), Json.num(r, "closed"), Json.num(r, "closed_after_work"),
                        Json.num(r, "cancelled")),
                Durations.from(m.get("accept")), Durations.from(m.get("complete")), onTime,
                Proportion.from(m.get("reopened")), Proportion.from(m.get("first_time_right")),
                Coverage.from(m.get("coverage")),
                new Complaints(Json.num(c, "count"), Json.optNum(c, "households"), Json.optDec(c, "per_100_households")));
    }
}
