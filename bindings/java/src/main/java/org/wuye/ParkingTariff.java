package org.wuye;

import java.util.Objects;

/**
 * A temporary-parking tariff 临停收费标准: a stay of at most {@code freeMinutes} is free; a
 * longer one costs {@code firstPrice} for its first {@code firstMinutes}, then
 * {@code incrementPrice} for each {@code incrementMinutes} or part of it, at most
 * {@code dailyCap} per 24 hours from entry (每24小时封顶).
 *
 * @param freeMinutes free minutes 免费时长
 * @param firstMinutes length of the first period 首段 (0: none)
 * @param firstPrice price of the first period
 * @param incrementMinutes length of each later increment 每段 (at least 1)
 * @param incrementPrice price of each increment or part of it
 * @param dailyCap most charged for any 24 hours from entry, or null (no cap)
 */
public record ParkingTariff(int freeMinutes, int firstMinutes, Money firstPrice, int incrementMinutes,
        Money incrementPrice, Money dailyCap) implements Json.JsonWritable {
    /** Checks the required components. */
    public ParkingTariff {
        Objects.requireNonNull(firstPrice, "firstPrice");
        Objects.requireNonNull(incrementPrice, "incrementPrice");
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"free_minutes\":").append(freeMinutes).append(",\"first_minutes\":").append(firstMinutes)
                .append(",\"first_price\":");
        firstPrice.writeJson(out);
        out.append(",\"increment_minutes\":").append(incrementMinutes).append(",\"increment_price\":");
        incrementPrice.writeJson(out);
        if (dailyCap != null) {
            out.append(",\"daily_cap\":");
            dailyCap.writeJson(out);
        }
        out.append('}');
    }
}
