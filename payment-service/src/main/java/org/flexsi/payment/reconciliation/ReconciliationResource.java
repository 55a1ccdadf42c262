package org.flexsi.payment.reconciliation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flexsi.payment.common.Caller;
import org.flexsi.payment.order.Channel;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;

@Path("/api/v1/ops/reconciliations")
@Tag(name = "Ops")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Caller.OPS)
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {
    private final ReconciliationService reconciliation;

    public ReconciliationResource(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reconcile one provider's statement of a day", description = "Also runs every morning for "
            + "yesterday. Lost callbacks are booked; differences become ops issues (each reported once). Safe to rerun.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReconciliationModels.Run.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Ops only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The provider's statement is not available; retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReconciliationModels.Run run(@Valid @NotNull ReconciliationModels.Request request) {
        LocalDate day;
        try {
            day = LocalDate.parse(request.day());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("day", "is not a calendar date");
        }
        return reconciliation.run(Channel.valueOf(request.channel()), day);
    }
}
