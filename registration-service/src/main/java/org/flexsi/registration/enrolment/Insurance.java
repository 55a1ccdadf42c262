package org.flexsi.registration.enrolment;

/** The insurances a flexible worker can be enrolled in; Weifang adds the last three (R10). */
public enum Insurance {
    PENSION,
    MEDICAL,
    WORK_INJURY,
    SERIOUS_ILLNESS,
    LONG_TERM_CARE
}
