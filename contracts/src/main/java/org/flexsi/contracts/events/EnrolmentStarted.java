package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A person is enrolled in one insurance from {@code firstMonth} (YYYY-MM), with the chosen grade or base and rate. Schema: {@code contracts/events/org.flexsi.enrolment.started.v1.json}. */
public record EnrolmentStarted(
        String personId,
        String insurance,
        String region,
        String firstMonth,
        String grade,
        String base,
        String rate,
        String plan,
        Instant startedAt) implements Event {
    public static final String TYPE = "org.flexsi.enrolment.started.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.REGISTRATION;
    }

    @Override
    public String partitionKey() {
        return personId;
    }
}
