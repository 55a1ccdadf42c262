package org.flexsi.registration.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why full personal data is revealed: kept with the access audit entry. */
@Schema(name = "RevealRequest", description = "The reason for seeing the full ID number, mobile and birth date")
public record RevealRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE)
        @Schema(examples = "caller verified at the counter, ticket 2026-0417") String reason) {
}
