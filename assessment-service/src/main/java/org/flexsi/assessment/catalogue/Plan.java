package org.flexsi.assessment.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan of one insurance (Jinan: with personal account 9 %, pooled-only 5 % + 18; Weifang: 6/7/9/10 %). */
public record Plan(
        @NotBlank @Size(max = 40) @Schema(examples = "WITH_ACCOUNT") String code,
        @Size(max = 200) @Schema(examples = "personal account, inpatient cover") String description,
        @NotEmpty @Size(max = 10) List<@Valid Part> parts) {

    /** The sum of the parts' rates: what a contributor means by "the 7 % plan". */
    public BigDecimal totalRate() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Part p : parts) {
            if (p.rate() != null) {
                sum = sum.add(p.rate());
            }
        }
        return sum;
    }
}
