package org.flexsi.payment.bank;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BankPaymentView")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BankPaymentView(
        String paymentId,
        @Schema(examples = "ICBC-20261202-000123") String bankTransactionId,
        @Schema(examples = "HB2026070100001234") String assessmentSerial,
        @Schema(examples = "PAID", enumeration = { "PAID", "REFUNDED", "REVERSED" }) String status,
        @Schema(examples = "1070.62") String amount,
        @Schema(examples = "the assessment was already paid by another payment") String statusReason,
        Instant paidAt) {
}
