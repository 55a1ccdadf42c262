package org.flexsi.payment.batchdebit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.payment.bank.BankGate;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.problem.Problem;

/** The bank's side of batch debit: fetch its file, hand in its result file. Signed like every bank request. */
@Path("/api/v1/bank")
@Tag(name = "Batch debit")
@RolesAllowed(Roles.BANK)
public class BankDebitResource {
    private final BankGate gate;
    private final DebitService debit;
    private final SecurityIdentity identity;

    public BankDebitResource(BankGate gate, DebitService debit, SecurityIdentity identity) {
        this.identity = identity;
        this.gate = gate;
        this.debit = debit;
    }

    @GET
    @Path("/debit-batches/{batchId}/file")
    @Produces({ MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE })
    @Operation(summary = "Download one of this bank's debit files")
    @APIResponse(responseCode = "200", description = "The debit file (UTF-8 text)", content = @Content(mediaType = MediaType.TEXT_PLAIN))
    @APIResponse(responseCode = "401", description = "No valid token, or bad signature, stale timestamp or reused nonce",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Banks only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a batch of this bank",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The file is gone from this instance, and written again from our"
            + " records it is not the file the batch recorded (an agreement changed since): ops must look",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response file(@PathParam("batchId") UUID batchId, @Context HttpHeaders headers, @Context UriInfo uri) {
        String bankId = gate.admit(Caller.of(identity), "GET", uri.getRequestUri().getRawPath(), headers, new byte[0]);
        return Response.ok(debit.file(bankId, batchId).toFile(), MediaType.TEXT_PLAIN + "; charset=utf-8").build();
    }

    @POST
    @Path("/debit-results")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand in a debit result file", description = "Booked once: the same file again books nothing new."
            + " A bank transaction is keyed by bank, business day (China date of booking) and id: an id the bank used on"
            + " another day books; a paid line whose id the bank already gave another payment that day is not booked but"
            + " raised for ops (BANK_TXN_CONFLICT), and the rest of the file books.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DebitBookingResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a valid result file (structure, trailer or checksum)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token, or bad signature, stale timestamp or reused nonce",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Banks only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a batch of this bank",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A line names a payment outside the batch, or the file is another bank's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DebitBookingResponse results(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        byte[] content = body == null ? new byte[0] : body;
        String bankId = gate.admit(Caller.of(identity), "POST", uri.getRequestUri().getRawPath(), headers, content);
        return debit.book(bankId, content);
    }
}
