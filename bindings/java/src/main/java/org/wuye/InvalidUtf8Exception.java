package org.wuye;

/** The request bytes are not UTF-8. Status {@link Status#INVALID_UTF8}. */
public final class InvalidUtf8Exception extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public InvalidUtf8Exception(String code, String message, String response) {
        super(Status.INVALID_UTF8, code, message, response);
    }
}
