package org.flexsi.payment.refund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.payment.common.Jsons;

/** Money going back (退付, R25): automatically for money taken twice or too late, or on an application under agency review. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {
    public enum Kind { AUTOMATIC, APPLICATION, REVERSAL }

    public enum State {
        /** Medical refunds applied for by a proxy wait for the person's own application. */
        AWAITING_PERSON,
        IN_REVIEW, REJECTED, REFUNDED
    }

    @Id
    public UUID id;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "person_id")
    public String personId;
    @Column(name = "applicant_id")
    public String applicantId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Agency agency;
    @Column(columnDefinition = "text")
    public String lines;
    public BigDecimal total;
    public String reason;
    @Enumerated(EnumType.STRING)
    public State state;
    @Column(name = "bank_account")
    public String bankAccount;
    @Column(name = "bank_name")
    public String bankName;
    @Column(name = "bank_code")
    public String bankCode;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "refunded_at")
    public Instant refundedAt;

    public List<LineItem> lineItems() {
        return Jsons.lines(lines);
    }
}
