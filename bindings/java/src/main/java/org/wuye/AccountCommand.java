package org.wuye;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the front desk does to an account, for {@link Engine#feeAccountExecute}. Receipt, refund
 * and credit-note numbers come from the host. Made by the factories:
 * {@link #postCharges}, {@link #pay}, {@link #deposit}, {@link #refund}, {@link #creditNote},
 * {@link #waiveLateFee}, {@link #applyPrepaid}.
 */
public final class AccountCommand implements Json.JsonWritable {
    private final String type;
    private final String json;

    private AccountCommand(String type, String json) {
        this.type = type;
        this.json = json;
    }

    /** The command's wire type, e.g. {@code pay}. */
    public String type() {
        return type;
    }

    private static StringBuilder head(String type, LocalDate date) {
        StringBuilder sb = new StringBuilder(96).append("{\"type\":\"").append(type).append("\",\"date\":\"")
                .append(Objects.requireNonNull(date, "date")).append('"');
        return sb;
    }

    private static StringBuilder str(StringBuilder sb, String key, String v) {
        sb.append(",\"").append(key).append("\":");
        Json.quote(sb, Objects.requireNonNull(v, key));
        return sb;
    }

    private static StringBuilder money(StringBuilder sb, String key, Money v) {
        sb.append(",\"").append(key).append("\":");
        Objects.requireNonNull(v, key).writeJson(sb);
        return sb;
    }

    private static AccountCommand done(String type, StringBuilder sb) {
        return new AccountCommand(type, sb.append('}').toString());
    }

    /** Post charges (bill lines) 挂账; with auto-deduction the prepaid balance pays them at once. */
    public static AccountCommand postCharges(LocalDate date, List<NewCharge> charges) {
        StringBuilder sb = head("post_charges", date).append(",\"charges\":[");
        for (int i = 0; i < charges.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            charges.get(i).writeJson(sb);
        }
        sb.append(']');
        return done("post_charges", sb);
    }

    /** Receive a payment 收款, allocated by the policy; any rest goes to the prepaid balance. */
    public static AccountCommand pay(String receipt, LocalDate date, Money amount) {
        return done("pay", money(str(head("pay", date), "receipt", receipt), "amount", amount));
    }

    /** Receive money into the prepaid balance 预存. */
    public static AccountCommand deposit(String receipt, LocalDate date, Money amount) {
        return done("deposit", money(str(head("deposit", date), "receipt", receipt), "amount", amount));
    }

    /** Refund (part of) a receipt 退款. */
    public static AccountCommand refund(String refund, String receipt, LocalDate date, Money amount) {
        return done("refund", money(str(str(head("refund", date), "refund", refund), "receipt", receipt), "amount",
                amount));
    }

    /** A credit note 冲减单 against a charge (reason not empty). */
    public static AccountCommand creditNote(String note, String charge, LocalDate date, Money amount, String reason) {
        return done("credit_note", str(money(str(str(head("credit_note", date), "note", note), "charge", charge),
                "amount", amount), "reason", reason));
    }

    /** Waive a charge's outstanding late fee 滞纳金减免 (reason not empty). */
    public static AccountCommand waiveLateFee(String charge, LocalDate date, String reason) {
        return done("waive_late_fee", str(str(head("waive_late_fee", date), "charge", charge), "reason", reason));
    }

    /** Pay open items from the prepaid balance now (when auto-deduction is off). */
    public static AccountCommand applyPrepaid(LocalDate date) {
        return done("apply_prepaid", head("apply_prepaid", date));
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append(json);
    }

    @Override
    public String toString() {
        return json;
    }
}
