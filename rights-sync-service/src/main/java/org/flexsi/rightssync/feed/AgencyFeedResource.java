package org.flexsi.rightssync.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.rightssync.query.AgencyCaller;
import org.flexsi.rightssync.record.Agency;

@Path("/api/v1/agencies/{agency}")
@Tag(name = "Agency integration", description = "For agencies that pull their records and post their decisions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AgencyFeedResource {
    private final AgencyFeed feed;
    private final JsonWebToken token;

    public AgencyFeedResource(AgencyFeed feed, JsonWebToken token) {
        this.feed = feed;
        this.token = token;
    }

    @GET
    @Path("/records")
    @RolesAllowed({"agency", "ops"})
    @Operation(summary = "Records after a cursor, oldest first", description = "An agency token's subject must be this agency.")
    @APIResponse(responseCode = "200", description = "A page of records and the next cursor")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another agency's feed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedPage records(@Parameter(example = "pension") @PathParam("agency") String agency,
            @Parameter(example = "0") @QueryParam("after") String after,
            @Parameter(example = "100") @QueryParam("limit") String limit) {
        return feed.after(own(agency), after, limit);
    }

    @POST
    @Path("/confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("agency")
    @Operation(summary = "Confirm or reject pulled records", description = "Each decision is applied once; repeating one is harmless.")
    @APIResponse(responseCode = "200", description = "The outcome per record")
    @APIResponse(responseCode = "400", description = "Malformed decisions", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another agency's records", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConfirmationResults confirm(@Parameter(example = "pension") @PathParam("agency") String agency,
            @Valid @NotNull ConfirmationsBody body) {
        return feed.confirm(own(agency), body);
    }

    private Agency own(String id) {
        Agency agency = Agency.parse(id).filter(a -> a.id().equals(id))
                .orElseThrow(() -> ProblemException.notFound("no agency " + id));
        AgencyCaller.requireOwn(token, agency);
        return agency;
    }
}
