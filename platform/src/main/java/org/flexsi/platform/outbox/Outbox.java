package org.flexsi.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.EventSchemas;
import org.flexsi.contracts.Json;

/**
 * Records an event in the caller's transaction. Nothing is sent here: {@link OutboxRelay} publishes
 * committed rows, so a state change and its event are either both kept or both lost.
 */
@ApplicationScoped
public class Outbox {
    private static final ObjectMapper MAPPER = Json.eventMapper();

    private final EntityManager em;
    private final jakarta.enterprise.event.Event<OutboxWritten> written;

    public Outbox(EntityManager em, jakarta.enterprise.event.Event<OutboxWritten> written) {
        this.em = em;
        this.written = written;
    }

    /** Fired in the writing transaction; the relay wakes up once it commits. */
    public record OutboxWritten(UUID eventId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(Event event) {
        JsonNode payload = MAPPER.valueToTree(event);
        List<String> violations = EventSchemas.bundled().violations(event.eventType(), payload);
        if (!violations.isEmpty()) {
            // a bug in the producer: refuse it before it reaches any consumer
            throw new IllegalStateException(event.eventType() + " breaks its contract: " + violations);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, id)
                .setParameter(2, event.topic())
                .setParameter(3, event.partitionKey())
                .setParameter(4, event.eventType())
                .setParameter(5, event.subject())
                .setParameter(6, payload.toString())
                .setParameter(7, Instant.now())
                .executeUpdate();
        written.fire(new OutboxWritten(id));
        return id;
    }
}
