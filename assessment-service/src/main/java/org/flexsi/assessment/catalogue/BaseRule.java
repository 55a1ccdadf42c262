package org.flexsi.assessment.catalogue;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the contribution base is chosen (R7, R9): one of a list of grades, any amount between a floor and a
 * ceiling, or a fixed base set by the region.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "exactly one of: grades, floor+ceiling, fixed")
public record BaseRule(
        @Size(max = 30) List<@Valid Grade> grades,
        @Digits(integer = 8, fraction = 2) @DecimalMin("0.01") @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(examples = "4500.00") BigDecimal floor,
        @Digits(integer = 8, fraction = 2) @DecimalMin("0.01") @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(examples = "22500.00") BigDecimal ceiling,
        @Digits(integer = 8, fraction = 2) @DecimalMin("0.01") @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(examples = "4500.00") BigDecimal fixed) {

    public boolean graded() {
        return grades != null && !grades.isEmpty();
    }

    public boolean ranged() {
        return floor != null || ceiling != null;
    }
}
