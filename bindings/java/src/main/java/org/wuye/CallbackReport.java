package org.wuye;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 回访满意率 and callback coverage for a period {@code [from, to)}, from
 * {@link Engine#surveyCallbacks}: overall and per group of the breakdown.
 *
 * <p>An answer is a callback rating whose instant lies in the period; it is satisfied at or
 * above {@code threshold}. Rates are {@link Proportion}s: over no answers their percent and
 * interval are <b>null</b> ("no data", never 0%).
 *
 * @param from the period's start (included)
 * @param to the period's end (excluded)
 * @param by the breakdown
 * @param threshold the rating counted as satisfied (1–5)
 * @param overall the figures over everything
 * @param groups one per key of the breakdown, in key order (code point order for names);
 *     empty for {@link GroupBy#ALL}
 */
public record CallbackReport(OffsetDateTime from, OffsetDateTime to, GroupBy by, int threshold, Figures overall,
        List<Figures> groups) {
    /** Freezes {@code groups}. */
    public CallbackReport {
        groups = List.copyOf(groups);
    }

    /**
     * The figures of everything or of one group.
     *
     * @param key the group's key (a department code, a worker, a kind, a month
     *     {@code 2026-03}); null for the overall figures
     * @param satisfied answers at or above the threshold ÷ answers: 满意率
     * @param meanRating the mean rating to four places, or null without answers
     * @param unreachable callback attempts in the period that reached nobody 联系不上 (never answers)
     * @param coverage the callback rounds due in the period and what became of them
     */
    public record Figures(String key, Proportion satisfied, BigDecimal meanRating, long unreachable,
            Coverage coverage) {
        static Figures from(Object json) {
            Map<String, Object> m = Json.obj(json, "figures");
            return new Figures(Json.optStr(m, "key"), Proportion.from(m.get("satisfied")),
                    Json.optDec(m, "mean_rating"), Json.num(m, "unreachable"), Coverage.from(m.get("coverage")));
        }
    }

    /** The group with this key, or null when there is none. */
    public Figures group(String key) {
        for (Figures g : groups) {
            if (key.equals(g.key())) {
                return g;
            }
        }
        return null;
    }

    static CallbackReport from(Map<String, Object> m) {
        List<Figures> groups = new ArrayList<>();
        for (Object o : Json.arr(m.get("groups"), "groups")) {
            groups.add(Figures.from(o));
        }
        return new CallbackReport(Json.instant(m, "from"), Json.instant(m, "to"), GroupBy.fromWire(Json.str(m, "by")),
                Math.toIntExact(Json.num(m, "threshold")), Figures.from(m.get("overall")), groups);
    }
}
