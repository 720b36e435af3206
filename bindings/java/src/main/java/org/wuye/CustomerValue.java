package org.wuye;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Customer value 顾客价值 and potential profit 公司潜在利润 per service line, from
 * {@link Engine#surveyValue}. Exact decimal sums, nothing rounded (a figure keeps the places
 * of its inputs: {@code 92.5}, {@code 75.00}); results may be negative.
 *
 * @param lines per line, in input order
 * @param total the sums over all lines, or null when there are no lines
 */
public record CustomerValue(List<Line> lines, Totals total) {
    /** Freezes {@code lines}. */
    public CustomerValue {
        lines = List.copyOf(lines);
    }

    /**
     * One line's figures.
     *
     * @param line the service line
     * @param grossValue utility + process quality: what the service is worth to the customer
     * @param customerValue gross value − (price + access cost)
     * @param potentialProfit gross value − provision cost
     * @param text the two formulas with the figures, for reading out
     */
    public record Line(String line, BigDecimal grossValue, BigDecimal customerValue, BigDecimal potentialProfit,
            List<String> text) {
        /** Freezes {@code text}. */
        public Line {
            text = List.copyOf(text);
        }
    }

    /**
     * The sums over all lines 合计.
     *
     * @param grossValue Σ gross value
     * @param customerValue Σ customer value
     * @param potentialProfit Σ potential profit
     */
    public record Totals(BigDecimal grossValue, BigDecimal customerValue, BigDecimal potentialProfit) {}

    static CustomerValue from(Map<String, Object> m) {
        List<Line> lines = new ArrayList<>();
        for (Object o : Json.arr(m.get("lines"), "lines")) {
            Map<String, Object> l = Json.obj(o, "line");
            lines.add(new Line(Json.str(l, "line"), Json.dec(l, "gross_value"), Json.dec(l, "customer_value"),
                    Json.dec(l, "potential_profit"), Bill.strings(l.get("text"))));
        }
        Totals total = null;
        if (m.get("total") != null) {
            Map<String, Object> t = Json.obj(m.get("total"), "total");
            total = new Totals(Json.dec(t, "gross_value"), Json.dec(t, "customer_value"),
                    Json.dec(t, "potential_profit"));
        }
        return new CustomerValue(lines, total);
    }
}
