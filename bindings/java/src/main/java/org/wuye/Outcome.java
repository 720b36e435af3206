package org.wuye;

import java.util.Map;
import java.util.function.Function;

/**
 * One item of a batch result: a value, or the failure of that item alone (the other items
 * still ran).
 *
 * @param <T> the value type
 * @param value the value, or null on failure
 * @param error the failure, or null on success
 */
public record Outcome<T>(T value, WuyeException error) {
    /**
     * Reads one batch item: {@code {"ok":true,"result":…}}, read by {@code read}, or
     * {@code {"ok":false,"error":…}}, as the exception of its status.
     */
    static <T> Outcome<T> from(Object item, Function<Object, T> read) {
        Map<String, Object> m = Json.obj(item, "item");
        if (Json.bool(m, "ok")) {
            return new Outcome<>(read.apply(m.get("result")), null);
        }
        Map<String, Object> e = Json.obj(m.get("error"), "error");
        Status st;
        try {
            st = Status.fromValue((int) Json.num(e, "status"));
        } catch (IllegalArgumentException x) {
            st = Status.PANIC;
        }
        return new Outcome<>(null, WuyeException.of(st == Status.OK ? Status.PANIC : st, Json.str(e, "code"),
                Json.str(e, "message"), Json.write(item)));
    }

    /** Whether the item succeeded. */
    public boolean isOk() {
        return error == null;
    }

    /**
     * The value.
     *
     * @throws WuyeException the item's failure, if it failed
     */
    public T get() {
        if (error != null) {
            throw error;
        }
        return value;
    }
}
