package org.flexsi.certificate.issue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.flexsi.certificate.access.Reach;
import org.flexsi.certificate.availability.AvailabilityPolicy;
import org.flexsi.certificate.monitor.CertificateMetrics;
import org.flexsi.certificate.pdf.CertificateFiles;
import org.flexsi.certificate.pdf.ChineseAmount;
import org.flexsi.certificate.record.PaymentRecord;
import org.flexsi.contracts.Money;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.time.BusinessTime;

/** The certificate API: who may see which certificate, when (R22), its PDF, and period certificates. */
@ApplicationScoped
@Transactional
public class CertificateService {
    private final EntityManager em;
    private final AvailabilityPolicy availability;
    private final CertificateIssuer issuer;
    private final CertificateDocuments documents;
    private final CertificateFiles files;
    private final Clock clock;
    private final CertificateMetrics metrics;

    public CertificateService(EntityManager em, AvailabilityPolicy availability, CertificateIssuer issuer,
            CertificateDocuments documents, CertificateFiles files, Clock clock, CertificateMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
        this.em = em;
        this.availability = availability;
        this.issuer = issuer;
        this.documents = documents;
        this.files = files;
    }

    /** Certificates of a payment or a person; a contributor's certificate of a payment not yet available is a 409. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CertificateView> list(Caller caller, String paymentId, String personId) {
        if (paymentId == null && personId == null) {
            throw ProblemException.invalid("paymentId", "give paymentId or personId");
        }
        StringBuilder query = new StringBuilder("select distinct c from Certificate c join c.paymentIds p where 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (paymentId != null) {
            query.append(" and p = :payment");
            params.put("payment", paymentId);
        }
        if (personId != null) {
            query.append(" and c.personId = :person");
            params.put("person", personId);
        }
        var typed = em.createQuery(query + " order by c.issuedAt desc", Certificate.class).setMaxResults(500);
        params.forEach(typed::setParameter);
        List<Certificate> visible = typed.getResultList().stream()
                .filter(c -> Reach.sees(caller, c.personId, c.payerId, c.region)).toList();
        if (!caller.backOffice()) {
            if (paymentId != null && !visible.isEmpty()) {
                availability.requireAvailable(availableFrom(visible.get(0)), "the certificate of payment " + paymentId);
            }
            visible = visible.stream().filter(c -> availability.isAvailable(availableFrom(c))).toList();
        }
        return visible.stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CertificateView get(Caller caller, String number) {
        Certificate certificate = visible(caller, number);
        if (!caller.backOffice()) {
            availability.requireAvailable(availableFrom(certificate), "certificate " + number);
        }
        return view(certificate);
    }

    /** The signed PDF: rendered and signed on first download, then always the same bytes. */
    public byte[] pdf(Caller caller, String number) {
        Certificate certificate = visible(caller, number);
        availability.requireAvailable(availableFrom(certificate), "certificate " + number);
        if (certificate.status == Certificate.Status.REVOKED) {
            throw ProblemException.conflict("certificate-revoked", "certificate " + number + " was revoked ("
                    + certificate.revokeReason + "); ask for the certificate that replaced it");
        }
        em.lock(certificate, LockModeType.PESSIMISTIC_WRITE);
        if (certificate.pdf == null) {
            LocalDate today = BusinessTime.today(clock);
            var started = metrics.startPdf();
            byte[] signed;
            try {
                signed = files.signedPdf(documents.document(certificate, today));
            } catch (RuntimeException e) {
                started.stop(metrics.pdfTimer("failure"));
                throw e;
            }
            started.stop(metrics.pdfTimer("success"));
            certificate.pdf = signed;
            certificate.pdfSha256 = sha256(signed);
            certificate.pdfIssueDate = today;
        }
        return certificate.pdf;
    }

    /** One certificate over every payment of the person in the period that is available to him. */
    public CertificateView issueForPeriod(Caller caller, PeriodRequest request) {
        if (request.to().isBefore(request.from())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (request.from().isBefore(LocalDate.of(2019, 1, 1))) {
            throw ProblemException.ruleBroken("R23", "certificates cover payments since 2019-01-01");
        }
        if (!caller.backOffice() && !caller.subject().equals(request.personId())) {
            throw ProblemException.forbidden("a contributor asks for his own certificates only");
        }
        List<PaymentRecord> paid = PaymentRecord.list("personId = ?1 and paidAt >= ?2 and paidAt < ?3 order by paidAt",
                request.personId(), request.from().atStartOfDay(BusinessTime.ZONE).toInstant(),
                request.to().plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
        // an agency certifies persons of its own regions only
        paid.forEach(p -> caller.requireRegion(p.region));
        List<PaymentRecord> payments = paid.stream()
                .filter(p -> p.netTotal().signum() > 0)
                .filter(p -> availability.isAvailable(availability.certificatesFrom(p.region, p.paidAt)))
                .toList();
        if (payments.isEmpty()) {
            throw ProblemException.ruleBroken("no-payments", "no payments of " + request.personId() + " between "
                    + request.from() + " and " + request.to() + " can be certified");
        }
        return view(issuer.issue(request.personId(), payments.get(payments.size() - 1).region, payments, request.from(),
                request.to()));
    }

    public CertificateView view(Certificate c) {
        return new CertificateView(c.number, c.verificationCode, c.personId, c.payerId, c.region, List.copyOf(c.paymentIds),
                c.periodFrom, c.periodTo, Money.text(c.total), ChineseAmount.capital(c.total), c.status.name(), c.issuedAt,
                availableFrom(c), c.revokedAt, c.revokeReason, "/api/v1/certificates/" + c.number + "/pdf",
                documents.verificationUrl(c));
    }

    public LocalDate availableFrom(Certificate certificate) {
        return availability.certificatesFrom(certificate.region, certificate.latestPaidAt);
    }

    private Certificate visible(Caller caller, String number) {
        Certificate certificate = Certificate.findById(number);
        if (certificate == null) {
            throw ProblemException.notFound("no certificate " + number + " that you may see");
        }
        Reach.require(caller, certificate.personId, certificate.payerId, certificate.region, "certificate " + number);
        return certificate;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
