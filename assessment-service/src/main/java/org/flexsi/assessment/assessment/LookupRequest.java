package org.flexsi.assessment.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Name and ID number, in the body so that the ID number never lands in an access log")
public record LookupRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "张三") String name,
        @NotBlank @Pattern(regexp = "[0-9A-Za-z]{6,30}", message = "must be 6 to 30 letters or digits")
        @Schema(examples = "11010519491231002X") String idNumber) {
}
