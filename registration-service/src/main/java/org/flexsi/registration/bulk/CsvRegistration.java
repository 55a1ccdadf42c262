package org.flexsi.registration.bulk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.enrolment.Insurance;
import org.flexsi.registration.identity.IdType;
import org.flexsi.registration.identity.Sex;
import org.flexsi.registration.person.EnrolmentRequest;
import org.flexsi.registration.person.PersonRequest;
import org.flexsi.registration.region.Channel;

/**
 * One CSV row as a registration. Columns: the fields of the JSON body, plus {@code insurances}
 * (separated by ';'), one {@code firstMonth} for all of them, and {@code pensionGrade}, {@code pensionBase},
 * {@code medicalRate}, {@code medicalPlan}, {@code base} (other insurances).
 */
final class CsvRegistration {
    static final String HEADER = "idType,idNumber,name,sex,birthDate,mobile,region,district,agency,personalNumber,"
            + "country,ethnicity,workStartDate,enrolmentDate,channel,insurances,firstMonth,pensionGrade,pensionBase,"
            + "medicalRate,medicalPlan,base";

    private CsvRegistration() {
    }

    static PersonRequest of(Map<String, String> row) {
        List<EnrolmentRequest> enrolments = new ArrayList<>();
        String insurances = row.get("insurances");
        if (insurances != null) {
            for (String name : insurances.split(";")) {
                Insurance insurance = value("insurances", Insurance.class, name.strip());
                enrolments.add(switch (insurance) {
                    case PENSION -> new EnrolmentRequest(insurance, row.get("firstMonth"), row.get("pensionGrade"),
                            row.get("pensionBase"), null, null);
                    case MEDICAL -> new EnrolmentRequest(insurance, row.get("firstMonth"), null, row.get("base"),
                            row.get("medicalRate"), row.get("medicalPlan"));
                    default -> new EnrolmentRequest(insurance, row.get("firstMonth"), null, row.get("base"), null, null);
                });
            }
        }
        return new PersonRequest(enumOrNull(row, "idType", IdType.class), row.get("idNumber"), row.get("name"),
                enumOrNull(row, "sex", Sex.class), date(row, "birthDate"), row.get("mobile"), row.get("region"),
                row.get("district"), row.get("agency"), row.get("personalNumber"), row.get("country"),
                row.get("ethnicity"), date(row, "workStartDate"), date(row, "enrolmentDate"),
                enumOrNull(row, "channel", Channel.class), enrolments);
    }

    private static <E extends Enum<E>> E enumOrNull(Map<String, String> row, String column, Class<E> type) {
        String text = row.get(column);
        return text == null ? null : value(column, type, text);
    }

    private static <E extends Enum<E>> E value(String column, Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(column, "unknown value " + (text.length() > 40 ? text.substring(0, 40) + "..." : text));
        }
    }

    private static LocalDate date(Map<String, String> row, String column) {
        String text = row.get(column);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(column, "must be a date YYYY-MM-DD");
        }
    }
}
