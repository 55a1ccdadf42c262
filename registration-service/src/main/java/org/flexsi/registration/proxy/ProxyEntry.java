package org.flexsi.registration.proxy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.identity.IdType;
import org.flexsi.registration.person.Person;

@Schema(description = "A person on a proxy payer's list; the ID number masked. Only an ACTIVE link lets the proxy see and pay for the person")
public record ProxyEntry(
        UUID personId,
        @Schema(examples = "RESIDENT_ID") IdType idType,
        @Schema(examples = "4201**********1238") String idNumber,
        @Schema(examples = "张伟") String name,
        @Schema(examples = "420100") String region,
        @Schema(examples = "2026-01-10") LocalDate consentDate,
        @Schema(examples = "spouse") String relationship,
        Instant linkedAt,
        @Schema(description = "PENDING until the person confirms it (or an agency records it at the counter)", examples = "PENDING") ProxyLink.Status status) {

    static ProxyEntry of(ProxyLink link, Person person) {
        return new ProxyEntry(person.personId, person.idType, person.maskedIdNumber(), person.name(),
                person.region, link.consentDate, link.relationship, link.linkedAt, link.status);
    }
}
