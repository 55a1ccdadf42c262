package org.flexsi.certificate.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.flexsi.certificate.access.Reach;
import org.flexsi.certificate.availability.AvailabilityPolicy;
import org.flexsi.certificate.issue.CertificateIssuer;
import org.flexsi.certificate.monitor.CertificateMetrics;
import org.flexsi.contracts.Money;
import org.flexsi.platform.calendar.CalendarNotLoadedException;
import org.flexsi.platform.calendar.CalendarService;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.inbox.MalformedEventException;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.AgencyIdentity;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.time.BusinessTime;

/** Payment records: kept from payment events and agency loads, each with its certificate; queried per R22. */
@ApplicationScoped
@Transactional
public class PaymentRecordService {
    private static final int MAX_RESULTS = 500;
    private static final Instant COVERED_SINCE = LocalDate.of(2019, 1, 1).atStartOfDay(BusinessTime.ZONE).toInstant();

    private final CertificateIssuer issuer;
    private final AvailabilityPolicy availability;
    private final Clock clock;
    private final CertificateMetrics metrics;
    private final CalendarService calendars;

    public PaymentRecordService(CertificateIssuer issuer, AvailabilityPolicy availability, Clock clock, CertificateMetrics metrics,
            CalendarService calendars) {
        this.metrics = metrics;
        this.calendars = calendars;
        this.issuer = issuer;
        this.availability = availability;
        this.clock = clock;
    }

    /** Records a successful payment and issues its certificate; empty if the payment was already known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PaymentRecord> recordPayment(PaymentSucceeded paid, PaymentRecord.Origin origin) {
        if (PaymentRecord.findByIdOptional(paid.paymentId()).isPresent()) {
            return Optional.empty();
        }
        PaymentRecord record = new PaymentRecord();
        record.paymentId = paid.paymentId();
        record.personId = paid.personId();
        record.payerId = paid.payerId();
        record.region = paid.region();
        record.assessmentSerial = paid.assessmentSerial();
        record.channel = paid.channel();
        record.provider = paid.provider();
        record.lines(paid.lines());
        record.total = Money.parse(paid.total());
        record.paidAt = paid.paidAt();
        record.origin = origin;
        record.loadedAt = clock.instant();
        record.persist();
        issuer.issue(record.personId, record.region, List.of(record), null, null);
        if (origin == PaymentRecord.Origin.EVENT) {
            measureAvailability(record);
        }
        return Optional.of(record);
    }

    /**
     * Working days from the payment date to the day its certificate became available: the day R22 sets, or today if
     * the payment reached this service later than that. Not measured while the calendar lacks the dates.
     */
    private void measureAvailability(PaymentRecord record) {
        LocalDate paidOn = BusinessTime.dateOf(record.paidAt);
        try {
            int delay = availability.certificateDelay(record.region);
            var calendar = calendars.calendar();
            LocalDate due = delay == 0 ? paidOn : calendar.addWorkingDays(paidOn, delay);
            LocalDate today = BusinessTime.dateOf(clock.instant());
            LocalDate availableOn = today.isAfter(due) ? today : due;
            metrics.availableAfter(record.region, availableOn.equals(paidOn) ? 0
                    : calendar.workingDaysBetween(paidOn, availableOn));
        } catch (CalendarNotLoadedException e) {
            // the certificate cannot be served either; flexsi_certificate_late_records counts it
        }
    }

    /** A refund revokes the certificates of the payment; what is left of it gets a new certificate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRefund(PaymentRefunded refund) {
        PaymentRecord record = PaymentRecord.<PaymentRecord>findByIdOptional(refund.paymentId())
                .orElseThrow(() -> new MalformedEventException("refund " + refund.refundId() + " of unknown payment " + refund.paymentId()));
        BigDecimal amount = Money.parse(refund.total());
        if (amount.compareTo(record.netTotal()) > 0) {
            throw new MalformedEventException("refund " + refund.refundId() + " of " + amount + " exceeds what payment "
                    + record.paymentId + " still holds (" + record.netTotal() + ")");
        }
        record.addRefund(refund.lines(), amount);
        issuer.revokeCovering(record.paymentId, "退付 " + Money.text(amount) + " 元: " + refund.reason());
        if (record.netTotal().signum() > 0) {
            issuer.issue(record.personId, record.region, List.of(record), null, null);
        }
    }

    /**
     * Loads historical payments row by row; rows that break a rule are reported, not loaded. An agency loads the
     * payments of the regions it serves only.
     */
    public HistoricalLoad.Result load(Caller caller, HistoricalLoad.Request request) {
        int loaded = 0;
        int known = 0;
        List<HistoricalLoad.Rejected> rejected = new java.util.ArrayList<>();
        for (int i = 0; i < request.records().size(); i++) {
            HistoricalLoad.Payment row = request.records().get(i);
            String problem = caller.reaches(row.region()) ? problemWith(row)
                    : "agency " + caller.agency().map(AgencyIdentity::id).orElse("?") + " does not serve region " + row.region();
            if (problem != null) {
                rejected.add(new HistoricalLoad.Rejected(i, row.paymentId(), problem));
                continue;
            }
            List<LineItem> lines = row.lines().stream()
                    .map(l -> new LineItem(l.insurance(), l.months(), l.base(), l.rate(), l.amount(), l.part())).toList();
            PaymentSucceeded paid = new PaymentSucceeded(row.paymentId(), row.assessmentSerial() == null ? "HISTORICAL"
                    : row.assessmentSerial(), row.personId(), row.payerId() == null ? row.personId() : row.payerId(), row.region(),
                    row.channel(), null, null, lines, row.total(), row.paidAt());
            if (recordPayment(paid, PaymentRecord.Origin.HISTORICAL_LOAD).isPresent()) {
                loaded++;
            } else {
                known++;
            }
        }
        return new HistoricalLoad.Result(loaded, known, rejected);
    }

    private String problemWith(HistoricalLoad.Payment row) {
        if (row.paidAt().isBefore(COVERED_SINCE)) {
            return "R23: certificates cover payments since 2019-01-01";
        }
        if (row.paidAt().isAfter(clock.instant())) {
            return "paidAt is in the future";
        }
        BigDecimal sum = row.lines().stream().map(l -> Money.parse(l.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(Money.parse(row.total())) != 0) {
            return "the lines add up to " + Money.text(sum) + ", not to the total " + row.total();
        }
        return null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentRecordView> list(Caller caller, String personId, String payerId, LocalDate from, LocalDate to) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (!caller.backOffice()) {
            query.append(" and (personId = :me or payerId = :me)");
            params.put("me", caller.subject());
        } else if (caller.agency().isPresent()) {
            if (personId == null) {
                throw ProblemException.invalid("personId", "an agency looks payment records up by person");
            }
            query.append(" and region in :regions");
            params.put("regions", caller.agency().get().regions());
        } else if (caller.is(Roles.OPS) && personId == null && payerId == null && from == null) {
            throw ProblemException.invalid("personId", "give personId, payerId or from");
        }
        if (personId != null) {
            query.append(" and personId = :person");
            params.put("person", personId);
        }
        if (payerId != null) {
            query.append(" and payerId = :payer");
            params.put("payer", payerId);
        }
        if (from != null) {
            query.append(" and paidAt >= :from");
            params.put("from", from.atStartOfDay(BusinessTime.ZONE).toInstant());
        }
        if (to != null) {
            query.append(" and paidAt < :to");
            params.put("to", to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
        }
        List<PaymentRecord> found = PaymentRecord.<PaymentRecord>find(query + " order by paidAt desc", params)
                .page(0, MAX_RESULTS).list();
        return found.stream()
                .map(r -> PaymentRecordView.of(r, availability.recordsFrom(r.region, r.paidAt)))
                .filter(v -> caller.backOffice() || availability.isAvailable(v.availableFrom()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PaymentRecordView get(Caller caller, String paymentId) {
        PaymentRecord record = PaymentRecord.<PaymentRecord>findByIdOptional(paymentId)
                .orElseThrow(() -> ProblemException.notFound("no payment record " + paymentId + " that you may see"));
        Reach.require(caller, record.personId, record.payerId, record.region, "payment record " + paymentId);
        LocalDate from = availability.recordsFrom(record.region, record.paidAt);
        if (!caller.backOffice()) {
            availability.requireAvailable(from, "payment record " + paymentId);
        }
        return PaymentRecordView.of(record, from);
    }
}
