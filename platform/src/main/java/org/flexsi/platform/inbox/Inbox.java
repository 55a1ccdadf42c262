package org.flexsi.platform.inbox;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Idempotent consumption: the event id is recorded in the same transaction as the effect, so a
 * redelivered event changes nothing. Transient failures (database briefly down) are retried here;
 * a record that can never be processed is rethrown, and the channel's dead-letter strategy parks it
 * on {@code <topic>.dlq} with the reason and the original headers.
 */
@ApplicationScoped
public class Inbox {
    private static final int ATTEMPTS = 5;

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** Applies {@code effect} once per event id; returns whether this delivery had an effect. */
    public boolean consume(ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        IncomingEvent event = IncomingEvent.parse(record);
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(event)) {
                        Log.debugf("event %s already processed", event.id());
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !transientFailure(e)) {
                    throw e;
                }
                Log.warnf("retrying event %s (%s), attempt %d: %s", event.id(), event.type(), attempt, e.getMessage());
                sleep(200L << attempt);
            }
        }
    }

    private boolean firstDelivery(IncomingEvent event) {
        return em.createNativeQuery("insert into inbox_event (event_id, topic, event_type, processed_at) values (?1, ?2, ?3, ?4)"
                + " on conflict (event_id) do nothing")
                .setParameter(1, event.id()).setParameter(2, event.topic()).setParameter(3, event.type())
                .setParameter(4, Instant.now()).executeUpdate() == 1;
    }

    private static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
