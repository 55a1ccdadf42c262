package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A payment attempt failed; the assessment stays payable. Schema: {@code contracts/events/org.flexsi.payment.failed.v1.json}. */
public record PaymentFailed(
        String paymentId,
        String assessmentSerial,
        String personId,
        String payerId,
        String channel,
        String reason,
        Instant failedAt) implements Event {
    public static final String TYPE = "org.flexsi.payment.failed.v1";

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
