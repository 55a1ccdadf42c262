package org.flexsi.simulators.provider;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.flexsi.simulators.Party;

/**
 * A payment order as a provider holds it. {@code paidAmount} is what the payer actually paid, which a
 * test may make differ from {@code amount} to simulate a mismatch; it is null until paid.
 */
public record ProviderOrder(Party provider, String merchantOrderId, String providerOrderId, BigDecimal amount,
        String description, URI notifyUrl, String qrCode, PaymentStatus status, String transactionId,
        BigDecimal paidAmount, Instant paidAt) {

    ProviderOrder settled(PaymentStatus outcome, String transactionId, BigDecimal paidAmount, Instant paidAt) {
        return new ProviderOrder(provider, merchantOrderId, providerOrderId, amount, description, notifyUrl, qrCode,
                outcome, transactionId, paidAmount, paidAt);
    }

    ProviderOrder closed() {
        return new ProviderOrder(provider, merchantOrderId, providerOrderId, amount, description, notifyUrl, qrCode,
                PaymentStatus.CLOSED, transactionId, paidAmount, paidAt);
    }

    /** The amount to report: what was paid once there was a payment, the order amount before. */
    public BigDecimal reportedAmount() {
        return paidAmount != null ? paidAmount : amount;
    }
}
