package org.flexsi.contracts.events;

import java.time.Instant;
import java.util.List;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** What a person owes (核定): the only source of the amount, lines and months a payment order may charge. Schema: {@code contracts/events/org.flexsi.assessment.created.v1.json}. */
public record AssessmentCreated(
        String assessmentId,
        String serialNumber,
        String personId,
        String region,
        Integer year,
        String source,
        List<LineItem> lines,
        String total,
        String catalogueVersion,
        Instant createdAt,
        Instant expiresAt) implements Event {
    public static final String TYPE = "org.flexsi.assessment.created.v1";

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
