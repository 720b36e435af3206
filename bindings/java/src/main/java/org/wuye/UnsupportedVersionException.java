package org.wuye;

/** The request's contract version is not one the library speaks. Status {@link Status#UNSUPPORTED_VERSION}. */
public final class UnsupportedVersionException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public UnsupportedVersionException(String code, String message, String response) {
        super(Status.UNSUPPORTED_VERSION, code, message, response);
    }
}
