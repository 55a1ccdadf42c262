package org.flexsi.payment.batchdebit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.Problem;

@Path("/api/v1")
@Tag(name = "Batch debit", description = "Monthly bank debit (R19): agreements and batches")
@Produces(MediaType.APPLICATION_JSON)
public class DebitResource {
    private final DebitService debit;
    private final SecurityIdentity identity;

    public DebitResource(DebitService debit, SecurityIdentity identity) {
        this.identity = identity;
        this.debit = debit;
    }

    @POST
    @Path("/debit-agreements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Operation(summary = "Sign (or replace) my monthly debit agreement")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = DebitAgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Contributors only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a cooperating bank; Idempotency-Key reused for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sign(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull DebitAgreementRequest request) {
        return debit.sign(Caller.of(identity), key, request);
    }

    @POST
    @Path("/ops/debit-batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Make a bank's debit file for a month", description = "R19 (批扣时间统一为每月20日后，每月批扣一次):"
            + " only for the current collection month in China time, only after the configured day of that month (Hubei: the"
            + " 20th, so from the 21st); once per bank and month. It takes the open assessments of contributors with a debit"
            + " agreement at that bank whose months all fall in that month or before (nothing of a later month is debited"
            + " early).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = DebitBatchView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Ops only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This bank's batch of the month exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "R19: not the current collection month, or not yet after the 20th;"
            + " or an unknown bank",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response run(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull DebitBatchRequest request) {
        return debit.run(key, request);
    }

    @POST
    @Path("/ops/debit-batches/{batchId}/resend")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Send a REFUSED debit batch to its bank again", description = "Once the cause in lastError is "
            + "mended. The batch becomes SEND and the same file goes again: lines the bank booked before are not debited "
            + "twice, and a result file booked before books nothing new. Who asked and when stay on the batch.")
    @APIResponse(responseCode = "200", description = "The batch, SEND again",
            content = @Content(schema = @Schema(implementation = DebitBatchView.class)))
    @APIResponse(responseCode = "400", description = "Missing or malformed Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Ops only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such batch",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The batch is not REFUSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resend(@PathParam("batchId") UUID batchId,
            @Parameter(description = "A unique value per intended change", required = true)
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return debit.resend(Caller.of(identity), key, batchId);
    }

    @GET
    @Path("/ops/debit-batches")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "List debit batches, newest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DebitBatchView.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Ops only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DebitBatchView> batches(@QueryParam("bankId") @Pattern(regexp = "[a-z0-9-]{2,32}") String bankId) {
        return debit.batches(bankId);
    }
}
