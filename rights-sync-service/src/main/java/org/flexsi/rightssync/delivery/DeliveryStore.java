package org.flexsi.rightssync.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.RightsSent;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.rightssync.config.RightsSyncConfig;
import org.flexsi.rightssync.person.RegistrationConsumer;
import org.flexsi.rightssync.record.Agency;
import org.flexsi.rightssync.record.Stage;
import org.flexsi.rightssync.record.SyncRecord;

/** The database side of delivery: what is due, and what each answer of the agency changes. Short transactions only. */
@ApplicationScoped
@Transactional
public class DeliveryStore {
    /** A duplicate in a receipt means the agency had the record already and will not call back again: ask soon. */
    private static final Duration DUPLICATE_POLL = Duration.ofSeconds(1);

    private final EntityManager em;
    private final Outbox outbox;
    private final DecisionService decisions;
    private final Clock clock;
    private final RightsSyncConfig config;
    private final RegistrationConsumer persons;

    public DeliveryStore(EntityManager em, Outbox outbox, DecisionService decisions, Clock clock, RightsSyncConfig config,
            RegistrationConsumer persons) {
        this.persons = persons;
        this.em = em;
        this.outbox = outbox;
        this.decisions = decisions;
        this.clock = clock;
        this.config = config;
    }

    /** A batch ready to leave, oldest first, and when its oldest record arrived. */
    public record Batch(List<Outgoing> records, Instant oldest) {
        boolean isEmpty() {
            return records.isEmpty();
        }
    }

    /**
     * The next records to send, oldest payment first: events consumed in parallel may be stored out of
     * order, but a person's refund (later than its payment) still leaves after the payment. Records of persons not yet known (no person.registered
     * seen) wait; since all of a person's records wait together, each person's order is kept.
     */
    public Batch due(Agency agency, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.record_id, r.kind, r.person_id, p.id_number, p.name, r.region,"
                + " r.insurance, r.months, r.base, r.amount, r.payment_id, r.paid_at, r.created_at"
                + " from sync_record r join person p on p.person_id = r.person_id"
                + " where r.agency = ?1 and (r.stage in ('PENDING', 'SENT') or r.resend)"
                + " order by r.paid_at, r.seq limit ?2")
                .setParameter(1, agency.name()).setParameter(2, limit).getResultList();
        Instant oldest = null;
        List<Outgoing> out = new java.util.ArrayList<>(rows.size());
        for (Object[] row : rows) {
            // the agency books rights by the full ID number and name: decrypted here, on the way out only
            out.add(new Outgoing((String) row[0], (String) row[1], (String) row[2], persons.idNumber(row[3]),
                    persons.name(row[4]),
                    (String) row[5], (String) row[6], Arrays.asList(((String) row[7]).split(",")),
                    Money.text((BigDecimal) row[8]), Money.text((BigDecimal) row[9]), (String) row[10],
                    instantOf(row[11])));
            Instant created = instantOf(row[12]);
            oldest = oldest == null || created.isBefore(oldest) ? created : oldest;
        }
        return new Batch(out, oldest);
    }

    /** Before the request leaves: a crash from here on finds the records SENT and sends them again. */
    public void sending(List<String> ids) {
        // an array parameter, not an in-list: one cached plan for every batch size (as in OutboxRelay.relayBatch)
        em.createNativeQuery("update sync_record set stage = case when stage = 'PENDING' then 'SENT' else stage end,"
                + " send_attempts = send_attempts + 1, sent_at = ?1 where record_id = any(?2)")
                .setParameter(1, clock.instant()).setParameter(2, ids.toArray(String[]::new)).executeUpdate();
    }

    public void acknowledged(Agency agency, AgencyClient.Accepted receipt, List<String> ids) {
        Instant now = clock.instant();
        Set<String> duplicates = new HashSet<>(receipt.duplicates());
        // the whole batch locked in one round trip, in id order like every other writer of several records
        List<SyncRecord> records = em.createQuery("from SyncRecord where recordId in :ids order by recordId", SyncRecord.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        List<RightsSent> announced = new ArrayList<>();
        for (SyncRecord r : records) {
            r.resend = false;
            r.lastError = null;
            if (r.acknowledgedAt == null) {
                // once per record, even if the agency's decision overtook its receipt
                r.acknowledgedAt = now;
                r.receiptId = receipt.receiptId();
                announced.add(new RightsSent(r.recordId, r.personId, agency.name(), r.paymentId, now, r.kind.name()));
            }
            if (r.stage == Stage.PENDING || r.stage == Stage.SENT) {
                r.stage = Stage.ACKNOWLEDGED;
                r.polls = 0;
                r.nextPollAt = now.plus(duplicates.contains(r.recordId) ? DUPLICATE_POLL : config.poll().after());
            }
        }
        outbox.publishAll(announced);
    }

    public void failed(List<String> ids, String reason) {
        em.createNativeQuery("update sync_record set last_error = ?1 where record_id = any(?2)")
                .setParameter(1, reason.length() > 500 ? reason.substring(0, 500) : reason)
                .setParameter(2, ids.toArray(String[]::new)).executeUpdate();
    }

    /** The agency refused this one record's content: no resend can fix it, ops must. */
    public void refused(String id, String detail) {
        SyncRecord r = em.find(SyncRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r != null && !r.stage.decided()) {
            decisions.reject(r, "refused by the agency: " + detail, clock.instant());
        } else if (r != null) {
            r.resend = false;
        }
    }

    public List<String> duePolls(Agency agency, int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select record_id from sync_record where agency = ?1 and stage = 'ACKNOWLEDGED'"
                + " and next_poll_at <= ?2 order by next_poll_at limit ?3")
                .setParameter(1, agency.name()).setParameter(2, clock.instant()).setParameter(3, limit).getResultList();
        return ids;
    }

    /** Not decided yet: ask again later, less often each time. */
    public void undecided(String id) {
        SyncRecord r = em.find(SyncRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.stage != Stage.ACKNOWLEDGED) {
            return;
        }
        r.polls++;
        long factor = 1L << Math.min(r.polls, 20);
        Duration wait = config.poll().after().multipliedBy(factor);
        r.nextPollAt = clock.instant().plus(wait.compareTo(config.poll().maxInterval()) > 0 ? config.poll().maxInterval() : wait);
    }

    /** The agency does not hold it (its intake lost it): back in the queue. */
    public void notHeld(String id) {
        SyncRecord r = em.find(SyncRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r != null && r.stage == Stage.ACKNOWLEDGED) {
            r.stage = Stage.PENDING;
            r.nextPollAt = null;
        }
    }

    public static Instant instantOf(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
