package org.flexsi.rightssync.query;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;

@Path("/api/v1/rights")
@Tag(name = "Rights records", description = "What was returned to the pension and medical systems, and their decisions (R24)")
@Produces(MediaType.APPLICATION_JSON)
public class RightsResource {
    private final RightsQueryService queries;
    private final SecurityIdentity identity;

    public RightsResource(RightsQueryService queries, SecurityIdentity identity) {
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    @Path("/records")
    @RolesAllowed({Roles.OPS, Roles.AGENCY})
    @Operation(summary = "Records of a payment or a person",
            description = "A pension or medical agency sees only the records of its own kind (PENSION or MEDICAL) in the regions"
                    + " it serves; a tax agency none.")
    @APIResponse(responseCode = "200", description = "The records, oldest first")
    @APIResponse(responseCode = "400", description = "Neither paymentId nor personId", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither ops nor a pension or medical agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordList records(@Parameter(example = "pay-000001") @QueryParam("paymentId") String paymentId,
            @Parameter(example = "p-000001") @QueryParam("personId") String personId) {
        return queries.records(paymentId, personId, AgencyScope.of(Caller.of(identity)));
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Operation(summary = "My rights for a month: confirmed, pending (with deadline) or rejected (with reason)")
    @APIResponse(responseCode = "200", description = "The month's rights")
    @APIResponse(responseCode = "400", description = "Bad month", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a contributor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MyRights mine(@Parameter(example = "2026-03") @QueryParam("month") String month) {
        return queries.mine(Caller.of(identity).subject(), month);
    }

    @GET
    @Path("/at-risk")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Undecided records within one working day of their deadline, and the overdue ones")
    @APIResponse(responseCode = "200", description = "Earliest deadline first")
    @APIResponse(responseCode = "403", description = "Not ops", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordList atRisk() {
        return queries.atRisk();
    }

    @GET
    @Path("/rejected")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "The ops work list: records the agencies rejected, newest first")
    @APIResponse(responseCode = "200", description = "Rejected records with the agency's reason")
    @APIResponse(responseCode = "403", description = "Not ops", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordList rejected() {
        return queries.rejected();
    }
}
