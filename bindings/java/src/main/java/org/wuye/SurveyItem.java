package org.wuye;

import java.util.Objects;

/**
 * One question 题项 of a SERVQUAL or SERVPERF questionnaire: its id, the dimension it
 * measures and whether it is reverse-coded 反向计分 (an answer {@code a} then reads as
 * {@code min + max − a}, e.g. "staff do not care" on 1–7: 2 reads as 6).
 *
 * <pre>{@code
 * SurveyItem.of("门岗形象", Dimension.TANGIBLES);
 * SurveyItem.reversed("漠不关心", Dimension.EMPATHY);
 * }</pre>
 *
 * @param id the item id (unique, not empty), e.g. {@code q1} or {@code 门岗形象}
 * @param dimension the dimension it counts towards
 * @param reverse whether the item is reverse-coded
 */
public record SurveyItem(String id, Dimension dimension, boolean reverse) implements Json.JsonWritable {
    /** Checks the components. */
    public SurveyItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dimension, "dimension");
    }

    /** An item scored as answered. */
    public static SurveyItem of(String id, Dimension dimension) {
        return new SurveyItem(id, dimension, false);
    }

    /** A reverse-coded item. */
    public static SurveyItem reversed(String id, Dimension dimension) {
        return new SurveyItem(id, dimension, true);
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"id\":");
        Json.quote(out, id);
        out.append(",\"dimension\":\"").append(dimension.wireName()).append('"');
        if (reverse) {
            out.append(",\"reverse\":true");
        }
        out.append('}');
    }
}
