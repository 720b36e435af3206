package org.wuye;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A SERVQUAL report 服务质量差距分析, from {@link Engine#surveyServqual}: mean expectation 期望, mean
 * perception 感知 and the gap P − E per item, per dimension and overall, and the weighted gap.
 *
 * <p>Figures are exact decimals on the answer scale with four places ({@code -0.7667}),
 * parsed from the library's strings; never {@code double}. A figure over no answers is
 * <b>null</b> ("no data"): an item nobody answered, and then its dimension, the overall and
 * the weighted gap.
 *
 * @param respondents number of responses
 * @param scale the answer scale
 * @param items per item, in item order
 * @param dimensions per dimension, in the order tangibles … empathy
 * @param overall the mean of the five dimensions
 * @param weighted the weighted gap, or null when there are neither fixed nor respondents' weights
 */
public record Servqual(long respondents, Scale scale, List<Item> items, List<Dimension> dimensions, Gap overall,
        Weighted weighted) {
    /** Freezes the lists. */
    public Servqual {
        items = List.copyOf(items);
        dimensions = List.copyOf(dimensions);
    }

    /**
     * One item's figures over the respondents who answered both its expectation and its
     * perception.
     *
     * @param id the item id
     * @param dimension its dimension
     * @param answered how many answered both
     * @param expectation mean expectation (reverse coding applied), or null
     * @param perception mean perception, or null
     * @param gap perception − expectation, or null
     */
    public record Item(String id, org.wuye.Dimension dimension, long answered, BigDecimal expectation,
            BigDecimal perception, BigDecimal gap) {}

    /**
     * One dimension's figures: the means of its items' figures.
     *
     * @param dimension the dimension
     * @param items how many items it has
     * @param expectation mean expectation, or null
     * @param perception mean perception, or null
     * @param gap perception − expectation, or null
     */
    public record Dimension(org.wuye.Dimension dimension, long items, BigDecimal expectation, BigDecimal perception,
            BigDecimal gap) {}

    /**
     * Overall figures: the means of the five dimensions'.
     *
     * @param expectation mean expectation, or null
     * @param perception mean perception, or null
     * @param gap perception − expectation, or null
     */
    public record Gap(BigDecimal expectation, BigDecimal perception, BigDecimal gap) {}

    /**
     * The weighted gap: Σ weight × dimension gap ÷ 100.
     *
     * @param source fixed weights or the respondents' own
     * @param respondents how many respondents gave weights (0 for fixed weights)
     * @param weights the weights used, to two places
     * @param gap the weighted gap, or null
     */
    public record Weighted(WeightSource source, long respondents, DimensionWeights weights, BigDecimal gap) {}

    /** The figures of one dimension. */
    public Dimension dimension(org.wuye.Dimension d) {
        for (Dimension x : dimensions) {
            if (x.dimension() == d) {
                return x;
            }
        }
        throw new IllegalArgumentException("no dimension " + d);
    }

    static Servqual from(Map<String, Object> m) {
        List<Item> items = new ArrayList<>();
        for (Object o : Json.arr(m.get("items"), "items")) {
            Map<String, Object> i = Json.obj(o, "item");
            items.add(new Item(Json.str(i, "id"), org.wuye.Dimension.fromWire(Json.str(i, "dimension")),
                    Json.num(i, "answered"), Json.optDec(i, "expectation"), Json.optDec(i, "perception"),
                    Json.optDec(i, "gap")));
        }
        List<Dimension> dims = new ArrayList<>();
        for (Object o : Json.arr(m.get("dimensions"), "dimensions")) {
            Map<String, Object> d = Json.obj(o, "dimension");
            dims.add(new Dimension(org.wuye.Dimension.fromWire(Json.str(d, "dimension")), Json.num(d, "items"),
                    Json.optDec(d, "expectation"), Json.optDec(d, "perception"), Json.optDec(d, "gap")));
        }
        Map<String, Object> o = Json.obj(m.get("overall"), "overall");
        Gap overall = new Gap(Json.optDec(o, "expectation"), Json.optDec(o, "perception"), Json.optDec(o, "gap"));
        Weighted weighted = null;
        if (m.get("weighted") != null) {
            Map<String, Object> w = Json.obj(m.get("weighted"), "weighted");
            weighted = new Weighted(WeightSource.fromWire(Json.str(w, "source")), Json.num(w, "respondents"),
                    DimensionWeights.from(w.get("weights")), Json.optDec(w, "gap"));
        }
        return new Servqual(Json.num(m, "respondents"), Scale.from(m.get("scale")), items, dims, overall, weighted);
    }
}
