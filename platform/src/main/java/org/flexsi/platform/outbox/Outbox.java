package org.flexsi.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.EventSchemas;
import org.flexsi.contracts.Json;
import org.flexsi.platform.crypto.FieldCipher;
import org.flexsi.platform.observability.TraceContext;
import org.hibernate.query.NativeQuery;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * Records an event in the caller's transaction. Nothing is sent here: {@link OutboxRelay} publishes
 * committed rows, so a state change and its event are either both kept or both lost.
 */
@ApplicationScoped
public class Outbox {
    private static final ObjectMapper MAPPER = Json.eventMapper();
    private static final int COLUMNS = 8;

    /** Payloads may hold personal data (a person's ID number for the agencies): encrypted at rest. */
    public static final String PAYLOAD_COLUMN = "outbox_event.payload";

    private final EntityManager em;
    private final jakarta.enterprise.event.Event<OutboxWritten> written;
    private final FieldCipher cipher;

    public Outbox(EntityManager em, jakarta.enterprise.event.Event<OutboxWritten> written, FieldCipher cipher) {
        this.em = em;
        this.written = written;
        this.cipher = cipher;
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
                "insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at, trace_parent) values ");
        List<Object> values = new ArrayList<>(events.size() * COLUMNS);
        List<UUID> ids = new ArrayList<>(events.size());
        Instant now = Instant.now();
        // the writing transaction's trace travels with its events, so their consumers continue it
        String traceParent = TraceContext.current();
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
            values.addAll(Arrays.asList(id, event.topic(), event.partitionKey(), event.eventType(), event.subject(),
                    cipher.encrypt(PAYLOAD_COLUMN, payload.toString()), now, traceParent));
        }
        // it touches the outbox table alone: unless told so, Hibernate flushes (and dirty-checks) the whole session first
        Query insert = em.createNativeQuery(sql.toString()).unwrap(NativeQuery.class).addSynchronizedQuerySpace("outbox_event");
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                insert.setParameter(i + 1, new TypedParameterValue<>(StandardBasicTypes.STRING, null));
            } else {
                insert.setParameter(i + 1, value);
            }
        }
        insert.executeUpdate();
        ids.forEach(id -> written.fire(new OutboxWritten(id)));
        return ids;
    }
}
