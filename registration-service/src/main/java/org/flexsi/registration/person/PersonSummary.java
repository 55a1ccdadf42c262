package org.flexsi.registration.person;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.identity.IdType;

@Schema(description = "A person in a list: ID number and mobile masked")
public record PersonSummary(
        UUID personId,
        @Schema(examples = "RESIDENT_ID") IdType idType,
        @Schema(examples = "4201**********1238") String idNumber,
        @Schema(examples = "张伟") String name,
        @Schema(examples = "138****5678") String mobile,
        @Schema(examples = "420100") String region,
        @Schema(examples = "420100") String registeredLocation,
        Instant registeredAt) {

    /** From the stored masked forms: a list decrypts only the names it shows. */
    public static PersonSummary of(Person p) {
        return new PersonSummary(p.personId, p.idType, p.maskedIdNumber(), p.name(), p.maskedMobile(),
                p.region, p.registeredLocation, p.registeredAt);
    }
}
