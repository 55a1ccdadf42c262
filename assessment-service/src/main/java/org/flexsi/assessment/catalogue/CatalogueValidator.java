package org.flexsi.assessment.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flexsi.platform.problem.Problem.FieldError;

/** The consistency rules of a catalogue that Bean Validation cannot express; empty when it is sound. */
public final class CatalogueValidator {
    private CatalogueValidator() {
    }

    public static List<FieldError> check(Catalogue c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.lastMonth().isBefore(c.firstMonth())) {
            errors.add(new FieldError("lastMonth", "must not be before firstMonth"));
        }
        if (c.firstMonth().getYear() != c.year()) {
            errors.add(new FieldError("firstMonth", "must fall in the catalogue year " + c.year()));
        }
        if (c.lastMonth().isAfter(c.firstMonth().plusMonths(11))) {
            errors.add(new FieldError("lastMonth", "a catalogue covers at most 12 months"));
        }
        if (c.window().yearStartMonth() != c.firstMonth().getMonthValue()) {
            errors.add(new FieldError("window.yearStartMonth", "must be the month of firstMonth"));
        }
        Set<Insurance> seen = EnumSet.noneOf(Insurance.class);
        for (int i = 0; i < c.insurances().size(); i++) {
            InsuranceStandard s = c.insurances().get(i);
            String at = "insurances[" + i + "]";
            if (!seen.add(s.insurance())) {
                errors.add(new FieldError(at + ".insurance", s.insurance() + " appears twice"));
            }
            checkStandard(s, at, errors);
        }
        for (InsuranceStandard s : c.insurances()) {
            if (s.enrolledAs() != null && s.enrolledAs() != s.insurance() && !seen.contains(s.enrolledAs())) {
                errors.add(new FieldError("insurances", s.insurance() + " is enrolled as " + s.enrolledAs()
                        + ", which the catalogue does not offer"));
            }
        }
        return errors;
    }

    private static void checkStandard(InsuranceStandard s, String at, List<FieldError> errors) {
        boolean rated = s.plans().stream().flatMap(p -> p.parts().stream()).anyMatch(p -> p.rate() != null);
        BaseRule base = s.base();
        if (rated && base == null) {
            errors.add(new FieldError(at + ".base", "a rate needs a base rule"));
        }
        if (base != null) {
            int modes = (base.graded() ? 1 : 0) + (base.ranged() ? 1 : 0) + (base.fixed() != null ? 1 : 0);
            if (modes != 1) {
                errors.add(new FieldError(at + ".base", "give exactly one of grades, floor+ceiling, fixed"));
            }
            if (base.ranged() && (base.floor() == null || base.ceiling() == null)) {
                errors.add(new FieldError(at + ".base", "floor and ceiling go together"));
            } else if (base.ranged() && base.floor().compareTo(base.ceiling()) > 0) {
                errors.add(new FieldError(at + ".base.floor", "must not exceed the ceiling"));
            }
            if (base.graded()) {
                checkGrades(base, at, errors);
            }
        }
        Set<String> plans = new HashSet<>();
        for (int j = 0; j < s.plans().size(); j++) {
            Plan plan = s.plans().get(j);
            String planAt = at + ".plans[" + j + "]";
            if (!plans.add(plan.code())) {
                errors.add(new FieldError(planAt + ".code", "plan " + plan.code() + " appears twice"));
            }
            if (plan.totalRate().compareTo(BigDecimal.ONE) > 0) {
                errors.add(new FieldError(planAt, "the rates add up to more than 100 %"));
            }
            Set<String> parts = new HashSet<>();
            for (int k = 0; k < plan.parts().size(); k++) {
                Part part = plan.parts().get(k);
                if (part.rate() == null && part.monthlyAmount() == null && part.yearlyAmount() == null) {
                    errors.add(new FieldError(planAt + ".parts[" + k + "]", "needs a rate, a monthlyAmount or a yearlyAmount"));
                }
                if (plan.parts().size() > 1 && (part.part() == null || !parts.add(part.part()))) {
                    errors.add(new FieldError(planAt + ".parts[" + k + "].part", "items of a multi-item plan need distinct names"));
                }
            }
        }
    }

    private static void checkGrades(BaseRule base, String at, List<FieldError> errors) {
        Set<String> codes = new HashSet<>();
        for (int g = 0; g < base.grades().size(); g++) {
            Grade grade = base.grades().get(g);
            if (!codes.add(grade.code())) {
                errors.add(new FieldError(at + ".base.grades[" + g + "].code", "grade " + grade.code() + " appears twice"));
            }
            if (g > 0 && grade.base().compareTo(base.grades().get(g - 1).base()) <= 0) {
                errors.add(new FieldError(at + ".base.grades[" + g + "].base", "grades must be sorted by rising base"));
            }
        }
    }
}
