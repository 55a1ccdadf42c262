package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** An interrupted enrolment was continued (续保) from {@code fromMonth}. Schema: {@code contracts/events/org.flexsi.enrolment.continued.v1.json}. */
public record EnrolmentContinued(
        String personId,
        String insurance,
        String region,
        String fromMonth,
        String grade,
        String base,
        String rate,
        String plan,
        Instant occurredAt) implements Event {
    public static final String TYPE = "org.flexsi.enrolment.continued.v1";

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
