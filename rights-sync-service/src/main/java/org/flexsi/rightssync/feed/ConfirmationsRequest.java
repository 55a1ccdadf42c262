package org.flexsi.rightssync.feed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.rightssync.callback.AgencyDecisionRequest;

@Schema(name = "Confirmations")
public record ConfirmationsRequest(@NotEmpty @Size(max = 1000) List<@Valid @NotNull AgencyDecisionRequest> decisions) {
}
