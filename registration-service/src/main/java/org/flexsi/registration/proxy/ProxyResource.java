package org.flexsi.registration.proxy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;

/** A proxy payer's own list (R21); the proxy is the token subject. */
@Path("/api/v1/proxy/persons")
@Tag(name = "Proxy payers", description = "The persons a proxy payer pays for (R21)")
@RolesAllowed(Roles.PROXY)
@Produces(MediaType.APPLICATION_JSON)
public class ProxyResource {
    private final ProxyService proxies;
    private final SecurityIdentity identity;

    public ProxyResource(ProxyService proxies, SecurityIdentity identity) {
        this.proxies = proxies;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "My list of persons I pay for", description = "ID numbers masked.")
    @APIResponse(responseCode = "200", description = "The list", content = @Content(schema = @Schema(implementation = ProxyEntry.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "Not a proxy payer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ProxyEntry> list() {
        return proxies.list(proxyId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask to add a registered person to my list",
            description = "The person is found by ID type (the resident identity card when absent), number and name. The link"
                    + " is PENDING and grants nothing until the person confirms it (or an agency records it at the counter);"
                    + " ProxyLinked is emitted then. Idempotency-Key required.")
    @APIResponse(responseCode = "201", description = "Asked (PENDING)", content = @Content(schema = @Schema(implementation = ProxyEntry.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or ID number", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a proxy payer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already on the list", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No registered person with this ID and name (R3)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull ProxyAddRequest request) {
        IdempotencyKeys.require(key);
        return proxies.addOnce(key, proxyId(), request);
    }

    @PUT
    @Path("/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit the consent date or relationship of a person on my list",
            description = "A confirmed consent date cannot be changed by the proxy (409): remove the person and ask again.")
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(schema = @Schema(implementation = ProxyEntry.class)))
    @APIResponse(responseCode = "403", description = "Not a proxy payer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not on my list", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The person confirmed another consent date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProxyEntry edit(@PathParam("personId") UUID personId, @Valid @NotNull ProxyEditRequest request) {
        return proxies.edit(proxyId(), personId, request);
    }

    @DELETE
    @Path("/{personId}")
    @Operation(summary = "Remove a person from my list", description = "Emits ProxyUnlinked if the link was active.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Not a proxy payer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not on my list", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void remove(@PathParam("personId") UUID personId) {
        proxies.remove(proxyId(), personId);
    }

    private String proxyId() {
        return Caller.of(identity).subject();
    }
}
