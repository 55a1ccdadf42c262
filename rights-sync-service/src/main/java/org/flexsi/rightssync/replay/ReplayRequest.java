package org.flexsi.rightssync.replay;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which records to send again; the criteria combine (and), at least one is required. */
@Schema(name = "ReplayRequest")
public record ReplayRequest(
        @Schema(examples = "RS-3f1c9a2e-7f7e-3c7a-9d55-0c1e8b3f2a10") @Size(max = 64) String recordId,
        @Schema(examples = "p-000001") @Size(max = 64) String personId,
        @Schema(examples = "420100") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit region code") String region,
        @Schema(description = "First payment date (Beijing), inclusive", examples = "2026-03-01") LocalDate from,
        @Schema(description = "Last payment date (Beijing), inclusive", examples = "2026-03-02") LocalDate to,
        @Schema(examples = "PENSION", enumeration = {"PENSION", "MEDICAL"}) @Pattern(regexp = "PENSION|MEDICAL", message = "must be PENSION or MEDICAL") String agency,
        @Schema(description = "Only count what would be sent", examples = "true") boolean dryRun) {
}
