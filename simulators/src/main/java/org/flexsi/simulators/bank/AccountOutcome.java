package org.flexsi.simulators.bank;

/** What happens to money asked of (or sent to) an account: PAID unless a test set another outcome. */
public enum AccountOutcome {
    PAID, INSUFFICIENT_FUNDS, ACCOUNT_CLOSED, ACCOUNT_NOT_FOUND, REFUSED;

    /** Money cannot arrive at an account that is closed or does not exist; a poor account can still receive. */
    boolean canReceive() {
        return this != ACCOUNT_CLOSED && this != ACCOUNT_NOT_FOUND;
    }
}
