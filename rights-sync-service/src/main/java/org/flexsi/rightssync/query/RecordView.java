package org.flexsi.rightssync.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.Money;
import org.flexsi.rightssync.record.SyncRecord;
import org.flexsi.rightssync.rejection.Resolution;

/** A record as operations and agencies see it (no ID number: the person id identifies the person here). */
@Schema(name = "RightsRecord")
public record RecordView(
        @Schema(examples = "RS-3f1c9a2e-7f7e-3c7a-9d55-0c1e8b3f2a10") String recordId,
        @Schema(examples = "PAYMENT", enumeration = {"PAYMENT", "REVERSAL"}) String kind,
        @Schema(examples = "PENSION", enumeration = {"PENSION", "MEDICAL"}) String agency,
        @Schema(examples = "p-000001") String personId,
        @Schema(examples = "pay-000001") String paymentId,
        @Schema(examples = "null") String refundId,
        @Schema(examples = "420100") String region,
        @Schema(examples = "PENSION") String insurance,
        @Schema(examples = "[\"2026-03\"]") List<String> months,
        @Schema(examples = "3980.00") String base,
        @Schema(examples = "796.00") String amount,
        @Schema(examples = "2026-03-02T08:00:00Z") Instant paidAt,
        @Schema(description = "Payment date + 3 working days; null while that year's calendar is not loaded", examples = "2026-03-05") LocalDate deadline,
        @Schema(examples = "CONFIRMED", enumeration = {"PENDING", "SENT", "ACKNOWLEDGED", "CONFIRMED", "REJECTED", "OVERDUE"}) String status,
        @Schema(examples = "false") boolean atRisk,
        @Schema(description = "Last time it was sent to the agency") Instant sentAt,
        @Schema(description = "When the agency first acknowledged receipt") Instant acknowledgedAt,
        @Schema(examples = "PEN-000001") String agencyReference,
        @Schema(description = "When the agency decided") Instant decidedAt,
        @Schema(description = "When this service learned the decision") Instant recordedAt,
        @Schema(examples = "person not enrolled with this agency") String reason,
        @Schema(examples = "1") int sendAttempts,
        @Schema(examples = "null") String lastError,
        @Schema(description = "How ops resolved a rejection; null while it is open on the work list") Resolution resolution,
        @Schema(description = "The rejected record this one sends again", examples = "null") String resendOf) {

    public static RecordView of(SyncRecord r) {
        return new RecordView(r.recordId, r.kind.name(), r.agency.name(), r.personId, r.paymentId, r.refundId, r.region,
                r.insurance, r.monthList(), Money.text(r.base), Money.text(r.amount), r.paidAt, r.deadline,
                r.status(), r.atRiskAt != null && !r.stage.decided(), r.sentAt, r.acknowledgedAt, r.agencyReference, r.decidedAt, r.recordedAt,
                r.reason, r.sendAttempts, r.lastError, Resolution.of(r), r.resendOf);
    }
}
