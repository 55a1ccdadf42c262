package org.flexsi.certificate.issue;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;

@Path("/api/v1/certificates")
@Tag(name = "certificates", description = "Tax payment certificates (完税证明), signed PDF with an electronic seal (R22, R23)")
public class CertificateResource {
    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @Inject
    CertificateService certificates;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.AGENCY, Roles.OPS})
    @Operation(summary = "Certificates of a payment or of a person",
            description = "Empty while the payment is not known yet. For a contributor, a known payment whose certificate is"
                    + " not offered yet answers 409 with availableFrom (R22). An agency sees only certificates of the regions it"
                    + " serves.")
    @APIResponse(responseCode = "200", description = "Certificates, newest first")
    @APIResponse(responseCode = "400", description = "Neither paymentId nor personId given",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not see certificates",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not yet available; availableFrom says when",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<CertificateView> list(@QueryParam("paymentId") String paymentId, @QueryParam("personId") String personId) {
        return certificates.list(caller(), paymentId, personId);
    }

    @GET
    @Path("/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.AGENCY, Roles.OPS})
    @Operation(summary = "One certificate's metadata")
    @APIResponse(responseCode = "200", description = "The certificate")
    @APIResponse(responseCode = "403", description = "Role may not see certificates, or an agency asks for a person outside"
            + " the regions it serves",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not yet available; availableFrom says when",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public CertificateView get(@PathParam("number") String number) {
        return certificates.get(caller(), number);
    }

    @GET
    @Path("/{number}/pdf")
    @Produces({"application/pdf", PROBLEM})
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.AGENCY, Roles.OPS})
    @Operation(summary = "The signed certificate PDF", description = "Chinese text, seal, QR code with the verification URL,"
            + " PAdES signature. The same bytes on every download.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "403", description = "Role may not see certificates, or an agency asks for a person outside"
            + " the regions it serves",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not yet available (availableFrom), or revoked",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The CJK font is not installed, or the person's registration has not"
            + " arrived yet (Retry-After)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response pdf(@PathParam("number") String number) {
        return Response.ok(certificates.pdf(caller(), number), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"certificate-" + number + ".pdf\"").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.AGENCY, Roles.OPS})
    @Transactional
    @Operation(summary = "Issue one certificate over a period (e.g. a year)",
            description = "Covers every payment of the person in the period that is already offered (R22), refunds deducted.")
    @APIResponse(responseCode = "201", description = "The new certificate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request or missing Idempotency-Key",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another person's certificates, a person outside the agency's regions,"
            + " or a role that may not ask",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No payments to certify in the period, the period is before 2019 (R23),"
            + " or the Idempotency-Key was used for another request",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response issueForPeriod(
            @Parameter(description = "Unique per intended request") @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull PeriodRequest request) {
        IdempotencyKeys.require(key);
        return idempotency.once("certificate-period:" + caller().subject(), key, request, 201,
                () -> certificates.issueForPeriod(caller(), request));
    }

    private Caller caller() {
        return Caller.of(identity);
    }
}
