package org.flexsi.rightssync.rejection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What ops decided about a rejected record. */
@Schema(name = "RejectionResolutionRequest")
public record ResolutionRequest(
        @Schema(description = "RESEND: send the rights again as a new record, after the cause was fixed (e.g. the person"
                + " is now enrolled with that agency). CLOSE: nothing more will be sent; the note says why.",
                examples = "RESEND", enumeration = {"RESEND", "CLOSE"}, required = true)
        @NotNull(message = "must be RESEND or CLOSE") @Pattern(regexp = "RESEND|CLOSE", message = "must be RESEND or CLOSE") String action,
        @Schema(description = "Why; required for CLOSE", examples = "enrolled with the pension agency on 2026-03-04", maxLength = 500)
        @Size(max = 500) String note) {

    boolean closes() {
        return "CLOSE".equals(action);
    }
}
