package org.flexsi.assessment.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.contracts.events.LineItem;

/** A stored assessment (核定). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentView(
        @Schema(examples = "6f1c1a9e-2d7b-4a51-9a43-1f0f3c2b7d10") String assessmentId,
        @Schema(description = "核定流水号", examples = "37010020260115000000042") String serialNumber,
        @Schema(examples = "p-1001") String personId,
        @Schema(examples = "370100") String region,
        @Schema(examples = "2026") Integer year,
        @Schema(examples = "SELF_SELECTED", enumeration = {"SELF_SELECTED", "AGENCY"}) String source,
        @Schema(examples = "370100-2026-v1") String catalogueVersion,
        @Schema(examples = "OPEN", enumeration = {"OPEN", "PAID", "EXPIRED", "CANCELLED"}) String status,
        List<LineItem> lines,
        @Schema(examples = "1305.00") String total,
        Instant createdAt,
        Instant expiresAt,
        @Schema(description = "why it was cancelled or expired") String closeReason,
        @Schema(description = "the agency's own reference, for agency-made assessments") String agencyReference) {
}
