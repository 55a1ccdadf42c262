package org.flexsi.assessment.quote;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;

@Path("/api/v1/quotes")
@Tag(name = "Quotes", description = "What chosen insurances cost for chosen months; no side effects (R11)")
public class QuoteResource {
    private final QuoteService service;
    private final SecurityIdentity identity;

    public QuoteResource(QuoteService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PROXY, Roles.BANK, Roles.AGENCY, Roles.OPS})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Quote a contribution from a published catalogue",
            description = "A pure calculation: nothing is stored and no registered base changes (R11). Says whether the months are payable today.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QuoteRequest.class),
            examples = @ExampleObject(name = "weifang-2023-all-items", value = """
                    {"region": "370700", "year": 2023, "base": "3980.00",
                     "months": ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06",
                                "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12"],
                     "insurances": [{"insurance": "PENSION"}, {"insurance": "MEDICAL", "rate": "0.06"},
                                    {"insurance": "WORK_INJURY"}, {"insurance": "SERIOUS_ILLNESS"}, {"insurance": "LONG_TERM_CARE"}]}
                    """)))
    @APIResponse(responseCode = "200", description = "Lines and total",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteResponse.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed, or a personId the caller may not act for",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "registration-not-yet-seen: the expectedRegistrationVersion of personId has "
            + "not reached this service yet; retry after the Retry-After header's seconds",
            headers = @Header(name = "Retry-After", description = "seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown region or year, base outside floor/ceiling, grade or plan not offered, month listed twice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QuoteResponse quote(@Valid @NotNull QuoteRequest request) {
        return service.quote(request, Caller.of(identity));
    }
}
