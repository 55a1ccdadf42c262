package org.flexsi.registration.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.registration.enrolment.Enrolment;
import org.flexsi.registration.identity.IdType;
import org.flexsi.registration.identity.Sex;
import org.flexsi.registration.region.Channel;

@Schema(description = "A registered person with their enrolments")
public record PersonView(
        @Schema(description = "The person id; a contributor's token subject", examples = "3f0c1d6e-8f7a-4a53-9d7e-2b1c0f9e4a11") UUID personId,
        @Schema(examples = "RESIDENT_ID") IdType idType,
        @Schema(examples = "420106199003071238") String idNumber,
        @Schema(examples = "张伟") String name,
        @Schema(examples = "MALE") Sex sex,
        @Schema(examples = "1990-03-07") LocalDate birthDate,
        @Schema(examples = "13812345678") String mobile,
        @Schema(examples = "420100") String region,
        @Schema(examples = "420106") String district,
        @Schema(description = "Registered location (登记所在地, R6)", examples = "420100") String registeredLocation,
        @Schema(examples = "武汉市社会保险中心") String agency,
        @Schema(examples = "P4201000001") String personalNumber,
        @Schema(examples = "CHN") String country,
        @Schema(examples = "汉族") String ethnicity,
        @Schema(examples = "2012-07-01") LocalDate workStartDate,
        @Schema(examples = "2026-01-05") LocalDate enrolmentDate,
        @Schema(examples = "COUNTER") Channel channel,
        Instant registeredAt,
        List<EnrolmentView> enrolments) {

    public static PersonView of(Person p, List<Enrolment> enrolments) {
        return new PersonView(p.personId, p.idType, p.idNumber, p.name, p.sex, p.birthDate, p.mobile, p.region,
                p.district, p.registeredLocation, p.agency, p.personalNumber, p.country, p.ethnicity, p.workStartDate,
                p.enrolmentDate, p.channel, p.registeredAt, enrolments.stream().map(EnrolmentView::of).toList());
    }
}
