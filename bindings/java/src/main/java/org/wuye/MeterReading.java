package org.wuye;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A meter reading 抄表 of a metered item (water, electricity, gas). Consumption is
 * {@code current − previous}; a lower reading is an error ({@code reading_backwards}) unless
 * the meter rolled over ({@code wrapsAt}) or was replaced ({@code replaced}). Readings have at
 * most 3 decimals.
 *
 * @param unit unit id
 * @param item item code (a metered item)
 * @param date reading date 抄表日: the rate in effect that day prices the whole consumption
 * @param previous previous reading 上次读数
 * @param current this reading 本次读数
 * @param wrapsAt the register's capacity where it wraps to 0 (a four-digit meter: 10000), or null
 * @param replaced a meter replacement 换表 since the previous reading, or null
 * @param yearToDate consumption earlier in the tier year 年累计 (needed for annual tiers), or null
 */
public record MeterReading(String unit, String item, LocalDate date, BigDecimal previous, BigDecimal current,
        BigDecimal wrapsAt, Replacement replaced, BigDecimal yearToDate) implements Json.JsonWritable {

    /** Checks the required components. */
    public MeterReading {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }

    /** A plain reading: no rollover, no replacement, no year-to-date consumption. */
    public static MeterReading of(String unit, String item, LocalDate date, BigDecimal previous, BigDecimal current) {
        return new MeterReading(unit, item, date, previous, current, null, null, null);
    }

    /** This reading with the consumption earlier in the tier year (annual tiers). */
    public MeterReading withYearToDate(BigDecimal ytd) {
        return new MeterReading(unit, item, date, previous, current, wrapsAt, replaced, ytd);
    }

    /** This reading on a meter that wraps to 0 at {@code capacity} (rollover 翻表). */
    public MeterReading withWrapsAt(BigDecimal capacity) {
        return new MeterReading(unit, item, date, previous, current, capacity, replaced, yearToDate);
    }

    /** This reading after a meter replacement 换表. */
    public MeterReading withReplacement(BigDecimal oldFinal, BigDecimal newInitial) {
        return new MeterReading(unit, item, date, previous, current, wrapsAt, new Replacement(oldFinal, newInitial),
                yearToDate);
    }

    /**
     * A meter replacement 换表.
     *
     * @param oldFinal final reading of the old meter 旧表止码
     * @param newInitial initial reading of the new meter 新表起码
     */
    public record Replacement(BigDecimal oldFinal, BigDecimal newInitial) {
        /** Checks the components. */
        public Replacement {
            Objects.requireNonNull(oldFinal, "oldFinal");
            Objects.requireNonNull(newInitial, "newInitial");
        }
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"unit\":");
        Json.quote(out, unit);
        out.append(",\"item\":");
        Json.quote(out, item);
        out.append(",\"date\":\"").append(date).append("\",\"previous\":\"").append(previous.toPlainString())
                .append("\",\"current\":\"").append(current.toPlainString()).append('"');
        if (wrapsAt != null) {
            out.append(",\"wraps_at\":\"").append(wrapsAt.toPlainString()).append('"');
        }
        if (replaced != null) {
            out.append(",\"replaced\":{\"old_final\":\"").append(replaced.oldFinal().toPlainString())
                    .append("\",\"new_initial\":\"").append(replaced.newInitial().toPlainString()).append("\"}");
        }
        if (yearToDate != null) {
            out.append(",\"year_to_date\":\"").append(yearToDate.toPlainString()).append('"');
        }
        out.append('}');
    }
}
