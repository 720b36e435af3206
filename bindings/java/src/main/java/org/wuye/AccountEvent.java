package org.wuye;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Something that happened on an account — what the host stores: {@code charges_posted},
 * {@code payment_received}, {@code deposited}, {@code prepaid_applied}, {@code refunded},
 * {@code credited}, {@code late_fee_waived}. Held as the library's JSON ({@link #body()});
 * {@link #toJson()} gives it back byte for byte.
 *
 * @param body the event's JSON object, its {@code type} first
 */
public record AccountEvent(Map<String, Object> body) implements Json.JsonWritable {
    /** Freezes {@code body}. */
    public AccountEvent {
        body = Collections.unmodifiableMap(body);
    }

    /** The event's type, e.g. {@code payment_received}. */
    public String type() {
        return Json.str(body, "type");
    }

    /** The event's day. */
    public LocalDate date() {
        return LocalDate.parse(Json.str(body, "date"));
    }

    /** The event's amount, if it has one (payments, deposits, refunds, credits, waivers). */
    public Money amount() {
        Object v = body.get("amount");
        return v == null ? null : Money.from(v, "amount");
    }

    /** The event's JSON. */
    public String toJson() {
        return Json.write(body);
    }

    @Override
    public void writeJson(StringBuilder out) {
        Json.write(out, body);
    }

    static List<AccountEvent> list(Object json) {
        List<AccountEvent> out = new ArrayList<>();
        for (Object o : Json.arr(json, "events")) {
            out.add(new AccountEvent(Json.obj(o, "event")));
        }
        return Collections.unmodifiableList(out);
    }
}
