package org.flexsi.certificate.issue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.flexsi.certificate.monitor.CertificateMetrics;
import org.flexsi.certificate.record.PaymentRecord;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.CertificateIssued;
import org.flexsi.contracts.events.CertificateRevoked;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.time.BusinessTime;

/** Issues and revokes certificates inside the caller's transaction, announcing each through the outbox. */
@ApplicationScoped
public class CertificateIssuer {
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    /** yyyyMMdd; given a zoned time it would append the offset ("+0800"), so it formats local dates only. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final CertificateMetrics metrics;
    private final SecureRandom random = new SecureRandom();

    public CertificateIssuer(EntityManager em, Outbox outbox, Clock clock, CertificateMetrics metrics) {
        this.metrics = metrics;
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A certificate over {@code payments} (all of one person); {@code from}/{@code to} set for a period certificate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Certificate issue(String personId, String region, List<PaymentRecord> payments, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        Certificate certificate = new Certificate();
        long sequence = ((Number) em.createNativeQuery("select nextval('certificate_seq')").getSingleResult()).longValue();
        certificate.number = region + DAY.format(BusinessTime.dateOf(now)) + String.format("%08d", sequence);
        certificate.verificationCode = code();
        certificate.personId = personId;
        certificate.region = region;
        String payer = payments.get(0).payerId;
        boolean oneProxy = payments.stream().allMatch(p -> p.payerId.equals(payer)) && !payer.equals(personId);
        certificate.payerId = oneProxy ? payer : null;
        certificate.periodFrom = from;
        certificate.periodTo = to;
        certificate.total = payments.stream().map(PaymentRecord::netTotal).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        certificate.latestPaidAt = payments.stream().map(p -> p.paidAt).max(Comparator.naturalOrder()).orElseThrow();
        certificate.issuedAt = now;
        certificate.status = Certificate.Status.ISSUED;
        payments.forEach(p -> certificate.paymentIds.add(p.paymentId));
        certificate.persist();
        outbox.publish(new CertificateIssued(certificate.number, personId, List.copyOf(certificate.paymentIds),
                Money.text(certificate.total), now));
        metrics.issued();
        return certificate;
    }

    /** Revokes every valid certificate that covers the payment; returns them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Certificate> revokeCovering(String paymentId, String reason) {
        List<Certificate> covering = em.createQuery("select c from Certificate c join c.paymentIds p"
                + " where p = ?1 and c.status = ?2", Certificate.class)
                .setParameter(1, paymentId).setParameter(2, Certificate.Status.ISSUED).getResultList();
        Instant now = clock.instant();
        for (Certificate certificate : covering) {
            certificate.status = Certificate.Status.REVOKED;
            certificate.revokedAt = now;
            certificate.revokeReason = reason.length() > 300 ? reason.substring(0, 300) : reason;
            outbox.publish(new CertificateRevoked(certificate.number, certificate.personId, certificate.revokeReason, now));
        }
        metrics.revoked(covering.size());
        return covering;
    }

    private String code() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
