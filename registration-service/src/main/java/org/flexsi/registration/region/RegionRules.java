package org.flexsi.registration.region;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.enrolment.Insurance;
import org.flexsi.registration.identity.Sex;

/**
 * The registration rules of one region, as plain data with the checks that use it. Every refusal
 * names the field or rule, so a client knows what to change.
 */
public record RegionRules(
        String code,
        String name,
        Set<Insurance> insurances,
        int minAge,
        int maleAgeLimit,
        int femaleAgeLimit,
        List<String> pensionGrades,
        BigDecimal pensionBaseFloor,
        BigDecimal pensionBaseCeiling,
        List<BigDecimal> medicalRates,
        Map<String, BigDecimal> medicalPlans,
        Set<String> cityDistricts,
        Set<String> ownDistricts,
        Set<Operation> onlineOperations,
        Set<Operation> counterOperations) {

    public static final Set<Operation> EVERYTHING = EnumSet.allOf(Operation.class);

    /** R2: the age at the enrolment date must be at least the minimum and under the limit for the sex. */
    public void checkAge(Sex sex, LocalDate birthDate, LocalDate enrolmentDate) {
        if (birthDate.isAfter(enrolmentDate)) {
            throw ProblemException.ruleBroken("R2", "the enrolment date is before the birth date");
        }
        int age = Period.between(birthDate, enrolmentDate).getYears();
        int limit = sex == Sex.MALE ? maleAgeLimit : femaleAgeLimit;
        if (age < minAge || age >= limit) {
            throw ProblemException.ruleBroken("R2", String.format(
                    "age at the enrolment date is %d; %s in %s must be from %d to under %d",
                    age, sex == Sex.MALE ? "men" : "women", name, minAge, limit));
        }
    }

    /** R6: the registered location for a district (the region itself when no district is given). */
    public String registeredLocation(String district) {
        if (district == null || district.equals(code)) {
            return code;
        }
        if (cityDistricts.contains(district)) {
            return code;
        }
        if (ownDistricts.contains(district)) {
            return district;
        }
        if (cityDistricts.isEmpty() && ownDistricts.isEmpty() && district.startsWith(prefix())) {
            return district;
        }
        throw ProblemException.invalid("district", "R6: " + district + " is not a district of " + name + " (" + code + ")");
    }

    public void checkInsurance(Insurance insurance) {
        if (!insurances.contains(insurance)) {
            throw ProblemException.ruleBroken("region-insurance", name + " does not offer " + insurance
                    + " to flexible workers; it offers " + insurances);
        }
    }

    /** R4 (Weifang): some registration business is only handled at the counter, or only online. */
    public void checkChannel(Channel channel, Operation operation) {
        Set<Operation> allowed = channel == Channel.ONLINE ? onlineOperations : counterOperations;
        if (!allowed.contains(operation)) {
            throw ProblemException.ruleBroken("R4-channel", name + " does not accept " + operation + " " + channel
                    + (allowed.isEmpty() ? "" : "; there it accepts only " + allowed));
        }
    }

    /** R7/R9: checks the chosen grade, base, rate and plan and fills in what the region implies. */
    public Terms terms(Insurance insurance, Terms chosen) {
        return switch (insurance) {
            case PENSION -> pensionTerms(chosen);
            case MEDICAL -> medicalTerms(chosen);
            default -> new Terms(null, chosen.base(), null, null);
        };
    }

    private Terms pensionTerms(Terms chosen) {
        if (!pensionGrades.isEmpty()) {
            if (chosen.grade() == null || !pensionGrades.contains(chosen.grade())) {
                throw ProblemException.invalid("grade", "R7: " + name + " pension grades are " + pensionGrades);
            }
            return new Terms(chosen.grade(), null, null, null);
        }
        if (pensionBaseFloor != null) {
            BigDecimal base = chosen.base();
            if (base == null || base.compareTo(pensionBaseFloor) < 0
                    || (pensionBaseCeiling != null && base.compareTo(pensionBaseCeiling) > 0)) {
                throw ProblemException.invalid("base", "R7: " + name + " pension base must be between "
                        + pensionBaseFloor + " and " + pensionBaseCeiling);
            }
            return new Terms(null, base, null, null);
        }
        return new Terms(chosen.grade(), chosen.base(), null, null);
    }

    private Terms medicalTerms(Terms chosen) {
        if (!medicalPlans.isEmpty()) {
            BigDecimal planRate = chosen.plan() == null ? null : medicalPlans.get(chosen.plan());
            if (planRate == null) {
                throw ProblemException.invalid("plan", "R9: " + name + " medical plans are " + medicalPlans.keySet());
            }
            if (chosen.rate() != null && chosen.rate().compareTo(planRate) != 0) {
                throw ProblemException.invalid("rate", "R9: plan " + chosen.plan() + " has rate " + Terms.rateText(planRate));
            }
            return new Terms(null, chosen.base(), planRate, chosen.plan());
        }
        if (!medicalRates.isEmpty()) {
            BigDecimal wanted = chosen.rate() != null ? chosen.rate()
                    : medicalRates.size() == 1 ? medicalRates.get(0) : null;
            BigDecimal offered = wanted == null ? null
                    : medicalRates.stream().filter(r -> r.compareTo(wanted) == 0).findFirst().orElse(null);
            if (offered == null) {
                throw ProblemException.invalid("rate", "R9: " + name + " medical rates are "
                        + medicalRates.stream().map(Terms::rateText).toList());
            }
            return new Terms(null, chosen.base(), offered, chosen.plan());
        }
        return new Terms(null, chosen.base(), chosen.rate(), chosen.plan());
    }

    /** A city's districts share its first four digits, a province's its first two. */
    private String prefix() {
        return code.endsWith("0000") ? code.substring(0, 2) : code.substring(0, 4);
    }
}
