package org.wuye;

import java.util.List;
import java.util.Map;

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

    /** Reads the result of {@code fee.account.execute}. */
    static AccountResult from(Object json) {
        Map<String, Object> m = Json.obj(json, "result");
        return new AccountResult(Account.from(m.get("account")), AccountEvent.list(m.get("events")));
    }
}
