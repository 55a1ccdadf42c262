package org.flexsi.platform.crypto;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.outbox.Outbox;

/**
 * Moves every encrypted column's values to the data key that encrypts now: values still in plain text (rows from
 * before encryption) and values under an older data key (after {@link FieldCipher#rotateDataKey} or a new master
 * key). Runs in chunks of {@value #CHUNK} rows, each its own short transaction with the rows locked
 * ({@code FOR UPDATE SKIP LOCKED}), so the service keeps serving while it works and two instances share the work.
 * The columns are the platform's (outbox payloads, stored idempotent answers) and the service's
 * {@code flexsi.crypto.encrypted-columns} ({@code table.column}, all text).
 */
@ApplicationScoped
public class Reencryption {
    static final int CHUNK = 500;

    private final EntityManager em;
    private final FieldCipher cipher;
    private final List<String> columns;

    public Reencryption(EntityManager em, FieldCipher cipher, CryptoConfig config) {
        this.em = em;
        this.cipher = cipher;
        this.columns = new java.util.ArrayList<>(List.of(Outbox.PAYLOAD_COLUMN, IdempotencyKeys.BODY_COLUMN));
        this.columns.addAll(config.encryptedColumns().orElse(List.of()));
    }

    /** No service runs without its keys: a missing or wrong master key stops it at start, not at its first event. */
    void onStart(@Observes StartupEvent started) {
        cipher.currentPrefix();
    }

    @Scheduled(every = "${flexsi.crypto.reencrypt-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runAll();
        } catch (RuntimeException e) {
            Log.warnf("re-encryption paused: %s", e.getMessage());
        }
    }

    /** Re-encrypts every column to the end; returns how many values it moved. */
    public int runAll() {
        int moved = 0;
        for (String column : columns) {
            int chunk;
            do {
                chunk = QuarkusTransaction.requiringNew().call(() -> chunk(column));
                moved += chunk;
            } while (chunk == CHUNK);
        }
        if (moved > 0) {
            Log.infof("re-encryption moved %d values to the current data key", moved);
        }
        return moved;
    }

    private int chunk(String qualified) {
        String[] parts = qualified.trim().split("\\.");
        String table = identifier(parts[0]);
        String column = identifier(parts[1]);
        String current = cipher.currentPrefix();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select cast(ctid as text), " + column + " from " + table + " where "
                        + column + " is not null and " + column + " not like ?1 limit ?2 for update skip locked")
                .setParameter(1, current + "%").setParameter(2, CHUNK).getResultList();
        for (Object[] row : rows) {
            String value = cipher.encrypt(qualified, cipher.decrypt(qualified, (String) row[1]));
            em.createNativeQuery("update " + table + " set " + column + " = ?1 where ctid = cast(?2 as tid)")
                    .setParameter(1, value).setParameter(2, row[0]).executeUpdate();
        }
        return rows.size();
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("not a plain table or column name: " + name);
        }
        return name;
    }
}
