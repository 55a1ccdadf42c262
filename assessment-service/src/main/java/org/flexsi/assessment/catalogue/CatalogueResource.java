package org.flexsi.assessment.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Roles;

@Path("/api/v1/catalogues")
@Tag(name = "Catalogue", description = "The contribution standards by region and year")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.BANK, Roles.AGENCY, Roles.OPS})
public class CatalogueResource {
    private final CatalogueService service;

    public CatalogueResource(CatalogueService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List catalogue versions, drafts included")
    @APIResponse(responseCode = "200", description = "Versions, by region, year and version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogueView[].class)))
    @APIResponse(responseCode = "400", description = "Malformed filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CatalogueView> list(
            @QueryParam("region") @Pattern(regexp = "[0-9]{6}") @Parameter(example = "370700") String region,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(example = "2023") Integer year) {
        return service.list(region, year);
    }

    @GET
    @Path("/{version}")
    @Operation(summary = "One catalogue version")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogueView.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CatalogueView find(@PathParam("version") @Parameter(example = "370700-2023-v1") String version) {
        return service.find(version);
    }
}
