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

    @Schema(name = "ProxyAddRequest", description = "Ask to put a registered person on my list: identified by ID and name, with"
            + " the consent date. The link is PENDING until the person confirms it")
    public record Add(
            @Schema(description = "The resident identity card when absent", defaultValue = "RESIDENT_ID", examples = "RESIDENT_ID") IdType idType,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z]{5,18}", message = "must be 5 to 18 letters or digits")
            @Schema(examples = "420106199003071238") String idNumber,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}<>;]+", message = "must not contain control characters, <, > or ;")
            @Schema(examples = "张伟") String name,
            @NotNull @Schema(description = "When the person agreed to be paid for", examples = "2026-01-10") LocalDate consentDate,
            @Size(max = 40) @Pattern(regexp = "[^\\p{Cntrl}<>;]+", message = "must not contain control characters, <, > or ;")
            @Schema(examples = "spouse") String relationship) {

        /** The seeds' proxies identify persons by their resident identity card (issue 16). */
        public Add {
            idType = idType == null ? IdType.RESIDENT_ID : idType;
        }
    }

    @Schema(name = "ProxyEditRequest", description = "Change the consent date or relationship of a person on my list")
    public record Edit(
            @NotNull @Schema(examples = "2026-02-01") LocalDate consentDate,
            @Size(max = 40) @Pattern(regexp = "[^\\p{Cntrl}<>;]+", message = "must not contain control characters, <, > or ;")
            @Schema(examples = "parent") String relationship) {
    }

    @Schema(name = "ProxyRecordRequest", description = "An agency records at the counter that the person agreed to be paid for"
            + " by this proxy, with the evidence seen (e.g. the signed consent form's number); the link is ACTIVE at once")
    public record CounterRecord(
            @NotBlank @Size(max = 100) @Pattern(regexp = PROXY_ID, message = "must be a proxy payer's id")
            @Schema(examples = "proxy-13912345678") String proxyId,
            @NotNull @Schema(examples = "2026-01-10") LocalDate consentDate,
            @Size(max = 40) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) @Schema(examples = "spouse") String relationship,
            @NotBlank @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE)
            @Schema(description = "What the agency saw: the signed consent form's number or a scan reference",
                    examples = "WF-CONSENT-2026-000417") String evidence) {
    }

    /** A proxy payer's id, as the token subject names it. */
    public static final String PROXY_ID = "[A-Za-z0-9._:@-]{1,100}";
    private static final String TEXT = "[^\\p{Cntrl}<>;]+";
    private static final String TEXT_MESSAGE = "must not contain control characters, <, > or ;";
}
