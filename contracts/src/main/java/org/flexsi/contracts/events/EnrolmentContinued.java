package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** An interrupted enrolment was continued (续保) from {@code fromMonth}. {@code registrationVersion} is the person's registration version after this change (it grows with every change). Schema: {@code contracts/events/org.flexsi.enrolment.continued.v1.json}. */
public record EnrolmentContinued(
        String personId,
        String insurance,
        String region,
        String fromMonth,
        String grade,
        String base,
        String rate,
        String plan,
        Instant occurredAt,
        Long registrationVersion) implements Event {
    public static final String TYPE = "org.flexsi.enrolment.continued.v1";

    /** Without the person's registration version (events written before it existed carry none). */
    public EnrolmentContinued(String personId, String insurance, String region, String fromMonth, String grade, String base, String rate, String plan, Instant occurredAt) {
        this(personId, insurance, region, fromMonth, grade, base, rate, plan, occurredAt, null);
    }

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
