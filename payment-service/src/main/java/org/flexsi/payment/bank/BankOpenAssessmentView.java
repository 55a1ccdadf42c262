package org.flexsi.payment.bank;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.events.LineItem;

@Schema(name = "BankOpenAssessment")
public record BankOpenAssessmentView(
        @Schema(examples = "HB2026070100001234") String assessmentSerial,
        @Schema(examples = "420100") String region,
        List<LineItem> lines,
        @Schema(examples = "1070.62") String total,
        Instant expiresAt) {
}
