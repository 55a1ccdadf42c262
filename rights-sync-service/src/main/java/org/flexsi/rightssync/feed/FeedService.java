package org.flexsi.rightssync.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.flexsi.contracts.Money;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.rightssync.callback.AgencyDecisionRequest;
import org.flexsi.rightssync.delivery.AgencyDecision;
import org.flexsi.rightssync.delivery.DecisionService;
import org.flexsi.rightssync.person.RegistrationConsumer;
import org.flexsi.rightssync.query.AgencyScope;
import org.flexsi.rightssync.record.Agency;

/** The government integration endpoint for agencies that prefer to pull. */
@ApplicationScoped
@Transactional
public class FeedService {
    private static final int MAX_PAGE = 1000;

    private final EntityManager em;
    private final DecisionService decisions;
    private final RegistrationConsumer persons;

    public FeedService(EntityManager em, DecisionService decisions, RegistrationConsumer persons) {
        this.em = em;
        this.decisions = decisions;
        this.persons = persons;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    /** @param scope the calling agency; null for operations (all regions) */
    public FeedPage after(Agency agency, AgencyScope scope, String afterText, String limitText) {
        long after = number(afterText, "after", 0, Long.MAX_VALUE, 0);
        int limit = (int) number(limitText, "limit", 1, MAX_PAGE, 100);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.feed_seq, r.record_id, r.kind, r.person_id, p.id_number, p.name,"
                + " r.region, r.insurance, r.months, r.base, r.amount, r.payment_id, r.paid_at, r.deadline, r.stage, r.overdue"
                + " from sync_record r join person p on p.person_id = r.person_id"
                + " where r.agency = :agency and r.feed_seq > :after and (:everyRegion or "
                + AgencyScope.regionCondition("r.region") + ") order by r.feed_seq limit :limit")
                .setParameter("agency", agency.name()).setParameter("after", after).setParameter("limit", limit)
                .setParameter("everyRegion", scope == null)
                .setParameter(AgencyScope.REGION_PARAMETER, scope == null ? Set.of("") : scope.regionPrefixes())
                .getResultList();
        List<FeedRecord> records = new ArrayList<>(rows.size());
        long next = after;
        for (Object[] row : rows) {
            long cursor = ((Number) row[0]).longValue();
            next = Math.max(next, cursor);
            boolean overdue = (Boolean) row[15];
            String stage = (String) row[14];
            records.add(new FeedRecord(cursor, (String) row[1], (String) row[2], (String) row[3], persons.idNumber(row[4]),
                    persons.name(row[5]), (String) row[6], (String) row[7], Arrays.asList(((String) row[8]).split(",")),
                    Money.text((BigDecimal) row[9]), Money.text((BigDecimal) row[10]), (String) row[11],
                    org.flexsi.rightssync.delivery.DeliveryStore.instantOf(row[12]), date(row[13]),
                    overdue && !"CONFIRMED".equals(stage) && !"REJECTED".equals(stage) ? "OVERDUE" : stage));
        }
        return new FeedPage(records, next);
    }

    /** @param scope the calling agency: decisions on records outside its regions are UNKNOWN to it */
    public ConfirmationResults confirm(Agency agency, AgencyScope scope, ConfirmationsRequest body) {
        List<ConfirmationResults.Result> results = new ArrayList<>();
        for (AgencyDecisionRequest d : body.decisions()) {
            DecisionService.Outcome outcome = decisions.apply(agency, scope,
                    new AgencyDecision(d.recordId(), d.status(), d.agencyReference(), d.reason(), d.decidedAt()));
            results.add(new ConfirmationResults.Result(d.recordId(), outcome.name()));
        }
        return new ConfirmationResults(results);
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    private static long number(String text, String field, long min, long max, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
    }
}
