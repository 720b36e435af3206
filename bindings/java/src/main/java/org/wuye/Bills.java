package org.wuye;

import java.util.List;
import java.util.Map;

/**
 * What {@link Engine#feeBill} returns: the bills with their traces and their total.
 *
 * @param bills one bill per unit, in unit order (or the order of {@code only})
 * @param total the sum of the bills
 */
public record Bills(List<Bill> bills, Money total) {
    /** Freezes {@code bills}. */
    public Bills {
        bills = List.copyOf(bills);
    }

    /** Reads the result of {@code fee.bill}. */
    static Bills from(Object json) {
        Map<String, Object> m = Json.obj(json, "result");
        return new Bills(Bill.list(m.get("bills")), Money.from(m.get("total"), "total"));
    }
}
