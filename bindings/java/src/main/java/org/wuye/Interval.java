package org.wuye;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A 95% confidence interval 置信区间 in percent (or NPS points), its bounds rounded outward to
 * two places so that the printed interval always contains the exact one:
 * {@code [52.91, 97.76]}. Exact decimals, never {@code double}.
 *
 * @param low the lower bound, e.g. {@code 52.91}
 * @param high the upper bound, e.g. {@code 97.76}
 */
public record Interval(BigDecimal low, BigDecimal high) {
    /** The interval of a parsed response, or null for JSON null ("no data"). */
    static Interval from(Object json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> m = Json.obj(json, "interval");
        return new Interval(Json.dec(m, "low"), Json.dec(m, "high"));
    }
}
