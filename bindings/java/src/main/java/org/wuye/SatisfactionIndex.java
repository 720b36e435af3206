package org.wuye;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A 0–100 satisfaction index 满意度指数 in the manner of the ACSI, from
 * {@link Engine#surveyIndex}: each item's mean rescaled to 0–100 and the index
 * Σ weight × score ÷ 100, computed as one exact fraction (the item scores are not rounded
 * first). Exact decimals; a figure over no answers is <b>null</b>.
 *
 * @param scale the answer scale
 * @param respondents number of responses
 * @param items per item, in item order
 * @param index the index to two places ({@code 74.44}), or null when an item has no answer
 */
public record SatisfactionIndex(Scale scale, long respondents, List<Item> items, BigDecimal index) {
    /** Freezes {@code items}. */
    public SatisfactionIndex {
        items = List.copyOf(items);
    }

    /**
     * One item's figures.
     *
     * @param id the item
     * @param weight its weight, as given
     * @param answered how many answered it
     * @param mean the mean answer to four places, or null
     * @param score (mean − min) ÷ (max − min) × 100 to two places, or null
     */
    public record Item(String id, BigDecimal weight, long answered, BigDecimal mean, BigDecimal score) {}

    static SatisfactionIndex from(Map<String, Object> m) {
        List<Item> items = new ArrayList<>();
        for (Object o : Json.arr(m.get("items"), "items")) {
            Map<String, Object> i = Json.obj(o, "item");
            items.add(new Item(Json.str(i, "id"), Json.dec(i, "weight"), Json.num(i, "answered"),
                    Json.optDec(i, "mean"), Json.optDec(i, "score")));
        }
        return new SatisfactionIndex(Scale.from(m.get("scale")), Json.num(m, "respondents"), items,
                Json.optDec(m, "index"));
    }
}
