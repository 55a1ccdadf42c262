package org.flexsi.assessment.person;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import org.flexsi.platform.crypto.BlindIndex;

/**
 * Replaces, in place, the unkeyed SHA-256 of the ID number that persons stored before issue 17 by the keyed blind index
 * of the same number ({@link BlindIndex#ofSha256}, which equals {@link PersonRepository#idNumberIndex} of the number), and
 * marks the row {@code id_number_keyed} in the same update, so a row is never keyed twice. Runs at start-up, before the
 * service answers lookups, and then now and again for rows an older instance still writes during a rolling update.
 * Works in chunks of {@value #CHUNK} locked rows ({@code FOR UPDATE SKIP LOCKED}), each its own short transaction, so
 * two instances share the work.
 */
@ApplicationScoped
public class IdNumberIndexBackfill {
    static final int CHUNK = 500;

    private final EntityManager em;
    private final BlindIndex index;

    public IdNumberIndexBackfill(EntityManager em, BlindIndex index) {
        this.em = em;
        this.index = index;
    }

    void onStart(@Observes StartupEvent started) {
        runAll();
    }

    @Scheduled(every = "${flexsi.assessment.index-backfill-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runAll();
        } catch (RuntimeException e) {
            Log.warnf("ID number index backfill paused: %s", e.getMessage());
        }
    }

    /** Keys every row still holding an unkeyed hash; returns how many it keyed. */
    public int runAll() {
        int keyed = 0;
        int chunk;
        do {
            chunk = QuarkusTransaction.requiringNew().call(this::chunk);
            keyed += chunk;
        } while (chunk == CHUNK);
        if (keyed > 0) {
            Log.infof("replaced the unkeyed ID number hash of %d person(s) by the keyed index", keyed);
        }
        return keyed;
    }

    private int chunk() {
        @SuppressWarnings("unchecked")
        // native: skip locked, so that a second instance keys the next rows instead of waiting for these
        List<Person> unkeyed = em.createNativeQuery("select * from person where not id_number_keyed"
                        + " order by person_id limit ?1 for update skip locked", Person.class)
                .setParameter(1, CHUNK).getResultList();
        for (Person person : unkeyed) {
            String sha256 = person.idNumberIndex.strip().toLowerCase(Locale.ROOT);
            person.idNumberIndex = index.ofSha256(PersonRepository.ID_NUMBER_INDEX, sha256);
            person.idNumberKeyed = true;
        }
        return unkeyed.size();
    }
}
