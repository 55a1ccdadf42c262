package org.flexsi.certificate.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A payment certificate (完税证明): what it covers and how to get and verify it")
public record CertificateView(
        @Schema(examples = "3701002026120200000042") String certificateNumber,
        @Schema(examples = "K7M3Q9XP", description = "Printed on the certificate; anyone holding it can verify") String verificationCode,
        @Schema(examples = "p-42") String personId,
        @Schema(examples = "proxy-7", nullable = true, description = "Set when a proxy paid") String payerId,
        @Schema(examples = "370100") String region,
        @Schema(examples = "[\"pay-7f3a\"]") List<String> paymentIds,
        @Schema(examples = "2026-01-01", nullable = true) LocalDate periodFrom,
        @Schema(examples = "2026-12-31", nullable = true) LocalDate periodTo,
        @Schema(examples = "13045.44") String total,
        @Schema(examples = "壹万叁仟零肆拾伍元肆角肆分") String totalInCapitals,
        @Schema(examples = "ISSUED", enumeration = {"ISSUED", "REVOKED"}) String status,
        @Schema(examples = "2026-03-02T02:15:01Z") Instant issuedAt,
        @Schema(examples = "2026-03-02", description = "First day the PDF is offered (R22)") LocalDate availableFrom,
        @Schema(nullable = true) Instant revokedAt,
        @Schema(nullable = true, examples = "退付 1087.12 元: duplicate payment") String revokeReason,
        @Schema(examples = "/api/v1/certificates/3701002026120200000042/pdf") String pdfUrl,
        @Schema(examples = "http://127.0.0.1:8084/api/v1/public/certificates/3701002026120200000042?code=K7M3Q9XP") String verificationUrl) {
}
