package org.flexsi.registration.enrolment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.person.FreeText;
import org.flexsi.registration.region.Channel;

@Schema(name = "SuspensionRequest", description = "停保 (R4): a reason and a date are required")
public record SuspensionRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE) @Schema(examples = "insured through a new employer") String reason,
        @NotNull @Schema(examples = "2026-07-01") LocalDate effectiveDate,
        @Schema(examples = "COUNTER") Channel channel) {
}
