package org.flexsi.contracts.events;

import java.time.Instant;
import java.util.List;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** Money of a payment went back to the payer (退付, R25); {@code lines} are the refunded lines;
 * {@code refundKind} AUTOMATIC marks money that never had a payment.succeeded (null in older events). Schema: {@code contracts/events/org.flexsi.payment.refunded.v1.json}. */
public record PaymentRefunded(
        String refundId,
        String paymentId,
        String assessmentSerial,
        String personId,
        String region,
        List<LineItem> lines,
        String total,
        String reason,
        Instant refundedAt,
        String refundKind) implements Event {
    public static final String TYPE = "org.flexsi.payment.refunded.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PAYMENT;
    }

    @Override
    public String partitionKey() {
        return personId;
    }
}
