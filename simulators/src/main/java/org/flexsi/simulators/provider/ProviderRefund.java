package org.flexsi.simulators.provider;

import java.math.BigDecimal;
import java.time.Instant;

/** Money a provider gave back for a successful order; {@code merchantRefundId} is the merchant's idempotency key. */
public record ProviderRefund(String merchantRefundId, String merchantOrderId, String refundId, BigDecimal amount,
        Instant refundedAt) {
}
