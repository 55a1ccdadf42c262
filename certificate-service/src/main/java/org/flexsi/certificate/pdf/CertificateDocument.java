package org.flexsi.certificate.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Everything printed on one certificate, already looked up and formatted; the renderer only lays it out. */
public record CertificateDocument(
        String number,
        String verificationCode,
        String verificationUrl,
        LocalDate issueDate,
        String taxOffice,
        String regionName,
        String personName,
        String maskedIdNumber,
        String agency,
        String payer,
        String period,
        List<Row> rows,
        BigDecimal total,
        BigDecimal refunded) {

    /** One line of a payment; a refunded line carries a negative amount and the note 已退付. */
    public record Row(LocalDate paidOn, String insurance, String months, String base, String rate,
            BigDecimal amount, String note) {
    }
}
