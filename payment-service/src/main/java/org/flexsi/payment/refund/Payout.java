package org.flexsi.payment.refund;

/**
 * What one attempt to pay a refund back came to, at the payout bank or the payment's provider ({@code via}).
 * {@code detail}: their reference when PAID, their refusal when REFUSED, the error when UNREACHABLE.
 */
record Payout(Result result, String via, String detail) {
    enum Result {
        /** The money went back. */
        PAID,
        /** Refused for good (account closed, more than was paid, ...): retrying cannot help, ops must act. */
        REFUSED,
        /** No usable answer (down, 5xx, timeout): nothing is known to have moved; resent on the next run. */
        UNREACHABLE
    }

    static Payout paid(String via, String reference) {
        return new Payout(Result.PAID, via, reference);
    }

    static Payout refused(String via, String reason) {
        return new Payout(Result.REFUSED, via, reason);
    }

    static Payout unreachable(String via, String error) {
        return new Payout(Result.UNREACHABLE, via, error);
    }
}
