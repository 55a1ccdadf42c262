package org.flexsi.assessment.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The payable-window rule of a region, the DOMAIN.md rule it implements, and its deferral policies. */
public record PaymentWindow(
        @NotNull @Schema(examples = "YEAR_TO_DATE") WindowRule rule,
        @NotBlank @Size(max = 10) @Schema(description = "rule named in refusals", examples = "R13") String ruleRef,
        @Min(1) @Max(12) @Schema(description = "first month of the contribution year (7 in Hubei)", examples = "1") int yearStartMonth,
        @Size(max = 10) List<@Valid Deferral> deferrals) {

    public List<Deferral> deferralsOrEmpty() {
        return deferrals == null ? List.of() : deferrals;
    }
}
