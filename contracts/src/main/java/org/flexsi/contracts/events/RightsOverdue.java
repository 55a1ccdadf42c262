package org.flexsi.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A sync record passed its deadline (payment date + 3 working days) unconfirmed. Schema: {@code contracts/events/org.flexsi.rights.overdue.v1.json}. */
public record RightsOverdue(
        String recordId,
        String personId,
        String agency,
        String paymentId,
        LocalDate deadline,
        Instant detectedAt) implements Event {
    public static final String TYPE = "org.flexsi.rights.overdue.v1";

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
