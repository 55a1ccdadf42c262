package org.flexsi.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A proxy payer put this person on his list (R21); keyed by the person paid for. Schema: {@code contracts/events/org.flexsi.proxy.linked.v1.json}. */
public record ProxyLinked(
        String personId,
        String proxyId,
        LocalDate consentDate,
        Instant occurredAt) implements Event {
    public static final String TYPE = "org.flexsi.proxy.linked.v1";

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
