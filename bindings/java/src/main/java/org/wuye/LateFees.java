package org.wuye;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Late fees 滞纳金 of an account as of a date, itemised per charge, from
 * {@link Engine#feeAccountLateFees}.
 *
 * @param lines one per charge that bears late fees
 * @param outstanding the sum of what is outstanding
 */
public record LateFees(List<Line> lines, Money outstanding) {
    /** Freezes {@code lines}. */
    public LateFees {
        lines = List.copyOf(lines);
    }

    /**
     * One charge's late fee as of the date.
     *
     * @param charge charge id
     * @param item item code
     * @param due the charge's due date
     * @param accruesFrom first day that accrues (after the grace days)
     * @param periods runs of days with one outstanding principal
     * @param exact the exact sum before rounding, cap and minimum, e.g. {@code 3.57762}
     * @param cap the cap, or null
     * @param accrued rounded, capped, at least the minimum
     * @param paid paid so far
     * @param waived waived so far
     * @param outstanding accrued − paid − waived
     * @param text how, in words
     */
    public record Line(String charge, String item, LocalDate due, LocalDate accruesFrom, List<Period> periods,
            String exact, Money cap, Money accrued, Money paid, Money waived, Money outstanding, List<String> text) {}

    /**
     * A run of days with one outstanding principal.
     *
     * @param from first day
     * @param to last day
     * @param days days
     * @param principal principal outstanding on those days
     * @param amount principal × days × rate, exact (e.g. {@code 2.78508})
     */
    public record Period(LocalDate from, LocalDate to, long days, Money principal, String amount) {}

    static LateFees from(Map<String, Object> result) {
        List<Line> lines = new ArrayList<>();
        for (Object o : Json.arr(result.get("late_fees"), "late_fees")) {
            Map<String, Object> m = Json.obj(o, "late fee");
            List<Period> periods = new ArrayList<>();
            for (Object p : Bill.opt(m.get("periods"))) {
                Map<String, Object> q = Json.obj(p, "period");
                periods.add(new Period(LocalDate.parse(Json.str(q, "from")), LocalDate.parse(Json.str(q, "to")),
                        Json.num(q, "days"), Money.from(q.get("principal"), "principal"), Json.str(q, "amount")));
            }
            lines.add(new Line(Json.str(m, "charge"), Json.str(m, "item"), LocalDate.parse(Json.str(m, "due")),
                    LocalDate.parse(Json.str(m, "accrues_from")), Collections.unmodifiableList(periods),
                    Json.str(m, "exact"), m.get("cap") == null ? null : Money.from(m.get("cap"), "cap"),
                    Money.from(m.get("accrued"), "accrued"), Money.from(m.get("paid"), "paid"),
                    Money.from(m.get("waived"), "waived"), Money.from(m.get("outstanding"), "outstanding"),
                    Bill.strings(m.get("text"))));
        }
        return new LateFees(lines, Money.from(result.get("outstanding"), "outstanding"));
    }
}
