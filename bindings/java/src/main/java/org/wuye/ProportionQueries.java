package org.wuye;

import java.math.BigDecimal;

/** The conveniences of {@link Proportion}, over its components (the record is generated). */
interface ProportionQueries {
    /** The share in percent, or null over nothing. */
    BigDecimal percent();

    /** Whether there is a figure ({@code total > 0}; over nothing the percent is null). */
    default boolean hasData() {
        return percent() != null;
    }
}
