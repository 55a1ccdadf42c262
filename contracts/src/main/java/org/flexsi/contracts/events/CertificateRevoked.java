package org.flexsi.contracts.events;

import java.time.Instant;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A certificate no longer certifies the truth (a refund changed it) and was revoked. Schema: {@code contracts/events/org.flexsi.certificate.revoked.v1.json}. */
public record CertificateRevoked(
        String certificateNumber,
        String personId,
        String reason,
        Instant revokedAt) implements Event {
    public static final String TYPE = "org.flexsi.certificate.revoked.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.CERTIFICATE;
    }

    @Override
    public String partitionKey() {
        return personId;
    }
}
