package org.flexsi.certificate.verify;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The verdict on an uploaded certificate PDF")
public record VerificationResult(
        @Schema(examples = "VALID", enumeration = {"VALID", "MODIFIED", "UNKNOWN", "REVOKED"}) Verdict result,
        @Schema(examples = "3701002026120200000042", nullable = true) String certificateNumber,
        @Schema(examples = "the file is the certificate as issued, and its signature holds") String detail,
        @Schema(nullable = true, description = "What the certificate certifies, when it is known") PublicCertificate certificate) {

    public enum Verdict { VALID, MODIFIED, UNKNOWN, REVOKED }
}
