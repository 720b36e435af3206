package org.wuye;

/** The domain refused the step (codes such as {@code role_not_allowed}, {@code illegal_step}, {@code out_of_order}, {@code as_of_before_last_event}); nothing changed. Status {@link Status#REFUSED}. */
public final class RefusedException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public RefusedException(String code, String message, String response) {
        super(Status.REFUSED, code, message, response);
    }
}
