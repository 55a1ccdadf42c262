package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** An assessment was cancelled and may no longer be paid. Schema: {@code contracts/events/org.flexsi.assessment.cancelled.v1.json}. */
public record AssessmentCancelled(
        String assessmentId,
        String serialNumber,
        String personId,
        String reason,
        Instant occurredAt) implements Event {
    public static final String TYPE = "org.flexsi.assessment.cancelled.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ASSESSMENT;
    }

    @Override
    public String partitionKey() {
        return personId;
    }
}
