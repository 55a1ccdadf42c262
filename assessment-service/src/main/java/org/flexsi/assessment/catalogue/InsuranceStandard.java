package org.flexsi.assessment.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one insurance costs in one region and year. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InsuranceStandard(
        @NotNull @Schema(examples = "PENSION") Insurance insurance,
        @Valid @Schema(description = "how the base is chosen; omit for items that are fixed fees only") BaseRule base,
        @NotEmpty @Size(max = 10) List<@Valid Plan> plans,
        @Schema(description = "default FEN_PER_LINE") Rounding rounding,
        @Schema(description = "the enrolment that entitles to this item, when not its own (Weifang's long-term care comes with MEDICAL)",
                examples = "MEDICAL") Insurance enrolledAs,
        @Schema(description = "true when only the agency assesses it (Jiangxi medical, R14/R16)") boolean agencyAssessed) {

    public Rounding roundingOrDefault() {
        return rounding == null ? Rounding.FEN_PER_LINE : rounding;
    }

    public Insurance enrolment() {
        return enrolledAs == null ? insurance : enrolledAs;
    }
}
