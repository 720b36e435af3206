package org.wuye;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A CSAT figure 顾客满意度, from {@link Engine#surveyCsat}: the share of answers in the top boxes of
 * the scale with its Wilson interval, the mean answer and how often each point was given.
 * Without answers {@code mean} and the share's percent and interval are <b>null</b>.
 *
 * @param scale the answer scale
 * @param topBoxes how many top points count as satisfied (2: 4 and 5 on 1–5)
 * @param answers number of answers
 * @param distribution the count of each point, from {@code scale.min()} to {@code scale.max()}
 * @param mean the mean answer to four places ({@code 3.6000}), or null without answers
 * @param csat the share of answers in the top boxes
 */
public record Csat(Scale scale, int topBoxes, long answers, List<Long> distribution, BigDecimal mean,
        Proportion csat) {
    /** Freezes {@code distribution}. */
    public Csat {
        distribution = List.copyOf(distribution);
    }

    static Csat from(Map<String, Object> m) {
        return new Csat(Scale.from(m.get("scale")), Math.toIntExact(Json.num(m, "top_boxes")), Json.num(m, "answers"),
                longs(m.get("distribution")), Json.optDec(m, "mean"), Proportion.from(m.get("csat")));
    }

    static List<Long> longs(Object json) {
        List<Object> arr = Json.arr(json, "distribution");
        Long[] out = new Long[arr.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = arr.get(i);
            if (!(v instanceof Long)) {
                throw new IllegalStateException("expected an integer in the distribution, got " + v);
            }
            out[i] = (Long) v;
        }
        return List.of(out);
    }
}
