package org.flexsi.certificate.verify;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;

@Path("/api/v1")
@Tag(name = "verification", description = "Anyone can check a certificate, without a token")
@PermitAll
public class VerificationResource {
    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @Inject
    Verification verification;
    @Context
    HttpServerRequest request;

    @GET
    @Path("/public/certificates/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a certificate certifies, by its number and verification code (the QR code's URL)")
    @APIResponse(responseCode = "200", description = "The certificate, with its status (ISSUED or REVOKED)")
    @APIResponse(responseCode = "404", description = "No such certificate with this code",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong codes for this certificate or from this client",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PublicCertificate byCode(@PathParam("number") String number, @QueryParam("code") String code) {
        return verification.byCode(number, code, request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress());
    }

    @POST
    @Path("/certificates/verify")
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
