package org.flexsi.payment.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.flexsi.contracts.events.PaymentFailed;
import org.flexsi.platform.outbox.Outbox;

/** Ends orders that can no longer be paid; the provider side is closed afterwards by the sweeper. */
@ApplicationScoped
public class OrderExpiry {
    private final Outbox outbox;
    private final Clock clock;

    public OrderExpiry(Outbox outbox, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void expireLiveOrders(String assessmentSerial, String reason) {
        Payment.<Payment>list("assessmentSerial = ?1 and status = ?2", assessmentSerial, PaymentStatus.PAYING)
                .forEach(payment -> expire(payment, reason));
    }

    /** Every order that was PAYING ends with exactly one event: succeeded, failed (this) or refunded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Payment payment, String reason) {
        Instant now = clock.instant();
        payment.status = PaymentStatus.EXPIRED;
        payment.statusReason = reason;
        payment.updatedAt = now;
        outbox.publish(new PaymentFailed(payment.id.toString(), payment.assessmentSerial, payment.personId,
                payment.payerId, payment.channel.name(), reason, now));
    }
}
