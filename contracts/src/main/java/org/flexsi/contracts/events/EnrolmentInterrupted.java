package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** An enrolment was interrupted (减员); {@code lastCoveredMonth} is the last month it still covered. {@code registrationVersion} is the person's registration version after this change (it grows with every change). Schema: {@code contracts/events/org.flexsi.enrolment.interrupted.v1.json}. */
public record EnrolmentInterrupted(
        String personId,
        String insurance,
        String region,
        String lastCoveredMonth,
        String reason,
        Instant occurredAt,
        Long registrationVersion) implements Event {
    public static final String TYPE = "org.flexsi.enrolment.interrupted.v1";

    /** Without the person's registration version (events written before it existed carry none). */
    public EnrolmentInterrupted(String personId, String insurance, String region, String lastCoveredMonth, String reason, Instant occurredAt) {
        this(personId, insurance, region, lastCoveredMonth, reason, occurredAt, null);
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
