package org.flexsi.assessment.person;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.flexsi.assessment.catalogue.Insurance;

/** A person's enrolment in one insurance, as the registration events describe it. */
public record Enrolment(String personId, Insurance insurance, String region, String status, YearMonth firstMonth,
        YearMonth lastCoveredMonth, String grade, BigDecimal base, String rate, String plan) {
    public static final String ACTIVE = "ACTIVE";

    /** Whether the enrolment covers {@code month}: from the first month, and not past an interruption or suspension. */
    public boolean covers(YearMonth month) {
        if (month.isBefore(firstMonth)) {
            return false;
        }
        return ACTIVE.equals(status) || lastCoveredMonth == null || !month.isAfter(lastCoveredMonth);
    }
}
