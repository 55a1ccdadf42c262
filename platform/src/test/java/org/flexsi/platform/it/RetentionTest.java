package org.flexsi.platform.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flexsi.platform.retention.Retention;
import org.junit.jupiter.api.Test;

/** Outbox, inbox and idempotency rows go once past their retention (defaults: 7, 30 and 7 days), and only then. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class RetentionTest {
    @Inject
    Retention retention;
    @Inject
    EntityManager em;

    @Test
    void rowsGoOncePastTheirRetentionAndAnUnsentEventNever() {
        UUID sentLongAgo = outboxRow("now() - interval '9 days'", "now() - interval '8 days'");
        UUID sentLately = outboxRow("now() - interval '7 days'", "now() - interval '6 days'");
        UUID neverSent = outboxRow("now() - interval '40 days'", "null");
        UUID consumedLongAgo = inboxRow("now() - interval '31 days'");
        UUID consumedLately = inboxRow("now() - interval '29 days'");
        String answeredLongAgo = idempotencyRow("now() - interval '8 days'");
        String answeredLately = idempotencyRow("now() - interval '6 days'");
        try {
            Map<String, Long> deleted = retention.prune(Instant.now());

            assertTrue(deleted.get("outbox_event") >= 1 && deleted.get("inbox_event") >= 1
                    && deleted.get("idempotency_record") >= 1, deleted.toString());
            assertEquals(0, count("select count(*) from outbox_event where event_id = ?1", sentLongAgo));
            assertEquals(1, count("select count(*) from outbox_event where event_id = ?1", sentLately));
            assertEquals(1, count("select count(*) from outbox_event where event_id = ?1", neverSent), "unsent: kept");
            assertEquals(0, count("select count(*) from inbox_event where event_id = ?1", consumedLongAgo));
            assertEquals(1, count("select count(*) from inbox_event where event_id = ?1", consumedLately));
            assertEquals(0, count("select count(*) from idempotency_record where idem_key = ?1", answeredLongAgo));
            assertEquals(1, count("select count(*) from idempotency_record where idem_key = ?1", answeredLately));
        } finally {
            // the outbox tests count unsent rows: leave none behind
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from outbox_event where event_id = ?1")
                    .setParameter(1, neverSent).executeUpdate());
        }
    }

    @Test
    void aBacklogLargerThanOneChunkGoesWhole() {
        int rows = 10_000 + 37;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into inbox_event"
                + " select gen_random_uuid(), 'flexsi.test', 'backlog', now() - interval '45 days' from generate_series(1, ?1)")
                .setParameter(1, rows).executeUpdate());

        assertTrue(retention.prune(Instant.now()).get("inbox_event") >= rows);
        assertEquals(0, count("select count(*) from inbox_event where processed_at < now() - interval '30 days'", null));
    }

    private UUID outboxRow(String occurred, String sent) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into outbox_event (event_id, topic, event_key,"
                + " event_type, payload, occurred_at, sent_at) values (?1, 'flexsi.test', 'k', 'test', '{}', " + occurred + ", "
                + sent + ")").setParameter(1, id).executeUpdate());
        return id;
    }

    private UUID inboxRow(String processed) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into inbox_event (event_id, topic, event_type,"
                + " processed_at) values (?1, 'flexsi.test', 'test', " + processed + ")").setParameter(1, id).executeUpdate());
        return id;
    }

    private String idempotencyRow(String created) {
        String key = "retention-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into idempotency_record (scope, idem_key,"
                + " request_hash, status, body, created_at) values ('test', ?1, 'h', 201, '{}', " + created + ")")
                .setParameter(1, key).executeUpdate());
        return key;
    }

    private long count(String sql, Object id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            if (id != null) {
                query.setParameter(1, id);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
