package org.flexsi.contracts.events;

import java.time.Instant;
import java.util.List;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A payment certificate (完税证明) was issued for one or more payments. Schema: {@code contracts/events/org.flexsi.certificate.issued.v1.json}. */
public record CertificateIssued(
        String certificateNumber,
        String personId,
        List<String> paymentIds,
        String total,
        Instant issuedAt) implements Event {
    public static final String TYPE = "org.flexsi.certificate.issued.v1";

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
