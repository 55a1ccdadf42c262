package org.flexsi.registration.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.enrolment.EnrolmentChange;
import org.flexsi.registration.enrolment.Insurance;
import org.flexsi.registration.person.Person;

/** Answers R17 from the enrolment history and the paid months. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CoverageService {
    private final EntityManager em;

    public CoverageService(EntityManager em) {
        this.em = em;
    }

    public CoverageView medical(UUID personId, YearMonth month) {
        if (Person.findById(personId) == null) {
            throw ProblemException.notFound("no person " + personId);
        }
        MedicalCoverage.Answer answer = MedicalCoverage.of(month, periods(personId), paidIn(personId));
        return new CoverageView(personId, Insurance.MEDICAL.name(), month.toString(), answer.covered(), answer.status(),
                answer.coveredFrom() == null ? null : answer.coveredFrom().toString(),
                answer.arrears().stream().map(YearMonth::toString).toList(), answer.reason());
    }

    /** Enrolment periods from the history: enrolment and continuation open one, interruption and suspension close it. */
    static List<MedicalCoverage.Period> periods(List<EnrolmentChange> history) {
        List<MedicalCoverage.Period> periods = new ArrayList<>();
        YearMonth open = null;
        for (EnrolmentChange change : history) {
            switch (change.action) {
                case ENROLLED, CONTINUED, CONTINUED_AFTER_UNEMPLOYMENT -> open = open == null ? YearMonth.parse(change.effective) : open;
                case INTERRUPTED -> open = close(periods, open, YearMonth.parse(change.effective));
                case SUSPENDED -> open = close(periods, open, YearMonth.from(LocalDate.parse(change.effective)).minusMonths(1));
                case RATE_CHANGED -> {
                    // R5: the same coverage goes on at the new rate
                }
            }
        }
        if (open != null) {
            periods.add(new MedicalCoverage.Period(open, null));
        }
        return periods;
    }

    private static YearMonth close(List<MedicalCoverage.Period> periods, YearMonth open, YearMonth end) {
        if (open != null && !end.isBefore(open)) {
            periods.add(new MedicalCoverage.Period(open, end));
        }
        return null;
    }

    private List<MedicalCoverage.Period> periods(UUID personId) {
        return periods(EnrolmentChange.<EnrolmentChange>list("personId = ?1 and insurance = ?2 order by id", personId,
                Insurance.MEDICAL));
    }

    private Map<YearMonth, YearMonth> paidIn(UUID personId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select month, paid_month from paid_month where person_id = ?1 and insurance = ?2")
                .setParameter(1, personId.toString()).setParameter(2, Insurance.MEDICAL.name()).getResultList();
        Map<YearMonth, YearMonth> paid = new HashMap<>();
        rows.forEach(row -> paid.put(YearMonth.parse((String) row[0]), YearMonth.parse((String) row[1])));
        return paid;
    }
}
