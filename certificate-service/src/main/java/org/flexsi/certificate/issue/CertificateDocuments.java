package org.flexsi.certificate.issue;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flexsi.certificate.config.CertificateConfig;
import org.flexsi.certificate.config.RegionLookup;
import org.flexsi.certificate.config.SelfConfig;
import org.flexsi.certificate.pdf.CertificateDocument;
import org.flexsi.certificate.pdf.LineText;
import org.flexsi.certificate.person.Person;
import org.flexsi.certificate.record.PaymentRecord;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.time.BusinessTime;

/** Gathers what a certificate prints: the person, the region's tax office, each paid and refunded line. */
@ApplicationScoped
public class CertificateDocuments {
    private final CertificateConfig config;
    private final SelfConfig self;

    public CertificateDocuments(CertificateConfig config, SelfConfig self) {
        this.config = config;
        this.self = self;
    }

    public String verificationUrl(Certificate certificate) {
        return self.url().replaceAll("/+$", "") + "/api/v1/public/certificates/" + certificate.number + "?code="
                + URLEncoder.encode(certificate.verificationCode, StandardCharsets.UTF_8);
    }

    public String taxOffice(String region) {
        return RegionLookup.find(config.regions(), region).map(CertificateConfig.Region::taxOffice)
                .orElse("国家税务总局（地区 " + region + "）税务局");
    }

    public String regionName(String region) {
        return RegionLookup.find(config.regions(), region).map(CertificateConfig.Region::name).orElse(region);
    }

    public CertificateDocument document(Certificate certificate, LocalDate issueDate) {
        List<PaymentRecord> payments = PaymentRecord.<PaymentRecord>list("paymentId in ?1", certificate.paymentIds).stream()
                .sorted(Comparator.comparing((PaymentRecord p) -> p.paidAt)).toList();
        List<CertificateDocument.Row> rows = new ArrayList<>();
        BigDecimal refunded = BigDecimal.ZERO.setScale(2);
        for (PaymentRecord payment : payments) {
            LocalDate paidOn = BusinessTime.dateOf(payment.paidAt);
            for (LineItem line : payment.lines()) {
                rows.add(row(paidOn, line, Money.parse(line.amount()), null));
            }
            for (LineItem line : payment.refundedLines()) {
                rows.add(row(paidOn, line, Money.parse(line.amount()).negate(), "已退付"));
            }
            refunded = refunded.add(payment.refundedTotal);
        }
        Person person = Person.findById(certificate.personId);
        if (person == null) {
            // the registration event travels on another topic and may still be on its way; a signed file without the
            // taxpayer's name could never be corrected, so the download waits for it
            throw ProblemException.unavailable("the registration of person " + certificate.personId
                    + " has not reached the certificate service yet", 5);
        }
        String payer = null;
        if (certificate.payerId != null) {
            Person payerPerson = Person.findById(certificate.payerId);
            payer = payerPerson == null ? certificate.payerId : payerPerson.name + "（" + payerPerson.maskedIdNumber + "）";
        }
        String period = certificate.periodFrom == null ? null : certificate.periodFrom + " 至 " + certificate.periodTo;
        return new CertificateDocument(certificate.number, certificate.verificationCode, verificationUrl(certificate), issueDate,
                taxOffice(certificate.region), regionName(certificate.region),
                person.name, person.maskedIdNumber, person.agency, payer, period, rows, certificate.total, refunded);
    }

    private static CertificateDocument.Row row(LocalDate paidOn, LineItem line, BigDecimal amount, String note) {
        return new CertificateDocument.Row(paidOn, LineText.insurance(line.insurance(), line.part()),
                LineText.months(line.months()), line.base(), LineText.rate(line.rate()), amount.setScale(2), note);
    }
}
