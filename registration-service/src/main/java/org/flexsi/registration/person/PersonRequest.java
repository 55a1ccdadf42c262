package org.flexsi.registration.person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.identity.IdType;
import org.flexsi.registration.identity.Sex;
import org.flexsi.registration.region.Channel;

@Schema(description = "A registration (R3): the person and the insurances they enrol in")
public record PersonRequest(
        @NotNull @Schema(examples = "RESIDENT_ID") IdType idType,
        @NotBlank @Pattern(regexp = "[0-9A-Za-z]{5,18}", message = "must be 5 to 18 letters or digits")
        @Schema(description = "For RESIDENT_ID 18 characters with the GB 11643 check digit", examples = "420106199003071238") String idNumber,
        @NotBlank @Size(max = 100) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE)
        @Schema(examples = "张伟") String name,
        @Schema(description = "Required unless the ID number tells it; must match it when it does", examples = "MALE") Sex sex,
        @Schema(description = "Required unless the ID number tells it; must match it when it does", examples = "1990-03-07") LocalDate birthDate,
        @Pattern(regexp = "\\+?[0-9]{6,15}", message = "must be 6 to 15 digits") @Schema(examples = "13812345678") String mobile,
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a GB/T 2260 code of 6 digits")
        @Schema(description = "GB/T 2260 code: 420000 Hubei, 420100 Wuhan, 360000 Jiangxi, 370100 Jinan, 370700 Weifang", examples = "420100") String region,
        @Pattern(regexp = "[0-9]{6}", message = "must be a GB/T 2260 code of 6 digits")
        @Schema(description = "District; in Wuhan the 9 central districts register as the city, the 5 new ones as themselves (R6)", examples = "420106") String district,
        @Size(max = 100) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE)
        @Schema(description = "Agency (参保机构)", examples = "武汉市社会保险中心") String agency,
        @Pattern(regexp = "[0-9A-Za-z-]{1,40}", message = "must be letters, digits or -") @Schema(examples = "P4201000001") String personalNumber,
        @Size(max = 60) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE)
        @Schema(examples = "CHN") String country,
        @Size(max = 40) @Pattern(regexp = FreeText.PATTERN, message = FreeText.MESSAGE)
        @Schema(examples = "汉族") String ethnicity,
        @Schema(examples = "2012-07-01") LocalDate workStartDate,
        @NotNull @Schema(description = "Enrolment date; the age rule R2 applies at this date", examples = "2026-01-05") LocalDate enrolmentDate,
        @Schema(description = "Where it was handed in; COUNTER when absent", examples = "COUNTER") Channel channel,
        @NotEmpty @Size(max = 5) List<@Valid @NotNull EnrolmentRequest> enrolments) {

    public Channel channelOrCounter() {
        return channel == null ? Channel.COUNTER : channel;
    }
}
