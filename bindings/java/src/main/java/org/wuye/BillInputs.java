package org.wuye;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a billing run needs besides the schedule and the units: meter readings 抄表, uses and
 * one-off charges, temporary-parking stays and shared costs 公摊. Any list may be empty.
 *
 * <pre>{@code
 * BillInputs in = BillInputs.readings(readings).withShared(List.of(SharedCost.of("lift_power", Money.parse("1234.56"))));
 * }</pre>
 *
 * @param readings meter readings of metered items
 * @param usage uses, hours, one-off charges
 * @param parking temporary-parking stays
 * @param shared shared costs to apportion
 */
public record BillInputs(List<MeterReading> readings, List<UsageCharge> usage, List<ParkingStay> parking,
        List<SharedCost> shared) {
    /** No inputs: periodic items (area, fixed) only. */
    public static final BillInputs NONE = new BillInputs(List.of(), List.of(), List.of(), List.of());

    /** Freezes the lists (null is taken as empty). */
    public BillInputs {
        readings = readings == null ? List.of() : List.copyOf(readings);
        usage = usage == null ? List.of() : List.copyOf(usage);
        parking = parking == null ? List.of() : List.copyOf(parking);
        shared = shared == null ? List.of() : List.copyOf(shared);
    }

    /** Readings only. */
    public static BillInputs readings(List<MeterReading> readings) {
        return new BillInputs(readings, null, null, null);
    }

    /** These inputs with readings. */
    public BillInputs withReadings(List<MeterReading> r) {
        return new BillInputs(r, usage, parking, shared);
    }

    /** These inputs with uses and one-off charges. */
    public BillInputs withUsage(List<UsageCharge> u) {
        return new BillInputs(readings, u, parking, shared);
    }

    /** These inputs with parking stays. */
    public BillInputs withParking(List<ParkingStay> p) {
        return new BillInputs(readings, usage, p, shared);
    }

    /** These inputs with shared costs. */
    public BillInputs withShared(List<SharedCost> s) {
        return new BillInputs(readings, usage, parking, s);
    }

    /** Appends the non-empty lists as {@code ,"readings":[…]…} (each preceded by a comma). */
    void writeFields(StringBuilder out) {
        list(out, "readings", readings);
        list(out, "usage", usage);
        list(out, "parking", parking);
        list(out, "shared", shared);
    }

    /**
     * Appends the non-empty lists for {@code fee.bill_estate}, the readings as columns (one
     * {@code item} and {@code date} when every reading has the same; whole readings as JSON
     * integers): a month of an estate's readings is a few bytes a reading, written without
     * a {@code String} per value.
     */
    void writeEstateFields(ByteJson out) {
        if (!readings.isEmpty()) {
            writeColumns(out, readings);
        }
        StringBuilder rest = new StringBuilder();
        list(rest, "usage", usage);
        list(rest, "parking", parking);
        list(rest, "shared", shared);
        out.utf8(rest);
    }

    private static void writeColumns(ByteJson out, List<MeterReading> rs) {
        int n = rs.size();
        MeterReading first = rs.get(0);
        boolean oneItem = true;
        boolean oneDate = true;
        boolean wraps = false;
        boolean replaced = false;
        // One pass over the readings (each reading and its numbers are read once, while in
        // cache), each column into its own buffer; then the columns one after the other.
        ByteJson unit = new ByteJson(12 * n);
        ByteJson previous = new ByteJson(6 * n);
        ByteJson current = new ByteJson(6 * n);
        ByteJson ytd = new ByteJson(5 * n);
        boolean anyYtd = false;
        for (int i = 0; i < n; i++) {
            MeterReading r = rs.get(i);
            if (i > 0) {
                unit.raw(',');
                previous.raw(',');
                current.raw(',');
                ytd.raw(',');
            }
            unit.str(r.unit());
            previous.decimal(r.previous());
            current.decimal(r.current());
            BigDecimal y = r.yearToDate();
            if (y == null) {
                ytd.ascii("null");
            } else {
                ytd.decimal(y);
                anyYtd = true;
            }
            oneItem &= r.item().equals(first.item());
            oneDate &= r.date().equals(first.date());
            wraps |= r.wrapsAt() != null;
            replaced |= r.replaced() != null;
        }
        out.ascii(",\"readings\":{\"unit\":[").append(unit).ascii("],\"item\":");
        if (oneItem) {
            out.str(first.item());
        } else {
            out.raw('[');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.raw(',');
                }
                out.str(rs.get(i).item());
            }
            out.raw(']');
        }
        out.ascii(",\"date\":");
        if (oneDate) {
            out.str(first.date().toString());
        } else {
            out.raw('[');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.raw(',');
                }
                out.str(rs.get(i).date().toString());
            }
            out.raw(']');
        }
        out.ascii(",\"previous\":[").append(previous).ascii("],\"current\":[").append(current).raw(']');
        if (anyYtd) {
            out.ascii(",\"year_to_date\":[").append(ytd).raw(']');
        }
        if (wraps) {
            out.ascii(",\"wraps_at\":[");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.raw(',');
                }
                BigDecimal v = rs.get(i).wrapsAt();
                if (v == null) {
                    out.ascii("null");
                } else {
                    out.decimal(v);
                }
            }
            out.raw(']');
        }
        if (replaced) {
            out.ascii(",\"replaced\":[");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.raw(',');
                }
                MeterReading.Replacement v = rs.get(i).replaced();
                if (v == null) {
                    out.ascii("null");
                } else {
                    out.ascii("{\"old_final\":").str(v.oldFinal().toPlainString()).ascii(",\"new_initial\":")
                            .str(v.newInitial().toPlainString()).raw('}');
                }
            }
            out.raw(']');
        }
        out.raw('}');
    }

    private static void list(StringBuilder out, String key, List<? extends Json.JsonWritable> l) {
        if (l.isEmpty()) {
            return;
        }
        out.append(",\"").append(key).append("\":[");
        for (int i = 0, n = l.size(); i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            l.get(i).writeJson(out);
        }
        out.append(']');
    }
}
