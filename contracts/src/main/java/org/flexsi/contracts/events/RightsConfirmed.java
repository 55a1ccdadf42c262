package org.flexsi.contracts.events;

import java.time.Instant;
import java.util.List;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** An agency confirmed the rights that one sync record carried (R24), or their
 * withdrawal when {@code kind} is REVERSAL (null means PAYMENT). Schema: {@code contracts/events/org.flexsi.rights.confirmed.v1.json}. */
public record RightsConfirmed(
        String recordId,
        String personId,
        String agency,
        String paymentId,
        String insurance,
        List<String> months,
        String agencyReference,
        Instant confirmedAt,
        String kind) implements Event {
    public static final String TYPE = "org.flexsi.rights.confirmed.v1";

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
