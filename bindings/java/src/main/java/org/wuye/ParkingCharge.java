package org.wuye;

import java.util.List;
import java.util.Map;

/**
 * The charge for one temporary-parking stay, from {@link Engine#feeParking}, with how it
 * was reached: the stay cut per 24 hours from entry into full days and the rest.
 *
 * @param minutes minutes parked (a started minute counts)
 * @param free whether the stay was within the free minutes
 * @param fullDays full 24-hour blocks
 * @param fullDay what each full day costs, or null when there is none
 * @param rest the block after the last full day, or null
 * @param amount the total
 * @param text how, in words
 */
public record ParkingCharge(long minutes, boolean free, long fullDays, Block fullDay, Block rest, Money amount,
        List<String> text) {
    /** Freezes {@code text}. */
    public ParkingCharge {
        text = List.copyOf(text);
    }

    /**
     * One 24-hour block (or the last, shorter one) of a stay, as charged.
     *
     * @param minutes minutes in the block
     * @param increments increments after the first period (partial ones rounded up)
     * @param uncapped first period + increments, before the cap
     * @param amount what the block costs
     */
    public record Block(long minutes, long increments, Money uncapped, Money amount) {
        static Block from(Object json) {
            if (json == null) {
                return null;
            }
            Map<String, Object> m = Json.obj(json, "block");
            return new Block(Json.num(m, "minutes"), Json.num(m, "increments"), Money.from(m.get("uncapped"), "uncapped"),
                    Money.from(m.get("amount"), "amount"));
        }
    }

    static ParkingCharge from(Map<String, Object> result) {
        Map<String, Object> c = Json.obj(result.get("charge"), "charge");
        return new ParkingCharge(Json.num(c, "minutes"), Json.bool(c, "free"), Json.num(c, "full_days"),
                Block.from(c.get("full_day")), Block.from(c.get("rest")), Money.from(c.get("amount"), "amount"),
                Bill.strings(result.get("text")));
    }
}
