package org.flexsi.rightssync.callback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agency's decision on one record, as it calls back. */
@Schema(name = "AgencyDecision")
public record AgencyDecisionRequest(
        @Schema(examples = "RS-3f1c9a2e-7f7e-3c7a-9d55-0c1e8b3f2a10") @NotBlank @Size(max = 64) String recordId,
        @Schema(examples = "CONFIRMED") @NotBlank @Pattern(regexp = "CONFIRMED|REJECTED", message = "must be CONFIRMED or REJECTED") String status,
        @Schema(examples = "PEN-000001") @Size(max = 80) String agencyReference,
        @Schema(examples = "person not enrolled with this agency") @Size(max = 500) String reason,
        @Schema(examples = "2026-03-02T08:00:05Z") Instant decidedAt) {
}
