package org.flexsi.assessment.quote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What would these months cost? Nothing is stored or changed (R11).")
public record QuoteRequest(
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit GB/T 2260 code") @Schema(examples = "370700") String region,
        @NotNull @Min(2000) @Max(2100) @Schema(description = "contribution year of the catalogue", examples = "2023") Integer year,
        @NotEmpty @Size(max = 60) @Schema(examples = "[\"2023-01\", \"2023-02\"]")
        List<@NotNull @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must look like YYYY-MM") String> months,
        @Pattern(regexp = "[0-9]{1,8}(\\.[0-9]{1,2})?", message = "must be a decimal amount with at most 2 places")
        @Schema(description = "base for every chosen insurance that gives none", examples = "3980.00") String base,
        @NotEmpty @Size(max = 10) List<@Valid @NotNull InsuranceChoice> insurances,
        @Size(max = 64) @Schema(description = "only with expectedRegistrationVersion: the person whose registration the quote "
                + "waits for (the caller must be allowed to act for him); the quote itself stays a pure calculation",
                examples = "p-1001") String personId,
        @Min(1) @Schema(description = "read-your-writes, as for assessments: 409 registration-not-yet-seen with Retry-After "
                + "while this service has not consumed the person's registration version yet", examples = "7")
        Long expectedRegistrationVersion) {
}
