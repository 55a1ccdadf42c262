package org.flexsi.assessment.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.flexsi.assessment.catalogue.Insurance;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's enrolment in one insurance, as the registration events describe it. */
@Entity
@Table(name = "enrolment")
@IdClass(Enrolment.Key.class)
public class Enrolment extends PanacheEntityBase {
    public static final String ACTIVE = "ACTIVE";

    record Key(String personId, String insurance) implements Serializable {
    }

    @Id
    @Column(name = "person_id")
    private String personId;
    @Id
    private String insurance;
    @JdbcTypeCode(SqlTypes.CHAR)
    private String region;
    private String status;
    @Column(name = "first_month")
    @JdbcTypeCode(SqlTypes.CHAR)
    private String firstMonth;
    @Column(name = "last_covered_month")
    @JdbcTypeCode(SqlTypes.CHAR)
    private String lastCoveredMonth;
    private String grade;
    private BigDecimal base;
    private String rate;
    private String plan;
    @Column(name = "updated_at")
    private Instant updatedAt;

    /** A new enrolment, to be persisted once started. */
    static Enrolment of(String personId, String insurance) {
        Enrolment e = new Enrolment();
        e.personId = personId;
        e.insurance = insurance;
        return e;
    }

    /** Enrolled (anew) from {@code from}: active with these terms; an earlier first month is kept. */
    void start(String inRegion, String from, String newGrade, BigDecimal newBase, String newRate, String newPlan, Instant at) {
        region = inRegion;
        status = ACTIVE;
        firstMonth = firstMonth == null || from.compareTo(firstMonth) < 0 ? from : firstMonth;
        lastCoveredMonth = null;
        grade = newGrade;
        base = newBase;
        rate = newRate;
        plan = newPlan;
        updatedAt = at;
    }

    /** Interrupted or suspended: covered up to {@code lastCovered}. */
    void stop(String newStatus, YearMonth lastCovered, Instant at) {
        status = newStatus;
        lastCoveredMonth = lastCovered.toString();
        updatedAt = at;
    }

    /** Continued (续保): active again; a term given replaces the old one. */
    void resume(String newGrade, BigDecimal newBase, String newRate, String newPlan, Instant at) {
        status = ACTIVE;
        lastCoveredMonth = null;
        grade = newGrade != null ? newGrade : grade;
        base = newBase != null ? newBase : base;
        rate = newRate != null ? newRate : rate;
        plan = newPlan != null ? newPlan : plan;
        updatedAt = at;
    }

    /** R5: a new medical rate, and plan if one is given. */
    void changeRate(String newRate, String newPlan, Instant at) {
        rate = newRate;
        plan = newPlan != null ? newPlan : plan;
        updatedAt = at;
    }

    /** Whether the enrolment covers {@code month}: from the first month, and not past an interruption or suspension. */
    public boolean covers(YearMonth month) {
        if (month.isBefore(firstMonth())) {
            return false;
        }
        return ACTIVE.equals(status) || lastCoveredMonth == null || !month.isAfter(lastCoveredMonth());
    }

    public String personId() {
        return personId;
    }

    public Insurance insurance() {
        return Insurance.valueOf(insurance);
    }

    public String region() {
        return region;
    }

    public String status() {
        return status;
    }

    public YearMonth firstMonth() {
        return YearMonth.parse(firstMonth);
    }

    public YearMonth lastCoveredMonth() {
        return lastCoveredMonth == null ? null : YearMonth.parse(lastCoveredMonth);
    }

    public String grade() {
        return grade;
    }

    public BigDecimal base() {
        return base;
    }

    public String rate() {
        return rate;
    }

    public String plan() {
        return plan;
    }
}
