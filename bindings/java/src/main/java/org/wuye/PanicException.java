package org.wuye;

/** A panic was caught at the C boundary; the engine is unchanged. Please report it. Status {@link Status#PANIC}. */
public final class PanicException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public PanicException(String code, String message, String response) {
        super(Status.PANIC, code, message, response);
    }
}
