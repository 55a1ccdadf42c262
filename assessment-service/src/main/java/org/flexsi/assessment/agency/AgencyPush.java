package org.flexsi.assessment.agency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

public record AgencyPush(@NotEmpty @Size(max = 500) List<@Valid @NotNull AgencyAssessment> assessments) {
}
