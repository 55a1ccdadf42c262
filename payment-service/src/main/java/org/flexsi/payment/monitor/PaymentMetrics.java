package org.flexsi.payment.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.flexsi.platform.observability.AfterCommit;

/**
 * What operations watch at {@code /q/metrics}: payments settled per channel and outcome, refunds paid back or refused, and the callbacks refused for a bad signature. Counted only once the
 * transaction that made them commits, so a rolled-back booking is never counted.
 */
@ApplicationScoped
public class PaymentMetrics {
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    public PaymentMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    /** outcome: the settlement's action, BOOK, BOOK_AND_REFUND (money that must not count), FAIL or HOLD (amount differs). */
    public void settled(String channel, String outcome) {
        afterCommit.run(() -> registry.counter("flexsi.payments.settled", "channel", channel, "outcome", outcome).increment());
    }

    /** outcome: PAID (the money went back) or REFUSED (ops must act). */
    public void refundPaidOut(String kind, String outcome) {
        afterCommit.run(() -> registry.counter("flexsi.refunds.payouts", "kind", kind, "outcome", outcome).increment());
    }

    /** A provider or bank message whose signature did not verify; nothing was changed by it. */
    public void signatureRefused(String party) {
        registry.counter("flexsi.signatures.refused", "party", party).increment();
    }
}
