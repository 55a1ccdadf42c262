package org.flexsi.certificate.issue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * A payment certificate (完税证明) for one payment or for a period. Its PDF is rendered and signed the first
 * time it is downloaded and then kept, so every copy handed out is the same file and an upload can be compared with it.
 */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {
    public enum Status { ISSUED, REVOKED }

    @Id
    @Column(name = "certificate_number")
    public String number;
    @Column(name = "verification_code")
    public String verificationCode;
    @Column(name = "person_id")
    public String personId;
    /** Set when a proxy paid every payment on it. */
    @Column(name = "payer_id")
    public String payerId;
    public String region;
    /** The requested period of a period certificate; null for one payment. */
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    public BigDecimal total;
    @Column(name = "latest_paid_at")
    public Instant latestPaidAt;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoke_reason")
    public String revokeReason;
    @Basic(fetch = FetchType.LAZY)
    public byte[] pdf;
    @Column(name = "pdf_sha256")
    public String pdfSha256;
    @Column(name = "pdf_issue_date")
    public LocalDate pdfIssueDate;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "certificate_payment", joinColumns = @JoinColumn(name = "certificate_number"))
    @Column(name = "payment_id")
    public Set<String> paymentIds = new TreeSet<>();
}
