package org.flexsi.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.flexsi.platform.observability.TraceContext;
import org.flexsi.platform.security.AgencyIdentity;
import org.flexsi.platform.security.Caller;

/**
 * Writes who saw or decided what into {@code access_audit}, in the transaction of the read or decision it records,
 * so a reveal that is answered is always recorded. Actions are short verbs: {@code reveal-id-number},
 * {@code refund-decision}, {@code catalogue-publish}, {@code calendar-publish}, {@code replay}.
 */
@ApplicationScoped
public class AccessAudit {
    private final EntityManager em;
    private final Clock clock;

    public AccessAudit(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, String recordType, String recordId) {
        em.createNativeQuery("insert into access_audit (at, actor, role, agency, action, record_type, record_id, trace_id)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(2, caller.subject())
                .setParameter(3, caller.role())
                .setParameter(4, caller.agency().map(AgencyIdentity::id).orElse(null))
                .setParameter(5, action)
                .setParameter(6, recordType)
                .setParameter(7, recordId)
                .setParameter(8, TraceContext.currentTraceId())
                .executeUpdate();
    }

    /** Entries from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> between(Instant from, Instant to, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, at, actor, role, agency, action, record_type, record_id,"
                        + " trace_id from access_audit where at >= ?1 and at < ?2 order by seq offset ?3 limit ?4")
                .setParameter(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .setParameter(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .setParameter(3, (long) page * size)
                .setParameter(4, size)
                .getResultList();
        return rows.stream().map(AuditEntry::of).toList();
    }
}
