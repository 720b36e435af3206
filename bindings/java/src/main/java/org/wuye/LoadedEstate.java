package org.wuye;

import java.util.List;

/**
 * What {@link Engine#feeLoadEstate} reports: the number of units and the item codes. A line of
 * {@link EstateLines} names its unit and item by index into the units as given and into
 * {@code items}.
 *
 * @param units number of units loaded
 * @param items the schedule's item codes, in order
 */
public record LoadedEstate(int units, List<String> items) {
    /** Freezes {@code items}. */
    public LoadedEstate {
        items = List.copyOf(items);
    }
}
