package org.flexsi.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** An enrolment was suspended (停保) with a reason and a date (R4). {@code registrationVersion} is the person's registration version after this change (it grows with every change). Schema: {@code contracts/events/org.flexsi.enrolment.suspended.v1.json}. */
public record EnrolmentSuspended(
        String personId,
        String insurance,
        String region,
        String reason,
        LocalDate effectiveDate,
        Instant occurredAt,
        Long registrationVersion) implements Event {
    public static final String TYPE = "org.flexsi.enrolment.suspended.v1";

    /** Without the person's registration version (events written before it existed carry none). */
    public EnrolmentSuspended(String personId, String insurance, String region, String reason, LocalDate effectiveDate, Instant occurredAt) {
        this(personId, insurance, region, reason, effectiveDate, occurredAt, null);
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
