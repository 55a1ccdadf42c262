package org.flexsi.registration.proxy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.person.FreeText;

@Schema(name = "ProxyRecordRequest", description = "An agency records at the counter that the person agreed to be paid for"
        + " by this proxy, with the evidence seen (e.g. the signed consent form's number); the link is ACTIVE at once")
public record ProxyRecordRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = PROXY_ID, message = "must be a proxy payer's id")
        @Schema(examples = "proxy-13912345678") String proxyId,
        @NotNull @Schema(examples = "2026-01-10") LocalDate consentDate,
        @Size(max = 40) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE) @Schema(examples = "spouse") String relationship,
        @NotBlank @Size(max = 100) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE)
        @Schema(description = "What the agency saw: the signed consent form's number or a scan reference",
                examples = "WF-CONSENT-2026-000417") String evidence) {
    /** A proxy payer's id, as the token subject names it. */
    public static final String PROXY_ID = "[A-Za-z0-9._:@-]{1,100}";
}
