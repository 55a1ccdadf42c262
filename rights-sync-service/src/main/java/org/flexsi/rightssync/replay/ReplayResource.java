package org.flexsi.rightssync.replay;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

@Path("/api/v1/rights/replays")
@Tag(name = "Replay", description = "Send records to their agency again (ops)")
public class ReplayResource {
    private final ReplayService replays;
    private final SecurityIdentity identity;

    public ReplayResource(ReplayService replays, SecurityIdentity identity) {
        this.replays = replays;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Replay records by record id, person, region or payment-date range",
            description = "With dryRun only counts. Otherwise needs an Idempotency-Key; the agency books a record id once, so nothing is counted twice there."
                    + " A replay is written to the access audit (action replay) with its criteria.")
    @APIResponse(responseCode = "200", description = "How many records are (or would be) sent again")
    @APIResponse(responseCode = "400", description = "No criteria, bad criteria or missing Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not ops", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Too many records, or the key was used for another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replay(@Parameter(description = "Required unless dryRun") @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull ReplayRequest request) {
        return replays.replay(Caller.of(identity), key, request);
    }
}
