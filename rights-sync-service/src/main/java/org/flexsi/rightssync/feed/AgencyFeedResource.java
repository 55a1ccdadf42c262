package org.flexsi.rightssync.feed;

import io.quarkus.security.identity.SecurityIdentity;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.rightssync.query.AgencyScope;
import org.flexsi.rightssync.record.Agency;

@Path("/api/v1/agencies/{agency}")
@Tag(name = "Agency integration", description = "For agencies that pull their records and post their decisions")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyFeedResource {
    private final FeedService feed;
    private final SecurityIdentity identity;

    public AgencyFeedResource(FeedService feed, SecurityIdentity identity) {
        this.feed = feed;
        this.identity = identity;
    }

    @GET
    @Path("/records")
    @RolesAllowed({Roles.AGENCY, Roles.OPS})
    @Operation(summary = "Records after a cursor, oldest first", description = "A pension agency pulls the pension feed, a medical agency the medical feed, each only the records of"
            + " the regions it serves; operations see the whole feed.")
    @APIResponse(responseCode = "200", description = "A page of records and the next cursor")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The feed of another kind of agency, or a tax agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedPage records(@Parameter(example = "pension") @PathParam("agency") String agency,
            @Parameter(example = "0") @QueryParam("after") String after,
            @Parameter(example = "100") @QueryParam("limit") String limit) {
        Agency feedAgency = agency(agency);
        return feed.after(feedAgency, scope(feedAgency).orElse(null), after, limit);
    }

    @POST
    @Path("/confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Confirm or reject pulled records", description = "Each decision is applied once; repeating one is harmless."
            + " A record outside the agency's regions is answered UNKNOWN, as one that does not exist.")
    @APIResponse(responseCode = "200", description = "The outcome per record")
    @APIResponse(responseCode = "400", description = "Malformed decisions", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The records of another kind of agency, or a tax agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConfirmationResults confirm(@Parameter(example = "pension") @PathParam("agency") String agency,
            @Valid @NotNull ConfirmationsRequest body) {
        Agency feedAgency = agency(agency);
        return feed.confirm(feedAgency, scope(feedAgency).orElse(null), body);
    }

    private static Agency agency(String id) {
        return Agency.parse(id).filter(a -> a.id().equals(id)).orElseThrow(() -> ProblemException.notFound("no agency " + id));
    }

    /** The caller's scope on this feed: empty for operations; 403 for an agency of another kind. */
    private java.util.Optional<AgencyScope> scope(Agency feedAgency) {
        java.util.Optional<AgencyScope> scope = AgencyScope.of(Caller.of(identity));
        scope.ifPresent(s -> s.requireAgency(feedAgency));
        return scope;
    }
}
