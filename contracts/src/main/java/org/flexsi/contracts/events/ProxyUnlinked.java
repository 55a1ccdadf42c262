package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A proxy payer removed this person from his list. Schema: {@code contracts/events/org.flexsi.proxy.unlinked.v1.json}. */
public record ProxyUnlinked(
        String personId,
        String proxyId,
        Instant occurredAt) implements Event {
    public static final String TYPE = "org.flexsi.proxy.unlinked.v1";

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
