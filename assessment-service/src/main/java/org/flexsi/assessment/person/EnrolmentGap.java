package org.flexsi.assessment.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.YearMonth;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An interruption of one insurance: months {@code from_month} to {@code to_month} (null while still open) were not covered. */
@Entity
@Table(name = "enrolment_gap")
@IdClass(EnrolmentGap.Key.class)
public class EnrolmentGap extends PanacheEntityBase {
    record Key(String personId, String insurance, String fromMonth) implements Serializable {
    }

    @Id
    @Column(name = "person_id")
    private String personId;
    @Id
    private String insurance;
    @Id
    @Column(name = "from_month")
    @JdbcTypeCode(SqlTypes.CHAR)
    private String fromMonth;
    @Column(name = "to_month")
    @JdbcTypeCode(SqlTypes.CHAR)
    private String toMonth;

    public String insurance() {
        return insurance;
    }

    /** Whether the gap is closed (paid for again since) and {@code month} falls in it. */
    public boolean closedAround(YearMonth month) {
        return toMonth != null && !month.isBefore(YearMonth.parse(fromMonth)) && !month.isAfter(YearMonth.parse(toMonth));
    }
}
