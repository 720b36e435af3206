package org.wuye;

import java.util.Objects;

/**
 * Why work is on hold 暂停原因: {@link #WAITING_FOR_PARTS}, {@link #WAITING_FOR_OWNER}, or
 * {@link #other(String) another reason, stated}.
 */
public final class HoldReason implements Json.JsonWritable {
    /** Waiting for parts 等待配件. */
    public static final HoldReason WAITING_FOR_PARTS = new HoldReason("waiting_for_parts", null);
    /** Waiting for the owner (access, decision) 等待业主. */
    public static final HoldReason WAITING_FOR_OWNER = new HoldReason("waiting_for_owner", null);

    private final String code;
    private final String text;

    private HoldReason(String code, String text) {
        this.code = code;
        this.text = text;
    }

    /** Another reason, in words. */
    public static HoldReason other(String reason) {
        return new HoldReason("other", Objects.requireNonNull(reason, "reason"));
    }

    /** {@code waiting_for_parts}, {@code waiting_for_owner} or {@code other}. */
    public String code() {
        return code;
    }

    /** The stated reason of {@code other}, else null. */
    public String text() {
        return text;
    }

    @Override
    public void writeJson(StringBuilder out) {
        if (text == null) {
            out.append('"').append(code).append('"');
        } else {
            out.append("{\"other\":");
            Json.quote(out, text);
            out.append('}');
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HoldReason && ((HoldReason) o).code.equals(code)
                && Objects.equals(((HoldReason) o).text, text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, text);
    }

    @Override
    public String toString() {
        return text == null ? code : code + "(" + text + ")";
    }
}
