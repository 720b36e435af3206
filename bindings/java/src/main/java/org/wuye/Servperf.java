package org.wuye;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A SERVPERF report 服务绩效, from {@link Engine#surveyServperf}: mean perceptions only, per item,
 * per dimension, overall and weighted. Figures are exact decimals with four places
 * ({@code 5.1333}); a figure over no answers is <b>null</b>.
 *
 * @param respondents number of responses
 * @param scale the answer scale
 * @param items per item, in item order
 * @param dimensions per dimension, tangibles … empathy
 * @param overall the mean of the five dimensions, or null
 * @param weighted the weighted perception, or null when there are no weights
 */
public record Servperf(long respondents, Scale scale, List<Item> items, List<Dimension> dimensions,
        BigDecimal overall, Weighted weighted) {
    /** Freezes the lists. */
    public Servperf {
        items = List.copyOf(items);
        dimensions = List.copyOf(dimensions);
    }

    /**
     * One item's mean perception over those who answered it.
     *
     * @param id the item id
     * @param dimension its dimension
     * @param answered how many answered it
     * @param perception the mean perception (reverse coding applied), or null
     */
    public record Item(String id, org.wuye.Dimension dimension, long answered, BigDecimal perception) {}

    /**
     * One dimension's mean perception: the mean of its items'.
     *
     * @param dimension the dimension
     * @param items how many items it has
     * @param perception the mean perception, or null
     */
    public record Dimension(org.wuye.Dimension dimension, long items, BigDecimal perception) {}

    /**
     * The weighted perception: Σ weight × dimension perception ÷ 100.
     *
     * @param source fixed weights or the respondents' own
     * @param respondents how many respondents gave weights (0 for fixed weights)
     * @param weights the weights used, to two places
     * @param perception the weighted perception, or null
     */
    public record Weighted(WeightSource source, long respondents, DimensionWeights weights, BigDecimal perception) {}

    static Servperf from(Map<String, Object> m) {
        List<Item> items = new ArrayList<>();
        for (Object o : Json.arr(m.get("items"), "items")) {
            Map<String, Object> i = Json.obj(o, "item");
            items.add(new Item(Json.str(i, "id"), org.wuye.Dimension.fromWire(Json.str(i, "dimension")),
                    Json.num(i, "answered"), Json.optDec(i, "perception")));
        }
        List<Dimension> dims = new ArrayList<>();
        for (Object o : Json.arr(m.get("dimensions"), "dimensions")) {
            Map<String, Object> d = Json.obj(o, "dimension");
            dims.add(new Dimension(org.wuye.Dimension.fromWire(Json.str(d, "dimension")), Json.num(d, "items"),
                    Json.optDec(d, "perception")));
        }
        Weighted weighted = null;
        if (m.get("weighted") != null) {
            Map<String, Object> w = Json.obj(m.get("weighted"), "weighted");
            weighted = new Weighted(WeightSource.fromWire(Json.str(w, "source")), Json.num(w, "respondents"),
                    DimensionWeights.from(w.get("weights")), Json.optDec(w, "perception"));
        }
        return new Servperf(Json.num(m, "respondents"), Scale.from(m.get("scale")), items, dims,
                Json.optDec(m, "overall"), weighted);
    }
}
