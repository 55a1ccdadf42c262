package org.flexsi.registration.enrolment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.person.Months;
import org.flexsi.registration.region.Channel;
import org.flexsi.registration.region.Terms;

@Schema(name = "MedicalRateChangeRequest", description = "R5: interrupt the old medical account and re-enrol at the new rate, atomically")
public record MedicalRateChangeRequest(
        @NotNull @Pattern(regexp = Months.PATTERN, message = "must be YYYY-MM") @Schema(examples = "2026-07") String effectiveMonth,
        @Pattern(regexp = Terms.RATE, message = "must be a fraction such as 0.09") @Schema(examples = "0.09") String rate,
        @Pattern(regexp = "[A-Z_]{1,40}", message = "must be a plan code such as POOLED_ONLY") @Schema(examples = "POOLED_ONLY") String plan,
        @Pattern(regexp = Terms.MONEY, message = "must be a decimal amount such as 3980.00") @Schema(examples = "4378.00") String base,
        @Schema(examples = "ONLINE") Channel channel) {
}
