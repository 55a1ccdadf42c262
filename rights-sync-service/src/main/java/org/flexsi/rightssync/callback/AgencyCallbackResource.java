package org.flexsi.rightssync.callback;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.rightssync.delivery.PartnerJson;
import org.flexsi.rightssync.record.Agency;

/** Where the pension and medical systems call back with their decisions; signed, not token-protected. */
@Path("/api/v1/callbacks/agencies/{agency}")
@Tag(name = "Agency callbacks", description = "Decisions of the pension and medical systems, signed with the agency's key")
public class AgencyCallbackResource {
    private final CallbackService callbacks;
    private final PartnerJson partnerJson;
    private final Validator validator;

    public AgencyCallbackResource(CallbackService callbacks, PartnerJson partnerJson, Validator validator) {
        this.callbacks = callbacks;
        this.partnerJson = partnerJson;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An agency confirms or rejects one record",
            description = "Signed with X-Flexsi-Key-Id, X-Flexsi-Timestamp, X-Flexsi-Nonce and X-Flexsi-Signature (HMAC-SHA256). "
                    + "A repeated decision is answered 200 without effect.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyDecisionRequest.class)))
    @APIResponse(responseCode = "200", description = "Applied, or already known")
    @APIResponse(responseCode = "400", description = "Not a decision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Signature missing, wrong, stale or replayed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such agency, or no such record sent to it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Contradicts the decision already recorded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, String> decide(@PathParam("agency") String agencyId, @Context UriInfo uri,
            @HeaderParam(HttpSignature.TIMESTAMP) String timestamp, @HeaderParam(HttpSignature.NONCE) String nonce,
            @HeaderParam(HttpSignature.SIGNATURE) String signature, byte[] body) {
        Agency agency = Agency.parse(agencyId).filter(a -> a.id().equals(agencyId))
                .orElseThrow(() -> ProblemException.notFound("no agency " + agencyId));
        return callbacks.receive(agency, uri.getRequestUri().getRawPath(), timestamp, nonce, signature,
                body == null ? new byte[0] : body, this::parse);
    }

    private AgencyDecisionRequest parse(byte[] body) {
        AgencyDecisionRequest decision;
        try {
            decision = partnerJson.read(body, AgencyDecisionRequest.class);
        } catch (IOException e) {
            throw new ProblemException(Problem.of(400, "malformed-body", "Malformed request body",
                    "the body is not an agency decision"));
        }
        if (decision == null) {
            throw new ProblemException(Problem.of(400, "malformed-body", "Malformed request body", "the body is empty"));
        }
        Set<ConstraintViolation<AgencyDecisionRequest>> violations = validator.validate(decision);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return decision;
    }
}
