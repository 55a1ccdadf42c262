package org.flexsi.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A person was registered (R3): everything a consumer needs to recognise them, including the full ID number. {@code registrationVersion} is the person's registration version after this change (it grows with every change). Schema: {@code contracts/events/org.flexsi.person.registered.v1.json}. */
public record PersonRegistered(
        String personId,
        String idType,
        String idNumber,
        String name,
        String sex,
        LocalDate birthDate,
        String region,
        String agency,
        String personalNumber,
        String mobile,
        Instant registeredAt,
        Long registrationVersion) implements Event {
    public static final String TYPE = "org.flexsi.person.registered.v1";

    /** Without the person's registration version (events written before it existed carry none). */
    public PersonRegistered(String personId, String idType, String idNumber, String name, String sex, LocalDate birthDate, String region, String agency, String personalNumber, String mobile, Instant registeredAt) {
        this(personId, idType, idNumber, name, sex, birthDate, region, agency, personalNumber, mobile, registeredAt, null);
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
