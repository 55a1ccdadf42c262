package org.flexsi.registration.proxy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A proxy payer's link to a person, as the person and the agencies see it")
public record ProxyLinkView(
        @Schema(examples = "proxy-13912345678") String proxyId,
        UUID personId,
        @Schema(description = "PENDING until confirmed by the person or recorded by an agency; only ACTIVE grants anything",
                examples = "PENDING") ProxyLink.Status status,
        @Schema(examples = "2026-01-10") LocalDate consentDate,
        @Schema(examples = "spouse") String relationship,
        @Schema(description = "When the proxy asked (or the agency recorded it)") Instant requestedAt,
        @Schema(description = "Who made it active: the person or an agency", examples = "weifang-medical") String confirmedBy,
        @Schema(examples = "agency") String confirmedRole,
        @Schema(description = "For a link recorded at the counter, the evidence seen", examples = "WF-CONSENT-2026-000417") String evidence,
        Instant confirmedAt) {

    static ProxyLinkView of(ProxyLink link) {
        return new ProxyLinkView(link.proxyId, link.personId, link.status, link.consentDate, link.relationship,
                link.linkedAt, link.confirmedBy, link.confirmedRole, link.evidence, link.confirmedAt);
    }
}
