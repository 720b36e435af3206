package org.wuye;

import java.util.List;

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
}
