package org.wuye;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One contract request being written ({@code {"v":1,"op":"…","args":{…}}}), for the generated
 * {@link Operations}: one {@code put} per argument, typed so each value is written as the
 * contract reads it (a decimal as a plain string, an instant in RFC 3339 with its offset).
 * Also reads a success response's {@code result}.
 */
final class Call {
    private final StringBuilder sb;
    private char sep = '{';

    Call(String op) {
        this(op, 128);
    }

    Call(String op, int capacity) {
        sb = new StringBuilder(capacity);
        sb.append("{\"v\":1,\"op\":\"").append(op).append("\",\"args\":");
    }

    private StringBuilder key(String k) {
        sb.append(sep).append('"').append(k).append("\":");
        sep = ',';
        return sb;
    }

    Call put(String k, String v) {
        Json.quote(key(k), Objects.requireNonNull(v, k));
        return this;
    }

    Call put(String k, long v) {
        key(k).append(v);
        return this;
    }

    Call put(String k, boolean v) {
        key(k).append(v);
        return this;
    }

    Call put(String k, BigDecimal v) {
        Json.decimal(key(k), Objects.requireNonNull(v, k));
        return this;
    }

    Call put(String k, LocalDate v) {
        key(k).append('"').append(Objects.requireNonNull(v, k).toString()).append('"');
        return this;
    }

    Call put(String k, OffsetDateTime v) {
        Rfc3339.format(key(k).append('"'), Objects.requireNonNull(v, k));
        sb.append('"');
        return this;
    }

    Call put(String k, WireEnum v) {
        Json.quote(key(k), Objects.requireNonNull(v, k).wireName());
        return this;
    }

    Call put(String k, Json.JsonWritable v) {
        Objects.requireNonNull(v, k).writeJson(key(k));
        return this;
    }

    /** A list: of values that write themselves, strings, integers, decimals or such lists. */
    Call put(String k, List<?> v) {
        list(key(k), Objects.requireNonNull(v, k));
        return this;
    }

    /** The whole {@code args} object, written by one value (e.g. a {@link Survey}). */
    Call args(Json.JsonWritable all) {
        if (sep != '{') {
            throw new IllegalStateException("args after members");
        }
        Objects.requireNonNull(all, "args").writeJson(sb);
        sep = 0;
        return this;
    }

    private static void list(StringBuilder out, List<?> l) {
        out.append('[');
        for (int i = 0, n = l.size(); i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = l.get(i);
            if (v instanceof Json.JsonWritable w) {
                w.writeJson(out);
            } else if (v instanceof BigDecimal d) {
                Json.decimal(out, d);
            } else if (v instanceof List<?> inner) {
                list(out, inner);
            } else {
                Json.write(out, v);
            }
        }
        out.append(']');
    }

    /** The request, UTF-8. */
    byte[] bytes() {
        if (sep == '{') {
            sb.append('{');
        }
        sb.append(sep == 0 ? "}" : "}}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code result} of a success response. */
    static Object result(byte[] response) {
        Map<String, Object> m = Json.obj(Json.parse(response), "response");
        return m.get("result");
    }

    private static final String STATE_PREFIX = "{\"v\":1,\"ok\":true,\"result\":{\"state\":";

    /**
     * The {@code state} of an {@code engine.export} response, as JSON text: sliced out of the
     * library's compact response, or else parsed and written again.
     */
    static String state(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        if (text.startsWith(STATE_PREFIX) && text.endsWith("}}")) {
            return text.substring(STATE_PREFIX.length(), text.length() - 2);
        }
        Map<String, Object> m = Json.obj(Json.parse(text), "response");
        return Json.write(Json.obj(m.get("result"), "result").get("state"));
    }
}
