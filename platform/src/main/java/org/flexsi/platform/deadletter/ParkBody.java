package org.flexsi.platform.deadletter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeadLetterPark", description = "Why a dead letter is set aside for good")
public record ParkBody(@NotBlank @Size(max = 500)
        @Schema(examples = "test record sent by hand during the 2026-12 drill; nothing to apply") String note) {
}
