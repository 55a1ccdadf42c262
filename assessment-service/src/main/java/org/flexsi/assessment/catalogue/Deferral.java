package org.flexsi.assessment.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A deferral policy: the months of {@code year} stay payable until {@code payableUntil} (Jinan 2022, R13). */
public record Deferral(
        @Min(2000) @Max(2100) @Schema(examples = "2022") int year,
        @NotNull @Schema(examples = "2023-12-31") LocalDate payableUntil,
        @Schema(description = "no late fee for these months") boolean lateFeeWaived) {
}
