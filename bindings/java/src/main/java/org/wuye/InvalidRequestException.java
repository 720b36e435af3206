package org.wuye;

/** Well-formed JSON that does not fit the operation (codes {@code unknown_field}, {@code missing_field}, {@code wrong_type}, {@code invalid_value}). Status {@link Status#INVALID_REQUEST}. */
public final class InvalidRequestException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public InvalidRequestException(String code, String message, String response) {
        super(Status.INVALID_REQUEST, code, message, response);
    }
}
