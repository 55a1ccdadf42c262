package org.flexsi.platform.deadletter;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;

/** Every service's dead letters, for operations: the records its consumers could not process. */
@Path("/api/v1/ops/dead-letters")
@Tag(name = "Dead letters", description = "Records this service's consumers parked on <topic>.dlq: list, replay after a fix, park with a note (ops)")
@RolesAllowed(Roles.OPS)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
    private final DeadLetterService deadLetters;
    private final SecurityIdentity identity;

    public DeadLetterResource(DeadLetterService deadLetters, SecurityIdentity identity) {
        this.deadLetters = deadLetters;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List the records this service's consumers parked",
            description = "Newest first, from the last " + DeadLetterReader.WINDOW + " records of each dead-letter partition."
                    + " OPEN: nothing done yet; REPLAYED and PARKED: settled by an operator.")
    @APIResponse(responseCode = "200", description = "The dead letters",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeadLetter.class)))
    @APIResponse(responseCode = "400", description = "Unknown state or a limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Ops only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka does not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeadLetter> list(
            @Parameter(description = "OPEN (default), REPLAYED, PARKED or ALL") @QueryParam("state") @DefaultValue("OPEN")
            @Pattern(regexp = "OPEN|REPLAYED|PARKED|ALL") String state,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return deadLetters.list(state, limit);
    }

    @POST
    @Path("/{topic}/{partition}/{offset}/replay")
    @Operation(summary = "Replay a dead letter to its topic, after its cause is fixed",
            description = "Republished with its key and original headers; every consumer's inbox takes it, so only the consumer"
                    + " that failed applies it. Once per record: replaying it again answers the same and publishes nothing."
                    + " Written to the access audit (dead-letter-replay).")
    @APIResponse(responseCode = "200", description = "Replayed (now or before)",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(responseCode = "403", description = "Ops only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No dead letter of this service there",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The record was parked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka does not answer; nothing was recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetter replay(@Parameter(example = "flexsi.payment.dlq") @PathParam("topic") String topic,
            @Parameter(example = "3") @PathParam("partition") String partition,
            @Parameter(example = "17") @PathParam("offset") String offset) {
        return deadLetters.replay(Caller.of(identity), topic, partition(partition), offset(offset));
    }

    @POST
    @Path("/{topic}/{partition}/{offset}/park")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Park a dead letter for good, with a note",
            description = "It is no longer listed as open. Parking it again with the same note answers the same."
                    + " Written to the access audit (dead-letter-park).")
    @APIResponse(responseCode = "200", description = "Parked (now or before)",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(responseCode = "400", description = "No note, or a note over 500 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Ops only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No dead letter of this service there",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Replayed already, or parked with another note",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka does not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetter park(@Parameter(example = "flexsi.payment.dlq") @PathParam("topic") String topic,
            @Parameter(example = "3") @PathParam("partition") String partition,
            @Parameter(example = "17") @PathParam("offset") String offset, @Valid @NotNull ParkBody body) {
        return deadLetters.park(Caller.of(identity), topic, partition(partition), offset(offset), body.note());
    }

    /** Partitions and offsets are taken as text so that who may call is decided first, whatever the path holds. */
    private static int partition(String text) {
        return (int) number(text, 9);
    }

    private static long offset(String text) {
        return number(text, 18);
    }

    /** Up to {@code digits} digits; anything else names no record (404). */
    private static long number(String text, int digits) {
        if (text == null || !text.matches("[0-9]{1," + digits + "}")) {
            throw ProblemException.notFound("no dead letter at " + text);
        }
        return Long.parseLong(text);
    }
}
