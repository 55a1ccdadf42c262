package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A person is enrolled in one insurance from {@code firstMonth} (YYYY-MM), with the chosen grade or base and rate. {@code registrationVersion} is the person's registration version after this change (it grows with every change). Schema: {@code contracts/events/org.flexsi.enrolment.started.v1.json}. */
public record EnrolmentStarted(
        String personId,
        String insurance,
        String region,
        String firstMonth,
        String grade,
        String base,
        String rate,
        String plan,
        Instant startedAt,
        Long registrationVersion) implements Event {
    public static final String TYPE = "org.flexsi.enrolment.started.v1";

    /** Without the person's registration version (events written before it existed carry none). */
    public EnrolmentStarted(String personId, String insurance, String region, String firstMonth, String grade, String base, String rate, String plan, Instant startedAt) {
        this(personId, insurance, region, firstMonth, grade, base, rate, plan, startedAt, null);
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
