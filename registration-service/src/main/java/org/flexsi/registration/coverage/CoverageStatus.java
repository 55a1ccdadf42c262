package org.flexsi.registration.coverage;

public enum CoverageStatus {
    /** Enrolled and paid up: benefits in this month. */
    COVERED,
    /** Not enrolled in medical insurance in this month. */
    NOT_ENROLLED,
    /** Owed months are unpaid: benefits stopped the month after the first of them (R17). */
    ARREARS,
    /** Arrears were paid; benefits resume at {@code coveredFrom}, after a waiting period if the gap was over 3 months. */
    WAITING
}
