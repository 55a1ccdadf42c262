package org.flexsi.payment.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.payment.common.Jsons;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What a person owes, as the assessment service published it: the only source of an order's amount and lines. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {
    public enum State { OPEN, PAID, CANCELLED, EXPIRED }

    @Id
    @Column(name = "serial_number")
    public String serialNumber;
    @Column(name = "assessment_id")
    public String assessmentId;
    @Column(name = "person_id")
    public String personId;
    public String region;
    /** The event's line items as JSON; jsonb, as the debit batch reads into them (V12). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String lines;
    public BigDecimal total;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Enumerated(EnumType.STRING)
    public State state;
    @Column(name = "paid_by")
    public UUID paidBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<LineItem> lineItems() {
        return Jsons.lines(lines);
    }

    /** Locks the row: every booking for one assessment goes through here, one at a time. */
    public static Optional<Assessment> lock(String serialNumber) {
        return findByIdOptional(serialNumber, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean payable(Instant now) {
        return state == State.OPEN && expiresAt.isAfter(now);
    }
}
