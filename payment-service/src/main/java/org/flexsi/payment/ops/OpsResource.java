package org.flexsi.payment.ops;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.problem.Problem;

@Path("/api/v1/ops/issues")
@Tag(name = "Ops", description = "Amount mismatches and reconciliation differences")
@RolesAllowed(Roles.OPS)
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {
    private final OpsService ops;
    private final SecurityIdentity identity;

    public OpsResource(OpsService ops, SecurityIdentity identity) {
        this.identity = identity;
        this.ops = ops;
    }

    @GET
    @Operation(summary = "List issues for ops", description = "Newest first, at most 200.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = IssueView.class)))
    @APIResponse(responseCode = "400", description = "Unknown filter value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Ops only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<IssueView> list(@QueryParam("state") @Pattern(regexp = "OPEN|RESOLVED") String state,
            @QueryParam("kind") @Pattern(regexp = "AMOUNT_MISMATCH|MISSING_ON_THEIRS|AMOUNT_DIFFERENCE|STATUS_DIFFERENCE|UNKNOWN_ORDER"
                    + "|REFUND_PAYOUT_FAILED|DEBIT_FILE_UNSENT|BANK_TXN_CONFLICT") String kind,
            @QueryParam("channel") @Size(max = 32) String channel) {
        return ops.issues(state, kind, channel);
    }

    @POST
    @Path("/{issueId}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record how an issue was resolved")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IssueView.class)))
    @APIResponse(responseCode = "403", description = "Ops only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such issue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already resolved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IssueView resolve(@PathParam("issueId") UUID issueId, @Valid @NotNull IssueResolutionRequest body) {
        return ops.resolve(issueId, body.resolution(), Caller.of(identity).subject());
    }
}
