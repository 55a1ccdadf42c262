package org.flexsi.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A sync record is not confirmed and its deadline is within one working day. Schema: {@code contracts/events/org.flexsi.rights.at-risk.v1.json}. */
public record RightsAtRisk(
        String recordId,
        String personId,
        String agency,
        String paymentId,
        LocalDate deadline,
        Instant detectedAt) implements Event {
    public static final String TYPE = "org.flexsi.rights.at-risk.v1";

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
