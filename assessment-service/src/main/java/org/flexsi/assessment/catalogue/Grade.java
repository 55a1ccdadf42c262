package org.flexsi.assessment.catalogue;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contribution grade (档次): a base, usually a percentage of the previous year's average wage (R7, R8). */
public record Grade(
        @NotBlank @Size(max = 20) @Schema(examples = "60") String code,
        @Digits(integer = 3, fraction = 2) @DecimalMin("0.01") @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(description = "percent of the average wage, for information", examples = "60") BigDecimal percent,
        @NotNull @Digits(integer = 8, fraction = 2) @DecimalMin("0.01") @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(examples = "3024.00") BigDecimal base) {
}
