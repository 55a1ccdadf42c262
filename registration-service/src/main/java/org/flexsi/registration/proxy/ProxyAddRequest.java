package org.flexsi.registration.proxy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.identity.IdType;
import org.flexsi.registration.person.FreeText;

@Schema(name = "ProxyAddRequest", description = "Ask to put a registered person on my list: identified by ID and name, with"
        + " the consent date. The link is PENDING until the person confirms it")
public record ProxyAddRequest(
        @Schema(description = "The resident identity card when absent", defaultValue = "RESIDENT_ID", examples = "RESIDENT_ID") IdType idType,
        @NotBlank @Pattern(regexp = "[0-9A-Za-z]{5,18}", message = "must be 5 to 18 letters or digits")
        @Schema(examples = "420106199003071238") String idNumber,
        @NotBlank @Size(max = 100) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE)
        @Schema(examples = "张伟") String name,
        @NotNull @Schema(description = "When the person agreed to be paid for", examples = "2026-01-10") LocalDate consentDate,
        @Size(max = 40) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE)
        @Schema(examples = "spouse") String relationship) {

    /** The seeds' proxies identify persons by their resident identity card (issue 16). */
    public ProxyAddRequest {
        idType = idType == null ? IdType.RESIDENT_ID : idType;
    }
}
