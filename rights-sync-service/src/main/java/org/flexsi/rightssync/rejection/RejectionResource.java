package org.flexsi.rightssync.rejection;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.flexsi.rightssync.query.RecordView;

@Path("/api/v1/rights/rejected/{recordId}/resolution")
@Tag(name = "Rights records", description = "What was returned to the pension and medical systems, and their decisions (R24)")
public class RejectionResource {
    private final RejectionService resolutions;
    private final SecurityIdentity identity;

    public RejectionResource(RejectionService resolutions, SecurityIdentity identity) {
        this.resolutions = resolutions;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Resolve an entry of the rejection work list: send it again, or close it with a note",
            description = "RESEND queues the same rights as a new record (its id is in resolution.successorRecordId),"
                    + " for when the cause is fixed, e.g. the person is now enrolled with that agency. CLOSE needs a note."
                    + " Recorded with who and when. Needs an Idempotency-Key; a retry with the same key and body gets the same answer.")
    @APIResponse(responseCode = "200", description = "The rejected record with its resolution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    @APIResponse(responseCode = "400", description = "Bad action, CLOSE without a note, note too long, or missing Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not ops", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such record", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The record is not REJECTED, or was already resolved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resolve(@Parameter(example = "RS-3f1c9a2e-7f7e-3c7a-9d55-0c1e8b3f2a10") @PathParam("recordId") String recordId,
            @Parameter(description = "A unique value per intended resolution", required = true) @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull ResolutionRequest request) {
        return resolutions.resolve(key, recordId, request, Caller.of(identity).subject());
    }
}
