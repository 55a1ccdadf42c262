package org.flexsi.payment.bank;

/**
 * A call to a bank that did not give us what we asked for. {@code retryable}: the bank was down, slow or failing
 * (no answer, 5xx, 408, 429), so the same call later may work; otherwise it looked at the request and refused it.
 */
public class BankCallException extends RuntimeException {
    private final boolean retryable;

    public BankCallException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
