package org.wuye;

import java.util.Objects;

/**
 * An estate's fee schedule 收费标准 — unit types, fee items with their formulas, rounding and
 * state discounts, effective-dated rates and tiers, billing terms, prepayment discounts and
 * account policy — as the JSON document a host keeps in its configuration (the serde form of
 * {@code wuye_core::fee::Schedule}; see {@code docs/contract.md}). The library checks it
 * when it is used, and refuses it with a {@link RefusedException} naming the item and field
 * ({@code overlapping_rates}, {@code invalid_fee_input}, {@code unknown_code}…).
 *
 * <pre>{@code
 * FeeSchedule s = FeeSchedule.fromJson("""
 *     {"unit_types":[{"code":"high_rise","name":"高层"}],
 *      "items":[{"code":"property_fee","name":"物业服务费","formula":{"kind":"area"}}],
 *      "rates":[{"item":"property_fee","from":"2020-01-01","price":"2.35"}],
 *      "billing":{"collection":"prepaid","due_days":15}}""");
 * }</pre>
 *
 * @param json the schedule's JSON object
 */
public record FeeSchedule(String json) implements Json.JsonWritable {
    /**
     * Checks that the text is one JSON object (its content is the library's to check).
     *
     * @throws IllegalArgumentException if it is not JSON, or not an object
     */
    public FeeSchedule {
        Objects.requireNonNull(json, "json");
        if (!(Json.parse(json) instanceof java.util.Map)) {
            throw new IllegalArgumentException("a fee schedule is a JSON object");
        }
    }

    /** A schedule from its JSON. */
    public static FeeSchedule fromJson(String json) {
        return new FeeSchedule(json);
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append(json);
    }
}
