package org.wuye;

/**
 * Status of a call, as in the contract and the C header ({@code WuyeStatus}). Values are
 * stable and never reused.
 */
public enum Status {
    /** Success. */
    OK(0, "ok"),
    /** A required pointer argument was NULL (C ABI only; the binding never sends one). */
    NULL_ARGUMENT(1, "null_argument"),
    /** The request bytes are not UTF-8. */
    INVALID_UTF8(2, "invalid_utf8"),
    /** The request is not well-formed JSON (or is truncated). */
    MALFORMED_JSON(3, "malformed_json"),
    /** The request's contract version {@code v} is not one the library speaks. */
    UNSUPPORTED_VERSION(4, "unsupported_version"),
    /** No such operation. */
    UNKNOWN_OPERATION(5, "unknown_operation"),
    /** Well-formed JSON that does not fit the operation: unknown field, wrong type... */
    INVALID_REQUEST(6, "invalid_request"),
    /** The domain refused: role, stage, time order, field value. Nothing changed. */
    REFUSED(7, "refused"),
    /** No request with that id. */
    NOT_FOUND(8, "not_found"),
    /** The id already exists. */
    CONFLICT(9, "conflict"),
    /** The calendar cannot answer (a year without data, a zero duration, a reversed range). */
    CALENDAR(10, "calendar"),
    /** Engine configuration, SLA policy or calendar data is invalid. */
    INVALID_CONFIG(11, "invalid_config"),
    /** An event log entry does not apply. */
    INVALID_EVENT(12, "invalid_event"),
    /** The engine handle is closed (or NULL, freed, foreign at the C level). */
    INVALID_HANDLE(13, "invalid_handle"),
    /** A panic was caught at the C boundary; the engine is unchanged. Please report it. */
    PANIC(14, "panic");

    private static final Status[] BY_VALUE = values();

    private final int value;
    private final String wireName;

    Status(int value, String wireName) {
        this.value = value;
        this.wireName = wireName;
    }

    /** The numeric value, as in the C header and the response's {@code error.status}. */
    public int value() {
        return value;
    }

    /** The stable snake_case name ({@code wuye_status_name}). */
    public String wireName() {
        return wireName;
    }

    /**
     * The status with the given value.
     *
     * @throws IllegalArgumentException for a value this binding does not know
     */
    public static Status fromValue(int value) {
        if (value < 0 || value >= BY_VALUE.length) {
            throw new IllegalArgumentException("unknown wuye status " + value);
        }
        return BY_VALUE[value];
    }
}
