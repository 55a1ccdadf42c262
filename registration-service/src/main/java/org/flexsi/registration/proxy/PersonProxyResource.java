package org.flexsi.registration.proxy;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;

/** The person's side of proxy links (R21, issue 17): who asked to pay for me, confirm or refuse; counter records. */
@Path("/api/v1/persons/{personId}/proxies")
@Tag(name = "Proxy consent", description = "A proxy link grants nothing until the person confirms it or an agency records it at the counter (R21)")
@Produces(MediaType.APPLICATION_JSON)
public class PersonProxyResource {
    private final ProxyService proxies;
    private final SecurityIdentity identity;

    public PersonProxyResource(ProxyService proxies, SecurityIdentity identity) {
        this.proxies = proxies;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.AGENCY, Roles.OPS})
    @Operation(summary = "The proxy payers who asked to pay for the person, pending and active",
            description = "For the person himself, the agency serving his region and operations.")
    @APIResponse(responseCode = "200", description = "Oldest first", content = @Content(schema = @Schema(implementation = ProxyLinkView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "The person id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another person, or an agency that does not serve the person's region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ProxyLinkView> list(@PathParam("personId") UUID personId) {
        return proxies.ofPerson(Caller.of(identity), personId);
    }

    @POST
    @Path("/{proxyId}/confirmation")
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Operation(summary = "The person confirms a proxy payer's request",
            description = "The link becomes ACTIVE and ProxyLinked is emitted; confirming an active link again changes nothing."
                    + " Only the person himself (token subject = person id).")
    @APIResponse(responseCode = "200", description = "Active", content = @Content(schema = @Schema(implementation = ProxyLinkView.class)))
    @APIResponse(responseCode = "400", description = "Bad person or proxy id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the person himself", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person, or this proxy did not ask", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProxyLinkView confirm(@PathParam("personId") UUID personId,
            @PathParam("proxyId") @Pattern(regexp = ProxyRecordRequest.PROXY_ID, message = "must be a proxy payer's id") String proxyId) {
        return proxies.confirm(Caller.of(identity), personId, proxyId);
    }

    @POST
    @Path("/{proxyId}/refusal")
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Operation(summary = "The person refuses a proxy payer's request, or ends a link he confirmed",
            description = "The link is removed; ProxyUnlinked is emitted if it was active. Only the person himself.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "Bad person or proxy id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the person himself", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person, or this proxy did not ask", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void refuse(@PathParam("personId") UUID personId,
            @PathParam("proxyId") @Pattern(regexp = ProxyRecordRequest.PROXY_ID, message = "must be a proxy payer's id") String proxyId) {
        proxies.refuse(Caller.of(identity), personId, proxyId);
    }

    @POST
    @RolesAllowed(Roles.AGENCY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "An agency records at the counter that the person agreed to a proxy payer",
            description = "For the agency serving the person's region, with the evidence seen (the signed consent form's"
                    + " number). The link is ACTIVE at once (an existing request is activated) and ProxyLinked is emitted."
                    + " Idempotency-Key required.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProxyRecordRequest.class),
            examples = @ExampleObject(name = "counter", value = "{\"proxyId\": \"proxy-13912345678\", \"consentDate\": \"2026-01-10\","
                    + " \"relationship\": \"spouse\", \"evidence\": \"WF-CONSENT-2026-000417\"}")))
    @APIResponse(responseCode = "201", description = "Recorded and active", content = @Content(schema = @Schema(implementation = ProxyLinkView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, consent date in the future, no Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agency, or an agency that does not serve the person's region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The link is already active", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The person named as his own proxy (R21), or the Idempotency-Key was used for another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("personId") UUID personId, @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull ProxyRecordRequest request) {
        IdempotencyKeys.require(key);
        return proxies.recordOnce(key, Caller.of(identity), personId, request);
    }
}
