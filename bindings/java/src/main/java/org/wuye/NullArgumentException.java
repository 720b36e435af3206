package org.wuye;

/** A required pointer was NULL at the C boundary. Status {@link Status#NULL_ARGUMENT}. */
public final class NullArgumentException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public NullArgumentException(String code, String message, String response) {
        super(Status.NULL_ARGUMENT, code, message, response);
    }
}
