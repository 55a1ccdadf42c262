package org.flexsi.certificate.verify;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/certificates/verify")
@Tag(name = "verification", description = "Anyone can check a certificate, without a token")
@PermitAll
public class VerificationResource {
    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @Inject
    VerificationService verification;
    @Context
    HttpServerRequest request;

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
    @APIResponse(responseCode = "429", description = "Too many checks from this client this minute (Retry-After says how long"
            + " to wait); the check page's upload form counts against the same allowance",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public VerificationResult verify(byte[] pdf) {
        return verification.verifyPdf(pdf, PublicCertificatePage.client(request));
    }

    /**
     * The check page's upload form (multipart, no script needed): the same verdict as {@link #verify}, under the same
     * allowance, answered as a page.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(PublicCertificatePage.PAGE)
    @Operation(hidden = true) // the same operation as the JSON one, for browsers
    public Response page(@RestForm("pdf") FileUpload pdf) {
        try {
            byte[] file = pdf == null ? null : Files.readAllBytes(pdf.uploadedFile());
            return PublicCertificatePage.html(200, PublicCertificatePage.verdict(
                    verification.verifyPdf(file, PublicCertificatePage.client(request))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProblemException e) {
            return PublicCertificatePage.html(e.problem().status(), PublicCertificatePage.refusedUpload(e.problem()));
        }
    }
}
