package org.flexsi.certificate.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.certificate.record.LineView;

@Schema(description = "What a certificate certifies, for anyone holding its number and verification code")
public record PublicCertificate(
        @Schema(examples = "3701002026120200000042") String certificateNumber,
        @Schema(examples = "ISSUED", enumeration = {"ISSUED", "REVOKED"}) String status,
        @Schema(examples = "张*", description = "Name with all but the first character masked") String name,
        @Schema(examples = "3701**********1234") String maskedIdNumber,
        @Schema(examples = "山东省济南市") String region,
        @Schema(examples = "国家税务总局济南市税务局") String taxOffice,
        @Schema(examples = "1087.12") String total,
        @Schema(examples = "壹仟零捌拾柒元壹角贰分") String totalInCapitals,
        List<Payment> payments,
        @Schema(examples = "2026-03-02T02:15:01Z") Instant issuedAt,
        @Schema(nullable = true) Instant revokedAt,
        @Schema(nullable = true) String revokeReason) {

    public record Payment(@Schema(examples = "pay-7f3a") String paymentId, @Schema(examples = "2026-03-02") LocalDate paidOn,
            List<LineView> lines, List<LineView> refundedLines, @Schema(examples = "1087.12") String netTotal) {
    }
}
