package org.flexsi.registration.proxy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.identity.IdType;

/** Bodies of the proxy list writes. */
public final class ProxyRequests {
    private ProxyRequests() {
    }

    @Schema(name = "ProxyAddRequest", description = "Put a registered person on my list: identified by ID and name, with the consent date")
    public record Add(
            @NotNull @Schema(examples = "RESIDENT_ID") IdType idType,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z]{5,18}", message = "must be 5 to 18 letters or digits")
            @Schema(examples = "420106199003071238") String idNumber,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}<>;]+", message = "must not contain control characters, <, > or ;")
            @Schema(examples = "张伟") String name,
            @NotNull @Schema(description = "When the person agreed to be paid for", examples = "2026-01-10") LocalDate consentDate,
            @Size(max = 40) @Pattern(regexp = "[^\\p{Cntrl}<>;]+", message = "must not contain control characters, <, > or ;")
            @Schema(examples = "spouse") String relationship) {
    }

    @Schema(name = "ProxyEditRequest", description = "Change the consent date or relationship of a person on my list")
    public record Edit(
            @NotNull @Schema(examples = "2026-02-01") LocalDate consentDate,
            @Size(max = 40) @Pattern(regexp = "[^\\p{Cntrl}<>;]+", message = "must not contain control characters, <, > or ;")
            @Schema(examples = "parent") String relationship) {
    }
}
