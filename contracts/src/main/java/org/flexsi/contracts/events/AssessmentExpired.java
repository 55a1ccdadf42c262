package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** An unpaid assessment passed its expiry. Schema: {@code contracts/events/org.flexsi.assessment.expired.v1.json}. */
public record AssessmentExpired(
        String assessmentId,
        String serialNumber,
        String personId,
        Instant expiredAt) implements Event {
    public static final String TYPE = "org.flexsi.assessment.expired.v1";

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
