package org.flexsi.payment.ops;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IssueResolution")
public record IssueResolutionRequest(
        @NotBlank @Size(max = 500) @Schema(examples = "provider confirmed a partial payment; refunded by hand")
        String resolution) {
}
