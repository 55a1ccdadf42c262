package org.flexsi.simulators.bank;

import java.math.BigDecimal;
import java.time.Instant;

/** Money paid out of flexsi's collection account; {@code status} SUCCESS or FAILED (then {@code reason} says why). */
public record Transfer(String transferId, String accountNumber, String accountName, String bankCode, BigDecimal amount,
        String purpose, String status, String bankTransactionId, String reason, Instant completedAt) {

    boolean sameRequest(Transfer other) {
        return accountNumber.equals(other.accountNumber) && accountName.equals(other.accountName)
                && bankCode.equals(other.bankCode) && amount.compareTo(other.amount) == 0 && purpose.equals(other.purpose);
    }
}
