package org.flexsi.rightssync.record;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** What one payment (or refund) owes one agency for one insurance, and how far it got. */
@Entity
@Table(name = "sync_record")
public class SyncRecord extends PanacheEntityBase {
    @Id
    @Column(name = "record_id")
    public String recordId;
    /** Arrival order: ties between records paid at the same instant are sent in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Enumerated(EnumType.STRING)
    public RecordKind kind;
    @Enumerated(EnumType.STRING)
    public Agency agency;
    @Column(name = "person_id")
    public String personId;
    @Column(name = "payment_id")
    public String paymentId;
    @Column(name = "refund_id")
    public String refundId;
    public String region;
    public String insurance;
    /** YYYY-MM, comma separated. */
    public String months;
    public BigDecimal base;
    public BigDecimal amount;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "payment_date")
    public LocalDate paymentDate;
    /** Payment date + 3 working days; null while the calendar year it falls in is not loaded. */
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    public boolean overdue;
    @Column(name = "at_risk_at")
    public Instant atRiskAt;
    @Column(name = "overdue_at")
    public Instant overdueAt;
    /** Ops asked to send it again (replay); the agency books a record id once, so this never double-counts. */
    public boolean resend;
    @Column(name = "send_attempts")
    public int sendAttempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "receipt_id")
    public String receiptId;
    @Column(name = "next_poll_at")
    public Instant nextPollAt;
    public int polls;
    @Column(name = "agency_reference")
    public String agencyReference;
    /** When the agency decided, by its clock. */
    @Column(name = "decided_at")
    public Instant decidedAt;
    /** When this service learned the decision. */
    @Column(name = "recorded_at")
    public Instant recordedAt;
    /** Why the agency rejected the record. */
    public String reason;
    /** How ops resolved a rejection (RESEND or CLOSE); null while it is on the work list. */
    public String resolution;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolution_note")
    public String resolutionNote;
    /** The record that carries this rejected record's rights again (RESEND). */
    @Column(name = "successor_id")
    public String successorId;
    /** The rejected record this one was sent again for. */
    @Column(name = "resend_of")
    public String resendOf;
    @Column(name = "feed_seq")
    public Long feedSeq;
    @Column(name = "created_at")
    public Instant createdAt;

    public List<String> monthList() {
        return Arrays.asList(months.split(","));
    }

    /** The stage, or OVERDUE for an undecided record past its deadline. */
    public String status() {
        return overdue && !stage.decided() ? "OVERDUE" : stage.name();
    }
}
