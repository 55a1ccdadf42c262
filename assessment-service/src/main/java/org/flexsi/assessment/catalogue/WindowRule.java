package org.flexsi.assessment.catalogue;

/** Which months a contributor may pay himself, counted from today (R12–R14). */
public enum WindowRule {
    /** Every month of the current social-insurance year (Hubei: 1 July to 30 June, R12). */
    SOCIAL_INSURANCE_YEAR,
    /** January of this year up to the current month, no future months (Jinan, R13). */
    YEAR_TO_DATE,
    /** Every month of the current calendar year (Jiangxi current-year self-service, R14). */
    CALENDAR_YEAR
}
