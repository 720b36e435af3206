package org.wuye;

/** The request (or config) is not well-formed JSON. Status {@link Status#MALFORMED_JSON}. */
public final class MalformedJsonException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public MalformedJsonException(String code, String message, String response) {
        super(Status.MALFORMED_JSON, code, message, response);
    }
}
