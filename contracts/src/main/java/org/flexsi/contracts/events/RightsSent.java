package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A sync record was delivered to the agency that owns the right; {@code kind} PAYMENT or REVERSAL (null means PAYMENT). Schema: {@code contracts/events/org.flexsi.rights.sent.v1.json}. */
public record RightsSent(
        String recordId,
        String personId,
        String agency,
        String paymentId,
        Instant sentAt,
        String kind) implements Event {
    public static final String TYPE = "org.flexsi.rights.sent.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.RIGHTS;
    }

    @Override
    public String partitionKey() {
        return personId;
    }
}
