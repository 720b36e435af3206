package org.wuye;

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
