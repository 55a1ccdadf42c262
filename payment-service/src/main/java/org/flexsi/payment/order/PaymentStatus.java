package org.flexsi.payment.order;

/**
 * PAYING (缴款中, R20) until the channel reports; then PAID (counts for the assessment), FAILED or EXPIRED
 * (nothing taken), HELD (the channel reported another amount: ops decide), REFUNDED (taken twice or too
 * late: booked and given back, never counted) or REVERSED (a bank's same-day reversal, 冲正).
 */
public enum PaymentStatus {
    PAYING, PAID, FAILED, EXPIRED, HELD, REFUNDED, REVERSED;

    public boolean settled() {
        return this != PAYING && this != EXPIRED && this != FAILED;
    }
}
