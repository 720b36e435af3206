package org.wuye;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A share 比例: {@code count} of {@code total} in percent with its 95% Wilson score interval
 * (z = 1.96), as {@link Engine#surveyProportion} and every rate of the satisfaction and KPI reports
 * (满意率, 回访覆盖率, 及时率, 重开率, 一次解决率) give it. 7 of 8 is {@code 87.50} in
 * {@code [52.91, 97.76]}.
 *
 * <p>Over nothing ({@code total == 0}) there is no figure: {@code percent} and
 * {@code interval} are <b>null</b> ("no data", never 0%). Figures are exact decimals with two
 * places, parsed from the library's strings; never {@code double}.
 *
 * @param count how many of the total
 * @param total how many in all
 * @param percent {@code 100 × count ÷ total} to two places, half up; null when {@code total} is 0
 * @param interval the 95% Wilson interval, bounds rounded outward; null when {@code total} is 0
 */
public record Proportion(long count, long total, BigDecimal percent, Interval interval) {
    /** Whether there is a figure ({@code total > 0}). */
    public boolean hasData() {
        return percent != null;
    }

    static Proportion from(Object json) {
        Map<String, Object> m = Json.obj(json, "proportion");
        return new Proportion(Json.num(m, "count"), Json.num(m, "total"), Json.optDec(m, "percent"),
                Interval.from(m.get("interval")));
    }
}
