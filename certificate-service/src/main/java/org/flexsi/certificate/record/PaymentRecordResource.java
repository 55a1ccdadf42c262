package org.flexsi.certificate.record;

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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;

@Path("/api/v1/payment-records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payment records", description = "What was paid, per person and per paying account (R22)")
public class PaymentRecordResource {
    @Inject
    PaymentRecordService records;
    @Inject
    SecurityIdentity identity;
    @Inject
    IdempotencyKeys idempotency;

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.AGENCY, Roles.OPS})
    @Operation(summary = "List payment records",
            description = "A contributor or proxy sees the payments for himself or paid by him, once available (R22); an agency"
                    + " names the person and sees only payments in the regions it serves; operations filter by person, payer"
                    + " or date.")
    @APIResponse(responseCode = "200", description = "Records, newest first (at most 500)")
    @APIResponse(responseCode = "400", description = "Missing or malformed filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not see payment records",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PaymentRecordView> list(@QueryParam("personId") String personId, @QueryParam("payerId") String payerId,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return records.list(caller(), personId, payerId, from, to);
    }

    @POST
    @Path("/historical")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENCY, Roles.OPS})
    @Transactional
    @Operation(summary = "Load historical payments in bulk (government integration)",
            description = "Payments made before this platform, back to 2019-01-01 (R23). Each gets a certificate. A payment id"
                    + " already known is skipped; the same Idempotency-Key and body replay the first answer. An agency loads"
                    + " payments of the regions it serves only: other rows are reported as rejected.")
    @APIResponse(responseCode = "200", description = "Per-row outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoricalLoad.Result.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only agencies and operations load history",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response loadHistory(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull HistoricalLoad.Request request) {
        IdempotencyKeys.require(key);
        return idempotency.once("historical-load:" + caller().subject(), key, request, 200, () -> records.load(caller(), request));
    }

    @GET
    @Path("/{paymentId}")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.AGENCY, Roles.OPS})
    @Operation(summary = "One payment record")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "403", description = "Role may not see payment records, or an agency asks for a person"
            + " outside the regions it serves",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not yet available; availableFrom says when (R22)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PaymentRecordView get(@PathParam("paymentId") String paymentId) {
        return records.get(caller(), paymentId);
    }

    private Caller caller() {
        return Caller.of(identity);
    }
}
