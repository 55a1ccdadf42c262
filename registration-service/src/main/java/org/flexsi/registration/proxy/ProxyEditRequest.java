package org.flexsi.registration.proxy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.person.FreeText;

@Schema(name = "ProxyEditRequest", description = "Change the consent date or relationship of a person on my list")
public record ProxyEditRequest(
        @NotNull @Schema(examples = "2026-02-01") LocalDate consentDate,
        @Size(max = 40) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE)
        @Schema(examples = "parent") String relationship) {
}
