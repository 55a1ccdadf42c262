package org.flexsi.rightssync.monitor;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flexsi.contracts.events.RightsAtRisk;
import org.flexsi.contracts.events.RightsOverdue;
import org.flexsi.platform.calendar.CalendarNotLoadedException;
import org.flexsi.platform.calendar.CalendarService;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.time.BusinessTime;
import org.flexsi.rightssync.record.Agency;
import org.flexsi.rightssync.record.RecordIntake;
import org.flexsi.rightssync.record.SyncRecord;

/**
 * Watches the deadlines: a record still undecided one working day before its deadline is at risk, and
 * one past it is overdue; each is announced once (event and log line) and counted in the metrics.
 */
@ApplicationScoped
public class DeadlineMonitor {
    private static final int CHUNK = 500;

    private final EntityManager em;
    private final Outbox outbox;
    private final CalendarService calendar;
    private final RecordIntake intake;
    private final RightsMetrics metrics;
    private final Clock clock;

    public DeadlineMonitor(EntityManager em, Outbox outbox, CalendarService calendar, RecordIntake intake,
            RightsMetrics metrics, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.calendar = calendar;
        this.intake = intake;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${flexsi.rights.monitor-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        try {
            check();
        } catch (RuntimeException e) {
            Log.errorf(e, "deadline check failed");
        }
    }

    /** One pass in one transaction: the flags, their events and the gauges agree with each other. */
    @Transactional
    void check() {
        LocalDate today = BusinessTime.today(clock);
        fillDeadlines();
        flagOverdue(today);
        flagAtRisk(today);
        refreshGauges(today);
    }

    /** Records that arrived before their calendar year was loaded get their deadline once it is. */
    private void fillDeadlines() {
        @SuppressWarnings("unchecked")
        List<LocalDate> dates = em.createQuery("select distinct r.paymentDate from SyncRecord r where r.deadline is null")
                .getResultList();
        for (LocalDate date : dates) {
            intake.deadline(date).ifPresent(deadline -> em.createQuery(
                    "update SyncRecord r set r.deadline = ?1 where r.paymentDate = ?2 and r.deadline is null")
                    .setParameter(1, deadline).setParameter(2, date).executeUpdate());
        }
    }

    private void flagOverdue(LocalDate today) {
        List<SyncRecord> late = SyncRecord.find("stage not in ('CONFIRMED', 'REJECTED') and overdue = false and deadline < ?1"
                + " order by seq", today).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, CHUNK).list();
        Instant now = clock.instant();
        for (SyncRecord r : late) {
            r.overdue = true;
            r.overdueAt = now;
            outbox.publish(new RightsOverdue(r.recordId, r.personId, r.agency.name(), r.paymentId, r.deadline, now));
            Log.warnf("rights OVERDUE: record %s (%s, payment %s, %s) passed its deadline %s in stage %s", r.recordId,
                    r.agency, r.paymentId, r.insurance, r.deadline, r.stage);
        }
    }

    private void flagAtRisk(LocalDate today) {
        LocalDate lastRiskyDeadline;
        try {
            lastRiskyDeadline = calendar.calendar().addWorkingDays(today, 1);
        } catch (CalendarNotLoadedException e) {
            Log.errorf("cannot tell which records are at risk: %s", e.getMessage());
            return;
        }
        List<SyncRecord> risky = SyncRecord.find("stage not in ('CONFIRMED', 'REJECTED') and atRiskAt is null"
                + " and overdue = false and deadline >= ?1 and deadline <= ?2 order by seq", today, lastRiskyDeadline)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, CHUNK).list();
        Instant now = clock.instant();
        for (SyncRecord r : risky) {
            r.atRiskAt = now;
            outbox.publish(new RightsAtRisk(r.recordId, r.personId, r.agency.name(), r.paymentId, r.deadline, now));
            Log.warnf("rights AT RISK: record %s (%s, payment %s, %s) is %s with its deadline %s within one working day",
                    r.recordId, r.agency, r.paymentId, r.insurance, r.stage, r.deadline);
        }
    }

    private void refreshGauges(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createQuery("select r.agency, r.deadline, count(r) from SyncRecord r"
                + " where r.stage not in (org.flexsi.rightssync.record.Stage.CONFIRMED, org.flexsi.rightssync.record.Stage.REJECTED)"
                + " group by r.agency, r.deadline").getResultList();
        Map<Agency, Map<String, Long>> pending = new EnumMap<>(Agency.class);
        Map<Agency, Long> overdue = new EnumMap<>(Agency.class);
        for (Agency agency : Agency.values()) {
            pending.put(agency, new TreeMap<>());
            overdue.put(agency, 0L);
        }
        for (Object[] row : rows) {
            Agency agency = (Agency) row[0];
            LocalDate deadline = (LocalDate) row[1];
            long count = ((Number) row[2]).longValue();
            String bucket = bucket(today, deadline);
            pending.get(agency).merge(bucket, count, Long::sum);
            if ("overdue".equals(bucket)) {
                overdue.merge(agency, count, Long::sum);
            }
        }
        metrics.backlog(pending, overdue);
    }

    /** Working days left: "0" means the deadline is today; "overdue" past it; "unknown" without a calendar. */
    private String bucket(LocalDate today, LocalDate deadline) {
        if (deadline == null) {
            return "unknown";
        }
        if (deadline.isBefore(today)) {
            return "overdue";
        }
        try {
            int left = calendar.calendar().workingDaysBetween(today, deadline);
            return left > 3 ? "4+" : Integer.toString(left);
        } catch (CalendarNotLoadedException e) {
            return "unknown";
        }
    }
}
