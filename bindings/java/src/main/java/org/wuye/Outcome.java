package org.wuye;

/**
 * One item of a batch result: a value, or the failure of that item alone (the other items
 * still ran).
 *
 * @param <T> the value type
 * @param value the value, or null on failure
 * @param error the failure, or null on success
 */
public record Outcome<T>(T value, WuyeException error) {
    /** Whether the item succeeded. */
    public boolean isOk() {
        return error == null;
    }

    /**
     * The value.
     *
     * @throws WuyeException the item's failure, if it failed
     */
    public T get() {
        if (error != null) {
            throw error;
        }
        return value;
    }
}
