package org.wuye;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A unit's bill 账单 for a period, from {@link Engine#feeBill}: its lines, each with amount, due
 * date and trace 计算过程, and a total equal to the sum of the lines.
 *
 * @param unit unit id
 * @param period the period billed: {@code 2026-09}, {@code 2026-Q3}, {@code 2026} or
 *     {@code 2026-09-16..2026-09-30}
 * @param lines the lines, in the schedule's item order
 * @param total the sum of the lines
 */
public record Bill(String unit, String period, List<Line> lines, Money total) {
    /** Checks the components and freezes {@code lines}. */
    public Bill {
        Objects.requireNonNull(unit, "unit");
        lines = List.copyOf(lines);
    }

    /**
     * A line of a bill 账单明细.
     *
     * @param item item code
     * @param name item name, e.g. 物业服务费
     * @param amount the amount
     * @param due when it falls due 到期日 (late fees count from here)
     * @param lateFee whether it bears late fees 滞纳金 if unpaid
     * @param trace how it was computed
     */
    public record Line(String item, String name, Money amount, LocalDate due, boolean lateFee, Trace trace) {}

    /**
     * How a line was computed 计算过程.
     *
     * @param formula the formula in words
     * @param inputs the inputs by name ({@code building_area}, {@code consumption}…)
     * @param segments periodic items: one per run of days with one rate and one unit state in one month
     * @param tiers tiered items: consumption per tier 阶梯
     * @param rounding where and how the amount was rounded, or null (shared costs, parking)
     * @param text the whole computation in lines a clerk can read out to an owner
     */
    public record Trace(String formula, Map<String, String> inputs, List<Segment> segments, List<TierPortion> tiers,
            Rounding rounding, List<String> text) {}

    /**
     * A run of days of a periodic line with one rate and one unit state, within one month.
     *
     * @param from first day
     * @param to last day
     * @param days days in the segment
     * @param monthDays days in its month
     * @param rate the rate in effect
     * @param state the unit's state
     * @param discount the state's discount in percent
     * @param amount exact amount before prepayment discount and rounding ({@code …}-marked if it
     *     does not terminate within 6 decimals), e.g. {@code 116.043}
     */
    public record Segment(LocalDate from, LocalDate to, int days, int monthDays, BigDecimal rate, UnitState state,
            BigDecimal discount, String amount) {}

    /**
     * Consumption in one tier 阶梯.
     *
     * @param tier tier number, from 1
     * @param from lower bound
     * @param to upper bound, or null for the last tier
     * @param quantity consumption charged in the tier
     * @param price price in the tier
     * @param amount quantity × price, exact
     */
    public record TierPortion(int tier, BigDecimal from, BigDecimal to, BigDecimal quantity, BigDecimal price,
            BigDecimal amount) {}

    /**
     * Where and how a line was rounded.
     *
     * @param mode {@code half_up}, {@code half_even}, {@code up}, {@code down}
     * @param unit {@code fen} or {@code jiao}
     * @param point {@code per_month} or {@code per_line}
     * @param steps each rounding: of a month ({@code 2026-09}) or of the line ({@code line})
     */
    public record Rounding(String mode, String unit, String point, List<RoundingStep> steps) {}

    /**
     * One rounding of an exact amount.
     *
     * @param of {@code 2026-09} or {@code line}
     * @param exact the exact amount, e.g. {@code 116.043}
     * @param amount rounded
     */
    public record RoundingStep(String of, String exact, Money amount) {}

    // ---- reading the library's JSON ----

    static List<Bill> list(Object json) {
        List<Object> arr = Json.arr(json, "bills");
        List<Bill> out = new ArrayList<>(arr.size());
        for (Object o : arr) {
            Map<String, Object> m = Json.obj(o, "bill");
            List<Object> ls = Json.arr(m.get("lines"), "lines");
            List<Line> lines = new ArrayList<>(ls.size());
            for (Object l : ls) {
                lines.add(line(Json.obj(l, "line")));
            }
            out.add(new Bill(Json.str(m, "unit"), Json.str(m, "period"), lines, Money.from(m.get("total"), "total")));
        }
        return Collections.unmodifiableList(out);
    }

    private static Line line(Map<String, Object> m) {
        return new Line(Json.str(m, "item"), Json.str(m, "name"), Money.from(m.get("amount"), "amount"),
                LocalDate.parse(Json.str(m, "due")), Json.bool(m, "late_fee"), trace(Json.obj(m.get("trace"), "trace")));
    }

    private static Trace trace(Map<String, Object> m) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Json.obj(m.get("inputs"), "inputs").entrySet()) {
            inputs.put(e.getKey(), (String) e.getValue());
        }
        List<Segment> segments = new ArrayList<>();
        for (Object o : opt(m.get("segments"))) {
            Map<String, Object> s = Json.obj(o, "segment");
            segments.add(new Segment(LocalDate.parse(Json.str(s, "from")), LocalDate.parse(Json.str(s, "to")),
                    (int) Json.num(s, "days"), (int) Json.num(s, "month_days"), dec(s, "rate"),
                    UnitState.fromWire(Json.str(s, "state")), dec(s, "discount"), Json.str(s, "amount")));
        }
        List<TierPortion> tiers = new ArrayList<>();
        for (Object o : opt(m.get("tiers"))) {
            Map<String, Object> t = Json.obj(o, "tier");
            tiers.add(new TierPortion((int) Json.num(t, "tier"), dec(t, "from"),
                    t.get("to") == null ? null : dec(t, "to"), dec(t, "quantity"), dec(t, "price"), dec(t, "amount")));
        }
        Rounding rounding = null;
        if (m.get("rounding") != null) {
            Map<String, Object> r = Json.obj(m.get("rounding"), "rounding");
            List<RoundingStep> steps = new ArrayList<>();
            for (Object o : Json.arr(r.get("steps"), "steps")) {
                Map<String, Object> s = Json.obj(o, "step");
                steps.add(new RoundingStep(Json.str(s, "of"), Json.str(s, "exact"), Money.from(s.get("amount"), "amount")));
            }
            rounding = new Rounding(Json.str(r, "mode"), Json.str(r, "unit"), Json.str(r, "point"),
                    Collections.unmodifiableList(steps));
        }
        return new Trace(Json.str(m, "formula"), Collections.unmodifiableMap(inputs),
                Collections.unmodifiableList(segments), Collections.unmodifiableList(tiers), rounding,
                strings(m.get("text")));
    }

    static List<Object> opt(Object v) {
        return v == null ? List.of() : Json.arr(v, "list");
    }

    static BigDecimal dec(Map<String, Object> m, String key) {
        return new BigDecimal(Json.str(m, key));
    }

    static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        for (Object o : opt(v)) {
            out.add((String) o);
        }
        return Collections.unmodifiableList(out);
    }
}
