package org.wuye;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One question of a satisfaction index 满意度指数 ({@link Engine#surveyIndex}) with its
 * weight in points out of 100 (the weights of an index sum to exactly 100).
 *
 * @param id the question, e.g. {@code 总体满意 overall}
 * @param weight its weight, e.g. {@code 40}; an exact decimal, never {@code double}
 */
public record IndexItem(String id, BigDecimal weight) implements Json.JsonWritable {
    /** Checks the components. */
    public IndexItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(weight, "weight");
    }

    /** An item with its weight as a decimal string ({@code "40"}, {@code "12.5"}). */
    public static IndexItem of(String id, String weight) {
        return new IndexItem(id, new BigDecimal(weight));
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"id\":");
        Json.quote(out, id);
        out.append(",\"weight\":");
        Json.decimal(out, weight);
        out.append('}');
    }
}
