package org.flexsi.registration.person;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.flexsi.platform.privacy.Masking;

/**
 * Fills the ID number's blind index and the masked ID number and mobile of persons written before they existed
 * (issue 17): once at start-up, before the service finds anyone by ID number, and then now and again for rows an
 * older instance still writes during a rolling update. Works in chunks of {@value #CHUNK} locked rows
 * ({@code FOR UPDATE SKIP LOCKED}), each its own short transaction. The stored values may be plain (from before) or
 * already encrypted by the platform's re-encryption job: they are read either way. Two rows with the same identity
 * (which the plain unique constraint forbade) cannot be: should one appear, the second keeps an empty index and is
 * logged by person id for operations.
 */
@ApplicationScoped
public class PersonDataBackfill {
    static final int CHUNK = 500;
    /** Below every person id: PostgreSQL orders uuids by their unsigned bytes. */
    private static final UUID FIRST = new UUID(0, 0);

    private final EntityManager em;
    private final PersonalData data;

    public PersonDataBackfill(EntityManager em, PersonalData data) {
        this.em = em;
        this.data = data;
    }

    void onStart(@Observes StartupEvent started) {
        runAll();
    }

    @Scheduled(every = "${flexsi.crypto.reencrypt-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runAll();
        } catch (RuntimeException e) {
            Log.warnf("person index backfill paused: %s", e.getMessage());
        }
    }

    /** Fills every row that lacks its index or masked forms; returns how many rows it filled. */
    public int runAll() {
        int filled = 0;
        UUID after = FIRST;
        while (true) {
            UUID from = after;
            Chunk chunk = QuarkusTransaction.requiringNew().call(() -> chunk(from));
            filled += chunk.filled();
            if (chunk.last() == null) {
                break;
            }
            after = chunk.last();
        }
        if (filled > 0) {
            Log.infof("filled the ID number index and masked forms of %d person(s)", filled);
        }
        return filled;
    }

    private record Chunk(int filled, UUID last) {
    }

    private Chunk chunk(UUID after) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select person_id, id_type, id_number, mobile from person"
                        + " where (id_number_index is null or id_number_masked is null"
                        + " or (mobile is not null and mobile_masked is null))"
                        + " and person_id > ?1 order by person_id limit ?2 for update skip locked")
                .setParameter(1, after).setParameter(2, CHUNK).getResultList();
        int filled = 0;
        UUID last = null;
        for (Object[] row : rows) {
            UUID personId = (UUID) row[0];
            last = personId;
            String number = PersonalData.normalized(data.open(PersonalData.ID_NUMBER, (String) row[2]));
            String mobile = data.open(PersonalData.MOBILE, (String) row[3]);
            String index = data.index(number);
            @SuppressWarnings("unchecked")
            List<UUID> same = em.createNativeQuery("select person_id from person where id_type = ?1"
                            + " and id_number_index = ?2 and person_id <> ?3")
                    .setParameter(1, row[1]).setParameter(2, index).setParameter(3, personId).getResultList();
            if (!same.isEmpty()) {
                Log.errorf("person %s has the identity of person %s: its ID number index stays empty until operations"
                        + " merge them", personId, same.get(0));
                index = null;
            }
            filled += em.createNativeQuery("update person set id_number_index = coalesce(id_number_index, cast(?1 as varchar)),"
                            + " id_number_masked = ?2, mobile_masked = cast(?3 as varchar) where person_id = ?4")
                    .setParameter(1, index).setParameter(2, Masking.idNumber(number))
                    .setParameter(3, Masking.mobile(mobile)).setParameter(4, personId).executeUpdate();
        }
        return new Chunk(filled, rows.size() < CHUNK ? null : last);
    }
}
