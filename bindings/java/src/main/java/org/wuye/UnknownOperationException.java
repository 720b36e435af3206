package org.wuye;

/** No such operation. Status {@link Status#UNKNOWN_OPERATION}. */
public final class UnknownOperationException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public UnknownOperationException(String code, String message, String response) {
        super(Status.UNKNOWN_OPERATION, code, message, response);
    }
}
