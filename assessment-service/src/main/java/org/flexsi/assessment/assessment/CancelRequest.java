package org.flexsi.assessment.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CancelRequest(@NotBlank @Size(max = 200) @Schema(examples = "chose another grade") String reason) {
}
