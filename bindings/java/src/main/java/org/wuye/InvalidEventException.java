package org.wuye;

/** An event log entry does not apply ({@code unsupported_schema}, {@code event_mismatch}, {@code bad_events}). Status {@link Status#INVALID_EVENT}. */
public final class InvalidEventException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public InvalidEventException(String code, String message, String response) {
        super(Status.INVALID_EVENT, code, message, response);
    }
}
