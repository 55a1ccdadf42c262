package org.flexsi.platform.retention;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the platform's own tables from growing without end: each service's outbox, inbox and stored
 * idempotent answers gain rows with every event and every client write. A row goes once nothing can need
 * it any more:
 * <ul>
 * <li>a sent outbox row after {@code flexsi.retention.outbox} (7 days, kept for ops to look at);</li>
 * <li>a consumed event id after {@code flexsi.retention.inbox} (30 days). Keep it longer than a topic keeps its
 * records (Kafka's default: 7 days): a consumer that re-reads a topic from its start must still find every
 * id it has applied;</li>
 * <li>a stored answer after {@code flexsi.retention.idempotency} (7 days): how long a client may retry a write
 * with the same Idempotency-Key and get the first answer.</li>
 * </ul>
 * Deletes go in chunks, each its own short transaction, so a large backlog never holds locks for long.
 */
@ApplicationScoped
public class Retention {
    static final int CHUNK = 10_000;

    private final EntityManager em;
    private final Duration outbox;
    private final Duration inbox;
    private final Duration idempotency;

    public Retention(EntityManager em,
            @ConfigProperty(name = "flexsi.retention.outbox", defaultValue = "7d") Duration outbox,
            @ConfigProperty(name = "flexsi.retention.inbox", defaultValue = "30d") Duration inbox,
            @ConfigProperty(name = "flexsi.retention.idempotency", defaultValue = "7d") Duration idempotency) {
        this.em = em;
        this.outbox = outbox;
        this.inbox = inbox;
        this.idempotency = idempotency;
    }

    @Scheduled(every = "${flexsi.retention.every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            prune(Instant.now());
        } catch (RuntimeException e) {
            Log.warnf("retention paused until its next run: %s", e.getMessage());
        }
    }

    /** Deletes what has outlived its retention at {@code now}; returns how many rows went, per table. */
    public Map<String, Long> prune(Instant now) {
        Map<String, Long> deleted = new TreeMap<>();
        deleted.put("outbox_event", prune("outbox_event", "sent_at", now.minus(outbox)));
        deleted.put("inbox_event", prune("inbox_event", "processed_at", now.minus(inbox)));
        deleted.put("idempotency_record", prune("idempotency_record", "created_at", now.minus(idempotency)));
        if (deleted.values().stream().anyMatch(count -> count > 0)) {
            Log.infof("retention deleted %s", deleted);
        }
        return deleted;
    }

    /** Table and column are the constants above, never input. A null {@code sent_at} (unsent) never matches. */
    private long prune(String table, String column, Instant before) {
        long total = 0;
        int chunk;
        do {
            chunk = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from " + table
                    + " where ctid = any(array(select ctid from " + table + " where " + column + " < ?1 limit " + CHUNK + "))")
                    .setParameter(1, before).executeUpdate());
            total += chunk;
        } while (chunk == CHUNK);
        return total;
    }
}
