package org.wuye;

/** Engine configuration, SLA policy or calendar data is invalid. Status {@link Status#INVALID_CONFIG}. */
public final class InvalidConfigException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public InvalidConfigException(String code, String message, String response) {
        super(Status.INVALID_CONFIG, code, message, response);
    }
}
