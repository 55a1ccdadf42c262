package org.flexsi.registration.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.region.Terms;

/**
 * One person's enrolment in one insurance and its lifecycle. The transitions refuse what the state
 * does not allow (409) and months that contradict the enrolment (422); they change nothing when they refuse.
 */
@Entity
@Table(name = "enrolment")
public class Enrolment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "person_id")
    public UUID personId;
    @Enumerated(EnumType.STRING)
    public Insurance insurance;
    @Enumerated(EnumType.STRING)
    public EnrolmentStatus status;
    /** The first insured month ever (R3). */
    @Column(name = "first_month")
    public String firstMonth;
    /** The start of the current (or last) active period. */
    @Column(name = "active_from")
    public String activeFrom;
    @Column(name = "last_covered_month")
    public String lastCoveredMonth;
    public String grade;
    public BigDecimal base;
    public BigDecimal rate;
    public String plan;
    @Column(name = "suspension_reason")
    public String suspensionReason;
    @Column(name = "suspension_date")
    public LocalDate suspensionDate;
    /** True once a new enrolment took over from this one (R5: a medical rate change enrols anew). */
    public boolean superseded;
    /** The enrolment this one took over from, if any. */
    public Long replaces;
    /** Two agencies changing the same enrolment at once: the second one fails instead of overwriting. */
    @Version
    public int version;

    public static Enrolment start(UUID personId, Insurance insurance, YearMonth firstMonth, Terms terms) {
        Enrolment enrolment = new Enrolment();
        enrolment.personId = personId;
        enrolment.insurance = insurance;
        enrolment.status = EnrolmentStatus.ACTIVE;
        enrolment.firstMonth = firstMonth.toString();
        enrolment.activeFrom = firstMonth.toString();
        enrolment.apply(terms);
        return enrolment;
    }

    /** The person's current enrolments, one per insurance, in the order the insurances were first enrolled. */
    public static List<Enrolment> ofPerson(UUID personId) {
        List<Enrolment> all = list("personId = ?1 order by id", personId);
        List<Insurance> firstSeen = all.stream().map(e -> e.insurance).distinct().toList();
        return all.stream().filter(e -> !e.superseded)
                .sorted(java.util.Comparator.comparingInt(e -> firstSeen.indexOf(e.insurance))).toList();
    }

    /** The current enrolment in one insurance. */
    public static Optional<Enrolment> of(UUID personId, Insurance insurance) {
        return find("personId = ?1 and insurance = ?2 and superseded = false", personId, insurance).firstResultOptional();
    }

    public Terms terms() {
        return new Terms(grade, base, rate, plan);
    }

    /** 减员: the enrolment stops after {@code lastCovered}. */
    public void interrupt(YearMonth lastCovered) {
        requireStatus(EnrolmentStatus.ACTIVE, "interrupted");
        if (lastCovered.isBefore(YearMonth.parse(activeFrom).minusMonths(1))) {
            throw ProblemException.ruleBroken("lifecycle", "lastCoveredMonth " + lastCovered
                    + " is before the active period that started in " + activeFrom);
        }
        status = EnrolmentStatus.INTERRUPTED;
        lastCoveredMonth = lastCovered.toString();
    }

    /** 续保 (R4): an interrupted or suspended enrolment becomes active again from {@code from}. */
    public void continueFrom(YearMonth from, Terms newTerms) {
        if (status == EnrolmentStatus.ACTIVE) {
            throw ProblemException.conflict("enrolment-already-active",
                    insurance + " is active; only an interrupted or suspended enrolment can be continued");
        }
        if (!from.isAfter(YearMonth.parse(lastCoveredMonth))) {
            throw ProblemException.ruleBroken("lifecycle", "fromMonth must be after the last covered month "
                    + lastCoveredMonth);
        }
        status = EnrolmentStatus.ACTIVE;
        activeFrom = from.toString();
        lastCoveredMonth = null;
        suspensionReason = null;
        suspensionDate = null;
        apply(newTerms);
    }

    /** 停保 (R4): needs a reason and a date; the last covered month is the one before the date's month. */
    public void suspend(LocalDate date, String reason) {
        if (status == EnrolmentStatus.SUSPENDED) {
            throw ProblemException.conflict("enrolment-already-suspended", insurance + " is already suspended");
        }
        YearMonth lastCovered = YearMonth.from(date).minusMonths(1);
        if (status == EnrolmentStatus.ACTIVE) {
            if (lastCovered.isBefore(YearMonth.parse(activeFrom).minusMonths(1))) {
                throw ProblemException.ruleBroken("lifecycle", "effectiveDate " + date
                        + " is before the active period that started in " + activeFrom);
            }
            lastCoveredMonth = lastCovered.toString();
        }
        status = EnrolmentStatus.SUSPENDED;
        suspensionReason = reason;
        suspensionDate = date;
    }

    /**
     * R5: checks that this medical enrolment may move to {@code newTerms} from {@code effective}. The change itself is
     * an interruption of this enrolment ({@link #interrupt}) and a new enrolment at the new rate, made by the service.
     */
    public void checkRateChange(YearMonth effective, Terms newTerms) {
        if (insurance != Insurance.MEDICAL) {
            throw ProblemException.ruleBroken("R5", "only the medical rate can be changed this way");
        }
        requireStatus(EnrolmentStatus.ACTIVE, "changed to another rate");
        if (effective.isBefore(YearMonth.parse(activeFrom))) {
            throw ProblemException.ruleBroken("R5", "effectiveMonth " + effective
                    + " is before the active period that started in " + activeFrom);
        }
        if (sameRate(newTerms)) {
            throw ProblemException.ruleBroken("R5", "the new rate and plan are the ones in force");
        }
    }

    private boolean sameRate(Terms newTerms) {
        boolean rateSame = rate == null ? newTerms.rate() == null
                : newTerms.rate() != null && rate.compareTo(newTerms.rate()) == 0;
        return rateSame && java.util.Objects.equals(plan, newTerms.plan());
    }

    private void requireStatus(EnrolmentStatus required, String verb) {
        if (status != required) {
            throw ProblemException.conflict("enrolment-not-" + required.name().toLowerCase(),
                    insurance + " is " + status + "; only an " + required + " enrolment can be " + verb);
        }
    }

    private void apply(Terms terms) {
        grade = terms.grade();
        base = terms.base();
        rate = terms.rate();
        plan = terms.plan();
    }
}
