package org.flexsi.certificate.verify;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;

@Path("/api/v1/certificates/verify")
@Tag(name = "verification", description = "Anyone can check a certificate, without a token")
@PermitAll
public class VerificationResource {
    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @Inject
    Verification verification;

    @POST
    @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify an uploaded certificate PDF: VALID, MODIFIED, UNKNOWN or REVOKED")
    @RequestBody(content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "200", description = "The verdict")
    @APIResponse(responseCode = "400", description = "Empty, not a PDF, or unreadable",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than any certificate",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not sent as application/pdf",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public VerificationResult verify(byte[] pdf) {
        return verification.verifyPdf(pdf);
    }
}
