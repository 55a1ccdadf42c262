package org.flexsi.rightssync.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which draft the second operator reviewed and publishes: a draft replaced meanwhile is not published unseen. */
@Schema(name = "PublishCalendarBody")
public record PublishCalendarRequest(
        @Schema(description = "The draftId the upload answered", examples = "0b6e8f5e-5d1c-4a53-9d7e-2f3c4b5a6d7e")
        @NotBlank @Size(max = 36) String draftId) {
}
