package org.wuye;

/** The request id already exists ({@code duplicate_request}). Status {@link Status#CONFLICT}. */
public final class ConflictException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public ConflictException(String code, String message, String response) {
        super(Status.CONFLICT, code, message, response);
    }
}
