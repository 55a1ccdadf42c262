package org.flexsi.payment.person;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import org.flexsi.payment.common.Digests;
import org.flexsi.platform.crypto.BlindIndex;

/**
 * How payment-service finds a person by ID number without keeping it: the keyed blind index of kind
 * {@value #KIND} over the number blank-stripped and upper-cased (the check digit X either way), exactly as
 * assessment-service forms it, so one person has one index in every service. {@code person.id_number_hash} held an
 * unkeyed SHA-256 of the same form; {@link #migrate} turns those values into the index in place
 * ({@link BlindIndex#ofSha256}), marking each row {@code id_number_keyed}, at start-up and then every minute until
 * none is left (chunks of {@value #CHUNK}, rows locked and skipped by a second instance).
 */
@ApplicationScoped
public class ResidentIds {
    public static final String KIND = "resident-id";
    static final int CHUNK = 500;

    private final BlindIndex index;
    private final EntityManager em;

    public ResidentIds(BlindIndex index, EntityManager em) {
        this.index = index;
        this.em = em;
    }

    /** The ID number as every service indexes it. */
    public static String normalised(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }

    /** The keyed index of an ID number. */
    public String index(String idNumber) {
        return index.of(KIND, normalised(idNumber));
    }

    /** The unkeyed SHA-256 a row not migrated yet still holds. */
    static String legacyDigest(String idNumber) {
        return Digests.idNumber(idNumber);
    }

    void onStart(@Observes StartupEvent started) {
        migrateQuietly();
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        migrateQuietly();
    }

    private void migrateQuietly() {
        try {
            migrate();
        } catch (RuntimeException e) {
            Log.warnf("resident-id index migration paused, retried every minute: %s", e.getMessage());
        }
    }

    /** Migrates every unkeyed row; returns how many. */
    public int migrate() {
        int moved = 0;
        int chunk;
        do {
            chunk = QuarkusTransaction.requiringNew().call(this::chunk);
            moved += chunk;
        } while (chunk == CHUNK);
        if (moved > 0) {
            Log.infof("resident-id index: %d persons' unkeyed ID number digests replaced by the keyed index", moved);
        }
        return moved;
    }

    private int chunk() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select person_id, id_number_hash from person where not id_number_keyed"
                + " limit ?1 for update skip locked").setParameter(1, CHUNK).getResultList();
        for (Object[] row : rows) {
            em.createNativeQuery("update person set id_number_hash = ?1, id_number_keyed = true where person_id = ?2"
                    + " and not id_number_keyed")
                    .setParameter(1, index.ofSha256(KIND, (String) row[1])).setParameter(2, row[0]).executeUpdate();
        }
        return rows.size();
    }
}
