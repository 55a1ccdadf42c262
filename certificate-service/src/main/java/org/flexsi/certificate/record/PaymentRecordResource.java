package org.flexsi.certificate.record;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.certificate.access.Caller;
import org.flexsi.platform.problem.Problem;

@Path("/api/v1/payment-records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payment records", description = "What was paid, per person and per paying account (R22)")
@SecurityRequirement(name = "bearer")
public class PaymentRecordResource {
    @Inject
    PaymentRecords records;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"contributor", "proxy", "agency", "ops"})
    @Operation(summary = "List payment records",
            description = "A contributor or proxy sees the payments for himself or paid by him, once available (R22); an agency"
                    + " names the person; operations filter by person, payer or date.")
    @APIResponse(responseCode = "200", description = "Records, newest first (at most 500)")
    @APIResponse(responseCode = "400", description = "Missing or malformed filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not see payment records",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PaymentRecordView> list(@QueryParam("personId") String personId, @QueryParam("payerId") String payerId,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return records.list(caller, personId, payerId, from, to);
    }

    @GET
    @Path("/{paymentId}")
    @RolesAllowed({"contributor", "proxy", "agency", "ops"})
    @Operation(summary = "One payment record")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not see payment records",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not yet available; availableFrom says when (R22)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PaymentRecordView get(@PathParam("paymentId") String paymentId) {
        return records.get(caller, paymentId);
    }
}
