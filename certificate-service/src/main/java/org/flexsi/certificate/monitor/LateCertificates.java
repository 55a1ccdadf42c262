package org.flexsi.certificate.monitor;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flexsi.certificate.availability.AvailabilityPolicy;
import org.flexsi.certificate.config.CertificateConfig;
import org.flexsi.platform.calendar.CalendarService;
import org.flexsi.platform.calendar.WorkingDayCalendar;
import org.flexsi.platform.time.BusinessTime;

/**
 * Recounts {@code flexsi_certificate_late_records{region}} every {@code flexsi.certificate.late-check-every} (5 min;
 * the alert waits 30 min),
 * not per scrape: paid records (net of refunds) of the last {@code flexsi.certificate.late-lookback-days} (90) days
 * whose certificate is due by R22 and cannot be served ({@link LateRule}). The count is grouped by region and payment
 * date in the database, so it reads a handful of rows: the records without a valid certificate (normally none, as a
 * certificate is issued in the payment's own transaction) and, near or past the end of the loaded working-day
 * calendar, the recent payment dates. Every configured region reports, 0 when none is late.
 */
@ApplicationScoped
public class LateCertificates {
    private final EntityManager em;
    private final CertificateMetrics metrics;
    private final AvailabilityPolicy availability;
    private final CalendarService calendars;
    private final CertificateConfig config;
    private final Clock clock;
    private final int lookbackDays;

    public LateCertificates(EntityManager em, CertificateMetrics metrics, AvailabilityPolicy availability,
            CalendarService calendars, CertificateConfig config, Clock clock,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "flexsi.certificate.late-lookback-days",
                    defaultValue = "90") int lookbackDays) {
        this.em = em;
        this.metrics = metrics;
        this.availability = availability;
        this.calendars = calendars;
        this.config = config;
        this.clock = clock;
        this.lookbackDays = lookbackDays;
    }

    @Scheduled(every = "${flexsi.certificate.late-check-every:5m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            Log.warnf(e, "late certificates not recounted");
        }
    }

    /** Recounts now, in a transaction of its own; returns region → late records. */
    public Map<String, Long> refresh() {
        Map<String, Long> late = QuarkusTransaction.requiringNew().call(this::count);
        metrics.late(late);
        return late;
    }

    private Map<String, Long> count() {
        LocalDate today = BusinessTime.dateOf(clock.instant());
        WorkingDayCalendar calendar = calendars.calendar();
        // payment dates from here on may need a year the calendar does not hold: look at all of them
        LocalDate calendarEdge = calendar.loadedYears().isEmpty() ? LocalDate.MIN
                : LocalDate.of(calendar.loadedYears().last(), 12, 1);
        LocalDate since = today.minusDays(lookbackDays);
        LocalDate edge = calendarEdge.isBefore(since) ? since : calendarEdge;
        String issued = "select 1 from certificate_payment cp join certificate c on c.certificate_number = cp.certificate_number"
                + " where cp.payment_id = p.payment_id and c.status = 'ISSUED'";
        String day = "cast(p.paid_at at time zone 'Asia/Shanghai' as date)";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.region, " + day + ", false, count(*) from payment_record p"
                + " where p.total > p.refunded_total and p.paid_at >= ?1 and not exists (" + issued + ")"
                + " group by p.region, " + day
                + " union all select p.region, " + day + ", true, count(*) from payment_record p"
                + " where p.total > p.refunded_total and p.paid_at >= ?2 and exists (" + issued + ")"
                + " group by p.region, " + day)
                .setParameter(1, since.atStartOfDay(BusinessTime.ZONE).toInstant())
                .setParameter(2, edge.atStartOfDay(BusinessTime.ZONE).toInstant())
                .getResultList();
        Map<String, Long> late = new TreeMap<>();
        config.regions().keySet().forEach(region -> late.put(region, 0L));
        for (Object[] row : rows) {
            String region = (String) row[0];
            LocalDate paidOn = row[1] instanceof LocalDate d ? d : ((Date) row[1]).toLocalDate();
            boolean certified = (Boolean) row[2];
            if (LateRule.isLate(calendar, paidOn, availability.certificateDelay(region), certified, today)) {
                late.merge(region, ((Number) row[3]).longValue(), Long::sum);
            }
        }
        return late;
    }
}
