package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** The medical rate changed (R5: interrupt the old account, re-enrol at the new rate, as one step). {@code registrationVersion} is the person's registration version after this change (it grows with every change). Schema: {@code contracts/events/org.flexsi.medical-rate.changed.v1.json}. */
public record MedicalRateChanged(
        String personId,
        String region,
        String oldRate,
        String newRate,
        String oldPlan,
        String newPlan,
        String effectiveMonth,
        Instant occurredAt,
        Long registrationVersion) implements Event {
    public static final String TYPE = "org.flexsi.medical-rate.changed.v1";

    /** Without the person's registration version (events written before it existed carry none). */
    public MedicalRateChanged(String personId, String region, String oldRate, String newRate, String oldPlan, String newPlan, String effectiveMonth, Instant occurredAt) {
        this(personId, region, oldRate, newRate, oldPlan, newPlan, effectiveMonth, occurredAt, null);
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
