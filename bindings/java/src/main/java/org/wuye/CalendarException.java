package org.wuye;

/** The calendar cannot answer ({@code year_not_covered}, {@code invalid_duration}, {@code reversed_range}). Status {@link Status#CALENDAR}. */
public final class CalendarException extends WuyeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its fine-grained code, message and raw response JSON (may be null). */
    public CalendarException(String code, String message, String response) {
        super(Status.CALENDAR, code, message, response);
    }
}
