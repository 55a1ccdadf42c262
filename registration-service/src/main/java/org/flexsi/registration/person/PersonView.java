package org.flexsi.registration.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.platform.privacy.Masking;
import org.flexsi.registration.enrolment.Enrolment;
import org.flexsi.registration.identity.IdType;
import org.flexsi.registration.identity.Sex;
import org.flexsi.registration.region.Channel;

@Schema(description = "A registered person with their enrolments. The ID number, mobile and birth date are full for the"
        + " person himself and the agency serving his region, masked for everyone else (see masked; the reveal action gives them in full)")
public record PersonView(
        @Schema(description = "The person id; a contributor's token subject", examples = "3f0c1d6e-8f7a-4a53-9d7e-2b1c0f9e4a11") UUID personId,
        @Schema(examples = "RESIDENT_ID") IdType idType,
        @Schema(examples = "420106199003071238") String idNumber,
        @Schema(examples = "张伟") String name,
        @Schema(examples = "MALE") Sex sex,
        @Schema(description = "YYYY-MM-DD, or masked as YYYY-**-**", examples = "1990-03-07") String birthDate,
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
        @Schema(description = "The current enrolments, one per insurance") List<EnrolmentView> enrolments,
        @Schema(description = "Whether the ID number, mobile and birth date are masked", examples = "false") boolean masked,
        @Schema(description = "The person's registration version: it grows with every registration change; an assessment"
                + " or quote may name it to be priced after that change (read-your-writes)", examples = "3") long registrationVersion) {

    /** In full: for the person himself, his own agency, and the audited reveal. */
    public static PersonView of(Person p, List<Enrolment> enrolments) {
        return new PersonView(p.personId, p.idType, p.idNumber(), p.name(), p.sex, p.birthDate().toString(), p.mobile(), p.region,
                p.district, p.registeredLocation, p.agency, p.personalNumber(), p.country, p.ethnicity, p.workStartDate,
                p.enrolmentDate, p.channel, p.registeredAt, views(p, enrolments), false, p.registrationVersion);
    }

    /** With the ID number, mobile and birth date masked: for operations and proxy payers (only the name decrypted). */
    public static PersonView masked(Person p, List<Enrolment> enrolments) {
        return new PersonView(p.personId, p.idType, p.maskedIdNumber(), p.name(), p.sex,
                Masking.birthDate(p.birthDate()), p.maskedMobile(), p.region, p.district, p.registeredLocation,
                p.agency, p.personalNumber(), p.country, p.ethnicity, p.workStartDate, p.enrolmentDate, p.channel,
                p.registeredAt, views(p, enrolments), true, p.registrationVersion);
    }

    private static List<EnrolmentView> views(Person p, List<Enrolment> enrolments) {
        return enrolments.stream().map(e -> EnrolmentView.of(e, p.registrationVersion)).toList();
    }
}
