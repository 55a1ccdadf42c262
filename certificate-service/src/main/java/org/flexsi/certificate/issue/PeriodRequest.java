package org.flexsi.certificate.issue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Ask for one certificate over every payment of a person in a period (e.g. a year)")
public record PeriodRequest(
        @NotBlank @Size(max = 64) @Schema(examples = "p-42") String personId,
        @NotNull @Schema(examples = "2026-01-01") LocalDate from,
        @NotNull @Schema(examples = "2026-12-31") LocalDate to) {
}
