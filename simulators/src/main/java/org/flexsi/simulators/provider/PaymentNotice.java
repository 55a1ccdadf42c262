package org.flexsi.simulators.provider;

import java.math.BigDecimal;
import java.time.Instant;

/** The provider's payment notification: the body of the callback and of the pay endpoint's answer. */
record PaymentNotice(String merchantOrderId, String providerOrderId, String transactionId, BigDecimal amount,
        PaymentStatus status, Instant paidAt) {

    static PaymentNotice of(ProviderOrder order) {
        return new PaymentNotice(order.merchantOrderId(), order.providerOrderId(), order.transactionId(),
                order.reportedAmount(), order.status(), order.paidAt());
    }

    PaymentNotice withStatus(PaymentStatus other) {
        return new PaymentNotice(merchantOrderId, providerOrderId, transactionId, amount, other, paidAt);
    }
}
