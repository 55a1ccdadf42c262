package org.flexsi.certificate.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.Money;

@Schema(description = "A successful payment as the contributor may see it (R22)")
public record PaymentRecordView(
        @Schema(examples = "pay-7f3a") String paymentId,
        @Schema(examples = "p-42") String personId,
        @Schema(examples = "p-42", description = "Differs from personId when a proxy paid") String payerId,
        @Schema(examples = "370100") String region,
        @Schema(examples = "HD2026000123") String assessmentSerial,
        @Schema(examples = "WECHAT") String channel,
        List<LineView> lines,
        @Schema(examples = "1087.12") String total,
        List<LineView> refundedLines,
        @Schema(examples = "0.00") String refundedTotal,
        @Schema(examples = "1087.12", description = "total minus refunds") String netTotal,
        @Schema(examples = "2026-03-02T02:15:00Z") Instant paidAt,
        @Schema(examples = "2026-03-03", description = "First day the record is offered to the contributor (R22)") LocalDate availableFrom,
        @Schema(examples = "EVENT") String origin) {

    public static PaymentRecordView of(PaymentRecord record, LocalDate availableFrom) {
        return new PaymentRecordView(record.paymentId, record.personId, record.payerId, record.region, record.assessmentSerial,
                record.channel, record.lines().stream().map(LineView::of).toList(), Money.text(record.total),
                record.refundedLines().stream().map(LineView::of).toList(), Money.text(record.refundedTotal),
                Money.text(record.netTotal()), record.paidAt, availableFrom, record.origin.name());
    }
}
