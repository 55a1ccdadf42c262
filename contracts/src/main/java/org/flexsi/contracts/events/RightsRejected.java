package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** An agency rejected a sync record; it waits on the ops work list. Schema: {@code contracts/events/org.flexsi.rights.rejected.v1.json}. */
public record RightsRejected(
        String recordId,
        String personId,
        String agency,
        String paymentId,
        String reason,
        Instant rejectedAt) implements Event {
    public static final String TYPE = "org.flexsi.rights.rejected.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.RIGHTS;
    }

    @Override
    public String partitionKey() {
        return personId;
    }
}
