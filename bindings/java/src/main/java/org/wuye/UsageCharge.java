package org.wuye;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A use, some hours, or a one-off charge 按次/按时/一次性 (housekeeping 家政, a clubhouse
 * session, renovation management fee 装修管理费, a deposit 押金, card replacement 补卡).
 *
 * @param unit unit id
 * @param item item code (a usage or one-off item)
 * @param date day of the use: the rate in effect that day applies
 * @param quantity uses, hours or pieces (at most 3 decimals)
 * @param note what it was, for the trace (e.g. {@code 家政保洁 3 小时}), or null
 */
public record UsageCharge(String unit, String item, LocalDate date, BigDecimal quantity, String note)
        implements Json.JsonWritable {
    /** Checks the required components. */
    public UsageCharge {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(quantity, "quantity");
    }

    /** One use (or piece) on a day. */
    public static UsageCharge once(String unit, String item, LocalDate date) {
        return new UsageCharge(unit, item, date, BigDecimal.ONE, null);
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"unit\":");
        Json.quote(out, unit);
        out.append(",\"item\":");
        Json.quote(out, item);
        out.append(",\"date\":\"").append(date).append("\",\"quantity\":\"").append(quantity.toPlainString())
                .append('"');
        if (note != null) {
            out.append(",\"note\":");
            Json.quote(out, note);
        }
        out.append('}');
    }
}
