package org.wuye;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A temporary-parking stay 临时停车 billed to a unit, charged by the item's tariff.
 *
 * @param unit unit id
 * @param item item code (a parking item)
 * @param entry entry 入场 (whole seconds)
 * @param exit exit 出场 (whole seconds)
 * @param plate plate 车牌 for the trace, or null
 */
public record ParkingStay(String unit, String item, OffsetDateTime entry, OffsetDateTime exit, String plate)
        implements Json.JsonWritable {
    /** Checks the required components. */
    public ParkingStay {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(exit, "exit");
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"unit\":");
        Json.quote(out, unit);
        out.append(",\"item\":");
        Json.quote(out, item);
        out.append(",\"entry\":\"");
        Rfc3339.format(out, entry);
        out.append("\",\"exit\":\"");
        Rfc3339.format(out, exit);
        out.append('"');
        if (plate != null) {
            out.append(",\"plate\":");
            Json.quote(out, plate);
        }
        out.append('}');
    }
}
