package org.flexsi.payment.callback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The notification's shape, for the OpenAPI document. */
@Schema(name = "ProviderNotice")
public record ProviderNoticeRequest(
        @Schema(examples = "0b6f3c1e-8a57-4c1b-9a63-1d2f5e7a9b10") String merchantOrderId,
        @Schema(examples = "wx-order-00000001") String providerOrderId,
        @Schema(examples = "wx-tx-00000001") String transactionId,
        @Schema(examples = "796.00") String amount,
        @Schema(examples = "SUCCESS", enumeration = { "SUCCESS", "FAILED" }) String status,
        @Schema(examples = "2026-03-02T08:00:00Z") String paidAt) {
}
