package org.flexsi.registration.person;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.identity.IdType;

/** A search with the ID number in the body, where a URL would carry it into traces and access logs. */
@Schema(name = "PersonSearch", description = "Find persons by ID number or region; the ID number in the body keeps it out of URLs")
public record PersonSearchRequest(
        @Schema(description = "The resident identity card when absent", defaultValue = "RESIDENT_ID", examples = "RESIDENT_ID") IdType idType,
        @Pattern(regexp = "[0-9A-Za-z]{5,18}", message = "must be 5 to 18 letters or digits")
        @Schema(description = "Either case of the check character X", examples = "420106199003071238") String idNumber,
        @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") @Schema(examples = "420100") String region,
        @Min(0) @Max(10_000) @Schema(defaultValue = "0", examples = "0") Integer page,
        @Min(1) @Max(500) @Schema(defaultValue = "50", examples = "50") Integer size) {
}
