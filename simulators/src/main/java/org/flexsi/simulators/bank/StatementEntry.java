package org.flexsi.simulators.bank;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One money movement on a bank's books. {@code reference} is flexsi's id for it: the payment id of a debit
 * line, the transfer id of a transfer.
 */
public record StatementEntry(String transactionId, String reference, Kind kind, BigDecimal amount, String status,
        Instant bookedAt) {

    public enum Kind { DEBIT, TRANSFER }
}
