package org.flexsi.contracts.events;

import java.time.Instant;
import java.util.List;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** Money was taken for one assessment; {@code payerId} differs from {@code personId} when a proxy paid. Schema: {@code contracts/events/org.flexsi.payment.succeeded.v1.json}. */
public record PaymentSucceeded(
        String paymentId,
        String assessmentSerial,
        String personId,
        String payerId,
        String region,
        String channel,
        String provider,
        String providerTransactionId,
        List<LineItem> lines,
        String total,
        Instant paidAt) implements Event {
    public static final String TYPE = "org.flexsi.payment.succeeded.v1";

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
