package org.wuye;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An account's arrears ageing 账龄 as of a date, from {@link Engine#feeAccountArrears}: unpaid principal
 * and outstanding late fees by days overdue.
 *
 * @param account account id
 * @param asOf the date
 * @param buckets overdue buckets, youngest first (default 0–30, 31–90, 91–180, 181–365, over 365)
 * @param notDue unpaid principal not yet due
 * @param overduePrincipal unpaid principal overdue (the sum of the buckets)
 * @param overdueLateFee late fees outstanding (the sum of the buckets)
 * @param prepaid prepaid balance (not netted against the arrears)
 * @param lines every charge with something unpaid, in posting order
 */
public record Ageing(String account, LocalDate asOf, List<Bucket> buckets, Money notDue, Money overduePrincipal,
        Money overdueLateFee, Money prepaid, List<Line> lines) {
    /** Freezes the lists. */
    public Ageing {
        buckets = List.copyOf(buckets);
        lines = List.copyOf(lines);
    }

    /**
     * One ageing bucket 账龄段.
     *
     * @param label {@code 0-30}, {@code 31-90}, …, {@code over 365}
     * @param fromDays fewest days overdue in the bucket
     * @param toDays most days overdue, or null for the last bucket
     * @param principal unpaid principal
     * @param lateFee outstanding late fees
     * @param charges charges in the bucket
     */
    public record Bucket(String label, int fromDays, Integer toDays, Money principal, Money lateFee, int charges) {}

    /**
     * One charge in arrears.
     *
     * @param charge charge id
     * @param item item code
     * @param due due date
     * @param daysOverdue days overdue (negative: not yet due)
     * @param bucket bucket label, or {@code not_due}
     * @param principal unpaid principal
     * @param lateFee outstanding late fee
     */
    public record Line(String charge, String item, LocalDate due, long daysOverdue, String bucket, Money principal,
            Money lateFee) {}

    static Ageing from(Map<String, Object> m) {
        List<Bucket> buckets = new ArrayList<>();
        for (Object o : Json.arr(m.get("buckets"), "buckets")) {
            Map<String, Object> b = Json.obj(o, "bucket");
            Long to = Json.optNum(b, "to_days");
            buckets.add(new Bucket(Json.str(b, "label"), (int) Json.num(b, "from_days"),
                    to == null ? null : Math.toIntExact(to), Money.from(b.get("principal"), "principal"),
                    Money.from(b.get("late_fee"), "late_fee"), (int) Json.num(b, "charges")));
        }
        List<Line> lines = new ArrayList<>();
        for (Object o : Json.arr(m.get("lines"), "lines")) {
            Map<String, Object> l = Json.obj(o, "line");
            lines.add(new Line(Json.str(l, "charge"), Json.str(l, "item"), LocalDate.parse(Json.str(l, "due")),
                    Json.num(l, "days_overdue"), Json.str(l, "bucket"), Money.from(l.get("principal"), "principal"),
                    Money.from(l.get("late_fee"), "late_fee")));
        }
        return new Ageing(Json.str(m, "account"), LocalDate.parse(Json.str(m, "as_of")), buckets,
                Money.from(m.get("not_due"), "not_due"), Money.from(m.get("overdue_principal"), "overdue_principal"),
                Money.from(m.get("overdue_late_fee"), "overdue_late_fee"), Money.from(m.get("prepaid"), "prepaid"),
                lines);
    }
}
