package org.wuye;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A late-fee rule 滞纳金规则: a daily rate on the principal still unpaid (commonly 0.0003 a
 * day, 万分之三), after some grace days, optionally capped at a percentage of the principal
 * and raised to a minimum; rounded half-up to the fen per charge.
 *
 * @param dailyRate rate per day, e.g. 0.0003 (at most 10 decimals)
 * @param graceDays days after the due date before anything accrues 宽限期
 * @param capPercent at most this percentage of the principal (100: never above it), or null
 * @param minimum a late fee above zero is at least this much, or null
 */
public record LateFeeRule(BigDecimal dailyRate, int graceDays, BigDecimal capPercent, Money minimum)
        implements Json.JsonWritable {
    /** Checks the required components. */
    public LateFeeRule {
        Objects.requireNonNull(dailyRate, "dailyRate");
    }

    /** A daily rate with no grace days, no cap, no minimum: {@code LateFeeRule.daily("0.0003")}. */
    public static LateFeeRule daily(String rate) {
        return new LateFeeRule(new BigDecimal(rate), 0, null, null);
    }

    /** This rule with grace days. */
    public LateFeeRule withGraceDays(int days) {
        return new LateFeeRule(dailyRate, days, capPercent, minimum);
    }

    /** This rule capped at a percentage of the principal. */
    public LateFeeRule withCapPercent(BigDecimal percent) {
        return new LateFeeRule(dailyRate, graceDays, percent, minimum);
    }

    /** This rule with a minimum charge. */
    public LateFeeRule withMinimum(Money min) {
        return new LateFeeRule(dailyRate, graceDays, capPercent, min);
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"daily_rate\":\"").append(dailyRate.toPlainString()).append('"');
        if (graceDays != 0) {
            out.append(",\"grace_days\":").append(graceDays);
        }
        if (capPercent != null) {
            out.append(",\"cap_percent\":\"").append(capPercent.toPlainString()).append('"');
        }
        if (minimum != null) {
            out.append(",\"minimum\":");
            minimum.writeJson(out);
        }
        out.append('}');
    }
}
