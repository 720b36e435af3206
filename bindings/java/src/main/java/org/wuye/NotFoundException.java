package org.wuye;

/** No request with the given id ({@code unknown_request}). Status {@link Status#NOT_FOUND}. */
public final class NotFoundException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public NotFoundException(String code, String message, String response) {
        super(Status.NOT_FOUND, code, message, response);
    }
}
