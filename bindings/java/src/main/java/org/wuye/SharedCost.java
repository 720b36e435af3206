package org.wuye;

import java.util.List;
import java.util.Objects;

/**
 * A shared cost 公摊 to apportion among units (by area or share, as the item says), by
 * largest remainder so that the lines sum exactly to the amount.
 *
 * @param item item code (a shared item)
 * @param amount the amount to apportion (not negative)
 * @param units the units that share it, or null: every unit handed over on the period's last day
 * @param note what it is, for the trace (e.g. {@code 2号楼电梯电费 9月}), or null
 */
public record SharedCost(String item, Money amount, List<String> units, String note) implements Json.JsonWritable {
    /** Checks the required components and freezes {@code units}. */
    public SharedCost {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(amount, "amount");
        units = units == null ? null : List.copyOf(units);
    }

    /** A cost shared by every unit handed over on the period's last day. */
    public static SharedCost of(String item, Money amount) {
        return new SharedCost(item, amount, null, null);
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"item\":");
        Json.quote(out, item);
        out.append(",\"amount\":");
        amount.writeJson(out);
        if (units != null) {
            out.append(",\"units\":");
            Json.write(out, units);
        }
        if (note != null) {
            out.append(",\"note\":");
            Json.quote(out, note);
        }
        out.append('}');
    }
}
