package org.wuye;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A payer's account 账户 (usually one unit's): its policy, prepaid balance 预存, charges 应收
 * with their settlements, receipts 收据 — state the host keeps and passes back, changed only
 * by {@link Engine#feeAccountExecute}. It is held as the library's JSON: {@link #toJson()} gives
 * back exactly what the library wrote, for storage, and {@link #fromJson} reads it again.
 *
 * <pre>{@code
 * Account a = Account.open("1-101", LateFeeRule.daily("0.0003"));
 * a = engine.feeAccountExecute(a, AccountCommand.postCharges(aug1, List.of(NewCharge.of("B2608-1", "property_fee", aug16, Money.parse("232.09"))))).account();
 * a = engine.feeAccountExecute(a, AccountCommand.pay("R001", sep25, Money.parse("100.00"))).account();
 * engine.feeAccountLateFees(a, oct15).outstanding();   // 3.58
 * }</pre>
 */
public final class Account implements Json.JsonWritable {
    private final Map<String, Object> json;

    private Account(Map<String, Object> json) {
        this.json = Collections.unmodifiableMap(json);
    }

    /** A new, empty account with the default policy and no late fees. */
    public static Account open(String id) {
        return open(id, null);
    }

    /**
     * A new, empty account whose unpaid charges bear late fees by {@code rule} (null: none),
     * allocating payments oldest due first, principal before late fees, with automatic
     * deduction from the prepaid balance.
     */
    public static Account open(String id, LateFeeRule rule) {
        Objects.requireNonNull(id, "id");
        StringBuilder sb = new StringBuilder("{\"id\":");
        Json.quote(sb, id);
        if (rule != null) {
            sb.append(",\"policy\":{\"late_fee\":");
            rule.writeJson(sb);
            sb.append('}');
        }
        sb.append('}');
        return fromJson(sb.toString());
    }

    /**
     * An account from its JSON (as {@link #toJson()} wrote it, or built by the host: see
     * {@code docs/contract.md}). The library checks it when it is used.
     *
     * @throws IllegalArgumentException if the text is not JSON
     * @throws IllegalStateException if it is not a JSON object with an {@code id}
     */
    public static Account fromJson(String json) {
        return from(Json.parse(json));
    }

    static Account from(Object json) {
        Map<String, Object> m = Json.obj(json, "account");
        Json.str(m, "id");
        return new Account(m);
    }

    /** The account's JSON. */
    public String toJson() {
        return Json.write(json);
    }

    @Override
    public void writeJson(StringBuilder out) {
        Json.write(out, json);
    }

    /** The account's JSON as a read-only map (key order as the library wrote it). */
    public Map<String, Object> asMap() {
        return json;
    }

    /** Account id (usually the unit id). */
    public String id() {
        return Json.str(json, "id");
    }

    /** Prepaid balance 预存余额. */
    public Money prepaid() {
        Object v = json.get("prepaid");
        return v == null ? Money.ZERO : Money.from(v, "prepaid");
    }

    /** Day of the last event, or null. */
    public LocalDate lastDate() {
        String d = Json.optStr(json, "last_date");
        return d == null ? null : LocalDate.parse(d);
    }

    /** The charges, in posting order. */
    public List<Charge> charges() {
        List<Charge> out = new ArrayList<>();
        for (Object o : Bill.opt(json.get("charges"))) {
            Map<String, Object> c = Json.obj(o, "charge");
            long paid = 0;
            for (Object s : Bill.opt(c.get("settlements"))) {
                Object p = Json.obj(s, "settlement").get("principal");
                paid += p == null ? 0 : Money.from(p, "principal").fen();
            }
            Money amount = Money.from(c.get("amount"), "amount");
            Object lf = c.get("late_fee");
            Object credited = c.get("credited");
            out.add(new Charge(Json.str(c, "id"), Json.str(c, "item"), LocalDate.parse(Json.str(c, "due")), amount,
                    lf == null || (Boolean) lf, credited == null ? Money.ZERO : Money.from(credited, "credited"),
                    new Money(amount.fen() - paid)));
        }
        return Collections.unmodifiableList(out);
    }

    /** Principal still unpaid over every charge. */
    public Money outstanding() {
        long sum = 0;
        for (Charge c : charges()) {
            sum += c.outstanding().fen();
        }
        return new Money(sum);
    }

    /** The receipts, in order. */
    public List<Receipt> receipts() {
        List<Receipt> out = new ArrayList<>();
        for (Object o : Bill.opt(json.get("receipts"))) {
            Map<String, Object> r = Json.obj(o, "receipt");
            out.add(new Receipt(Json.str(r, "number"), LocalDate.parse(Json.str(r, "date")),
                    Money.from(r.get("amount"), "amount"), money(r, "to_prepaid"), money(r, "refunded")));
        }
        return Collections.unmodifiableList(out);
    }

    private static Money money(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? Money.ZERO : Money.from(v, key);
    }

    /**
     * A charge 应收 on the account: one bill line.
     *
     * @param id the host's id, unique in the account
     * @param item item code
     * @param due due date
     * @param amount amount billed
     * @param lateFee whether it bears late fees
     * @param credited credit notes against it so far
     * @param outstanding principal still unpaid (amount less every settlement's principal)
     */
    public record Charge(String id, String item, LocalDate due, Money amount, boolean lateFee, Money credited,
            Money outstanding) {}

    /**
     * A receipt 收据.
     *
     * @param number receipt number (from the host)
     * @param date day received
     * @param amount amount received
     * @param toPrepaid what went into the prepaid balance
     * @param refunded refunded so far
     */
    public record Receipt(String number, LocalDate date, Money amount, Money toPrepaid, Money refunded) {}

    @Override
    public boolean equals(Object o) {
        return o instanceof Account && ((Account) o).json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
