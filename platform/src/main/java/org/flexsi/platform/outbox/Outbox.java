package org.flexsi.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
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
    private static final int COLUMNS = 7;

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
        return publishAll(List.of(event)).get(0);
    }

    /** Several events in one insert: a batch of records announced together costs one round trip, not one each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<? extends Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(
                "insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at) values ");
        List<Object> values = new ArrayList<>(events.size() * COLUMNS);
        List<UUID> ids = new ArrayList<>(events.size());
        Instant now = Instant.now();
        for (Event event : events) {
            JsonNode payload = MAPPER.valueToTree(event);
            List<String> violations = EventSchemas.bundled().violations(event.eventType(), payload);
            if (!violations.isEmpty()) {
                // a bug in the producer: refuse it before it reaches any consumer
                throw new IllegalStateException(event.eventType() + " breaks its contract: " + violations);
            }
            UUID id = UUID.randomUUID();
            ids.add(id);
            int first = values.size() + 1;
            sql.append(values.isEmpty() ? "" : ", ").append('(');
            for (int column = 0; column < COLUMNS; column++) {
                sql.append(column == 0 ? "?" : ", ?").append(first + column);
            }
            sql.append(')');
            values.addAll(List.of(id, event.topic(), event.partitionKey(), event.eventType(), event.subject(),
                    payload.toString(), now));
        }
        Query insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
        ids.forEach(id -> written.fire(new OutboxWritten(id)));
        return ids;
    }
}
