package org.flexsi.certificate.verify;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;

@Path("/api/v1/public/certificates")
@Tag(name = "verification", description = "Anyone can check a certificate, without a token")
@PermitAll
public class PublicCertificateResource {
    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @Inject
    VerificationService verification;
    @Context
    HttpServerRequest request;

    @GET
    @Path("/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a certificate certifies, by its number and verification code (the QR code's URL)")
    @APIResponse(responseCode = "200", description = "The certificate, with its status (ISSUED or REVOKED)")
    @APIResponse(responseCode = "404", description = "No such certificate with this code",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "A wrong code while this certificate or this client must wait after"
            + " many wrong codes; Retry-After says how long. The right code is never refused.",
            headers = @Header(name = "Retry-After",
                    description = "Seconds until the next wrong code is checked", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PublicCertificate byCode(@PathParam("number") String number, @QueryParam("code") String code) {
        return verification.byCode(number, code, request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress());
    }
}
