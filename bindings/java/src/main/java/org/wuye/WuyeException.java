package org.wuye;

import java.util.Objects;

/**
 * A call that wuye refused or could not run. Carries the contract {@link #status()}, the
 * fine-grained {@link #code()} (e.g. {@code role_not_allowed}, {@code year_not_covered},
 * {@code unknown_field}) and the library's message. Each non-OK status has its own subclass,
 * so callers catch what they handle: {@link RefusedException}, {@link NotFoundException}...
 */
public class WuyeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Status status;
    private final String code;
    private final String response;

    /**
     * A failure.
     *
     * @param status the contract status (not {@link Status#OK})
     * @param code the fine-grained code
     * @param message the library's message
     * @param response the raw response JSON, or {@code null} when the failure arose in Java
     */
    protected WuyeException(Status status, String code, String message, String response) {
        super(message);
        this.status = Objects.requireNonNull(status, "status");
        this.code = Objects.requireNonNull(code, "code");
        this.response = response;
    }

    /** The contract status. */
    public Status status() {
        return status;
    }

    /** The fine-grained, machine-readable code, e.g. {@code role_not_allowed}. */
    public String code() {
        return code;
    }

    /**
     * The library's message (same as {@link #getMessage()}), naming the request, step, field
     * or line.
     */
    public String message() {
        return getMessage();
    }

    /** The raw failure response JSON, byte for byte as the library wrote it, if any. */
    public String response() {
        return response;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + status.wireName() + "/" + code + "]: " + getMessage();
    }

    /**
     * The exception for a failure: the subclass of its status.
     *
     * @param response the raw response JSON, or {@code null}
     * @throws IllegalArgumentException for {@link Status#OK}, which is not a failure
     */
    public static WuyeException of(Status status, String code, String message, String response) {
        return status.exception(code, message, response);
    }
}
