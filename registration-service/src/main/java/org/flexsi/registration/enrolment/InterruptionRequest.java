package org.flexsi.registration.enrolment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.person.FreeText;
import org.flexsi.registration.person.Months;
import org.flexsi.registration.region.Channel;

@Schema(name = "InterruptionRequest", description = "减员: the enrolment stops after lastCoveredMonth")
public record InterruptionRequest(
        @NotNull @Pattern(regexp = Months.PATTERN, message = "must be YYYY-MM") @Schema(examples = "2026-06") String lastCoveredMonth,
        @Size(max = 200) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE) @Schema(examples = "stopped working as a courier") String reason,
        @Schema(examples = "COUNTER") Channel channel) {
}
