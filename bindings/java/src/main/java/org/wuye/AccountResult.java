package org.wuye;

import java.util.List;

/**
 * What {@link Engine#feeAccountExecute} returns: the new account and the events to store.
 *
 * @param account the account after the command
 * @param events what happened, in order
 */
public record AccountResult(Account account, List<AccountEvent> events) {
    /** Freezes {@code events}. */
    public AccountResult {
        events = List.copyOf(events);
    }
}
