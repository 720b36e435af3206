package org.wuye;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A charge to post on an account (one bill line), for {@link AccountCommand#postCharges}.
 *
 * @param id id unique in the account (e.g. bill number and line: {@code B2609-1})
 * @param item item code
 * @param due due date
 * @param amount amount (not negative)
 * @param lateFee whether it bears late fees
 */
public record NewCharge(String id, String item, LocalDate due, Money amount, boolean lateFee)
        implements Json.JsonWritable {
    /** Checks the components. */
    public NewCharge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(amount, "amount");
    }

    /** A charge that bears late fees. */
    public static NewCharge of(String id, String item, LocalDate due, Money amount) {
        return new NewCharge(id, item, due, amount, true);
    }

    /** A bill line as a charge: its item, due date, amount and late-fee flag. */
    public static NewCharge of(String id, Bill.Line line) {
        return new NewCharge(id, line.item(), line.due(), line.amount(), line.lateFee());
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"id\":");
        Json.quote(out, id);
        out.append(",\"item\":");
        Json.quote(out, item);
        out.append(",\"due\":\"").append(due).append("\",\"amount\":");
        amount.writeJson(out);
        if (!lateFee) {
            out.append(",\"late_fee\":false");
        }
        out.append('}');
    }
}
