package org.flexsi.payment.bank;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.problem.Problem;

/**
 * Counter and mobile-bank payment. Besides the bearer token (role bank, subject = bank id) every request is
 * signed with the bank's own key (X-Flexsi-* headers over method, path, timestamp, nonce and body); the body
 * is read raw so that the signature covers exactly the bytes sent.
 */
@Path("/api/v1/bank")
@Tag(name = "Bank channel", description = "Counter and mobile-bank payment, reversal (冲正)")
@RolesAllowed(Roles.BANK)
@Produces(MediaType.APPLICATION_JSON)
public class BankResource {
    private static final String TXN = "[A-Za-z0-9_.:-]{1,64}";

    private final BankGate gate;
    private final BankService bank;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final SecurityIdentity identity;

    public BankResource(BankGate gate, BankService bank, ObjectMapper mapper, Validator validator, SecurityIdentity identity) {
        this.identity = identity;
        this.gate = gate;
        this.bank = bank;
        this.mapper = mapper;
        this.validator = validator;
    }

    @POST
    @Path("/owed-queries")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "What a person owes: open assessments by ID number and name")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BankOwedRequest.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BankOpenAssessmentView.class)))
    @APIResponse(responseCode = "401", description = "No valid token, or bad signature, stale timestamp or reused nonce",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Banks only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No registered person with this ID number and name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<BankOpenAssessmentView> owed(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        gate.admit(Caller.of(identity), "POST", uri.getRequestUri().getRawPath(), headers, bytes(body));
        return bank.owed(read(body, BankOwedRequest.class));
    }

    @POST
    @Path("/payments")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm a counter payment", description = "Idempotent by the bank's transaction id within a business"
            + " day (China date; banks number their transactions per day, so the same id on another day is another"
            + " transaction): the same confirmation again that day answers 200 with the first result. Money for an"
            + " assessment paid meanwhile is booked and refunded. A field the body does not have is refused by name"
            + " (400 unknown-field).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BankConfirmationRequest.class)))
    @APIResponse(responseCode = "201", description = "Booked", content = @Content(schema = @Schema(implementation = BankPaymentView.class)))
    @APIResponse(responseCode = "200", description = "Already confirmed", content = @Content(schema = @Schema(implementation = BankPaymentView.class)))
    @APIResponse(responseCode = "401", description = "No valid token, or bad signature, stale timestamp or reused nonce",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Banks only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such assessment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Amount is not the assessment's, or the transaction id was used for another payment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirm(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        String bankId = gate.admit(Caller.of(identity), "POST", uri.getRequestUri().getRawPath(), headers, bytes(body));
        BankService.Confirmed confirmed = bank.confirm(bankId, read(body, BankConfirmationRequest.class));
        Response.ResponseBuilder response = Response.status(confirmed.created() ? 201 : 200).entity(confirmed.payment());
        return confirmed.created() ? response.build() : response.header(IdempotencyKeys.REPLAYED, "true").build();
    }

    @GET
    @Path("/payments/{bankTransactionId}")
    @Operation(summary = "One of this bank's own transactions", description = "The latest under this id (ids recur on"
            + " other business days).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BankPaymentView.class)))
    @APIResponse(responseCode = "401", description = "No valid token, or bad signature, stale timestamp or reused nonce",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Banks only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a transaction of this bank",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BankPaymentView find(@PathParam("bankTransactionId") @Pattern(regexp = TXN) String bankTransactionId,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        String bankId = gate.admit(Caller.of(identity), "GET", uri.getRequestUri().getRawPath(), headers, new byte[0]);
        return bank.find(bankId, bankTransactionId);
    }

    @POST
    @Path("/payments/{bankTransactionId}/reversal")
    @Operation(summary = "Reverse (冲正) a payment of this bank on the day it was made")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BankPaymentView.class)))
    @APIResponse(responseCode = "401", description = "No valid token, or bad signature, stale timestamp or reused nonce",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Banks only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a transaction of this bank",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already refunded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not the day of payment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BankPaymentView reverse(@PathParam("bankTransactionId") @Pattern(regexp = TXN) String bankTransactionId,
            byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        String bankId = gate.admit(Caller.of(identity), "POST", uri.getRequestUri().getRawPath(), headers, bytes(body));
        return bank.reverse(bankId, bankTransactionId);
    }

    private static byte[] bytes(byte[] body) {
        return body == null ? new byte[0] : body;
    }

    private <T> T read(byte[] body, Class<T> type) {
        T value;
        try {
            value = mapper.readValue(bytes(body), type);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            // our own API refuses a field it does not know, by name, as every JSON body does (issue 16 item 3)
            String field = e.getPropertyName();
            throw new org.flexsi.platform.problem.ProblemException(Problem.of(400, "unknown-field", "Unknown field",
                    field + ": no such field in this request").withErrors(List.of(new Problem.FieldError(field,
                            "no such field in this request"))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new org.flexsi.platform.problem.ProblemException(Problem.of(400, "malformed-body", "Malformed request body",
                    "the body is not valid JSON for this request"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (value == null) {
            throw org.flexsi.platform.problem.ProblemException.invalid("body", "is required");
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
