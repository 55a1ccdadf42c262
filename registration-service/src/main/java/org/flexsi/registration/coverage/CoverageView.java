package org.flexsi.registration.coverage;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Is the person covered by medical insurance in a month, and if not why and from when (R17)")
public record CoverageView(
        UUID personId,
        @Schema(examples = "MEDICAL") String insurance,
        @Schema(examples = "2026-05") String month,
        @Schema(examples = "false") boolean covered,
        @Schema(examples = "WAITING") CoverageStatus status,
        @Schema(description = "First covered month when known", examples = "2026-08") String coveredFrom,
        @Schema(description = "Owed months not paid", examples = "[\"2026-02\"]") List<String> arrears,
        @Schema(examples = "benefits resume in 2026-08 after the interruption") String reason) {
}
