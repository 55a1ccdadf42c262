package org.flexsi.registration.region;

/** The kinds of registration business a region may allow per channel (R4, Weifang). */
public enum Operation {
    NEW_ENROLMENT,
    INTERRUPTION,
    CONTINUATION,
    CONTINUATION_AFTER_UNEMPLOYMENT,
    SUSPENSION,
    MEDICAL_RATE_CHANGE
}
