package org.wuye;

/** The engine is closed (or, at the C level, its handle is NULL, freed or foreign). Status {@link Status#INVALID_HANDLE}. */
public final class InvalidHandleException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public InvalidHandleException(String code, String message, String response) {
        super(Status.INVALID_HANDLE, code, message, response);
    }
}
