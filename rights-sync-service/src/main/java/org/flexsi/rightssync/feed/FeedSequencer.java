package org.flexsi.rightssync.feed;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Numbers records for the agencies' pull feed after they are committed, one numbering pass at a
 * time (advisory lock): a cursor never skips a record that committed late, as it could with the
 * insertion sequence. Records wait for their person's ID number like pushed ones do.
 */
@ApplicationScoped
public class FeedSequencer {
    private static final long LOCK = 0x0f1e_5e00_0085L;

    private final EntityManager em;

    public FeedSequencer(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "${flexsi.rights.feed-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void number() {
        boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                .getSingleResult();
        if (!mine) {
            return;
        }
        // rows that delivery holds are numbered next pass: waiting for them could deadlock with a batch being sent
        em.createNativeQuery("update sync_record r set feed_seq = numbered.n from ("
                + " select record_id, nextval('feed_seq') as n from ("
                + "  select s.record_id from sync_record s join person p on p.person_id = s.person_id"
                + "  where s.feed_seq is null order by s.seq limit 5000 for update of s skip locked) ordered) numbered"
                + " where r.record_id = numbered.record_id").executeUpdate();
    }
}
