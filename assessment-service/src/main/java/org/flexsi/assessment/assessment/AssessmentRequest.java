package org.flexsi.assessment.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.assessment.quote.InsuranceChoice;

@Schema(description = "Assess (核定) what a registered person owes for chosen months; choices left out default to the registered "
        + "ones. A base is chosen per insurance (insurances[].base); any other field, such as a quote's top-level base, is refused.")
public record AssessmentRequest(
        @NotBlank @Size(max = 64) @Schema(examples = "p-1001") String personId,
        @Min(2000) @Max(2100) @Schema(description = "catalogue year; default: the year whose catalogue covers the first month",
                examples = "2026") Integer year,
        @NotEmpty @Size(max = 60) @Schema(examples = "[\"2026-01\"]")
        List<@NotNull @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must look like YYYY-MM") String> months,
        @NotEmpty @Size(max = 10) List<@Valid @NotNull InsuranceChoice> insurances,
        @Min(1) @Schema(description = "read-your-writes: the person's registration version registration answered after a change "
                + "(enrolment, rate, continuation). While this service has not consumed that version yet the request is answered "
                + "409 registration-not-yet-seen with Retry-After (seconds); retry then. Leave out to be assessed on what is known.",
                examples = "7") Long expectedRegistrationVersion) {
}
