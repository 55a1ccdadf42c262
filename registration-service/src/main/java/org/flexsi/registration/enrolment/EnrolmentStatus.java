package org.flexsi.registration.enrolment;

/** ACTIVE → INTERRUPTED (减员) → ACTIVE by continuation (续保); SUSPENDED (停保) from either, continued alike. */
public enum EnrolmentStatus {
    ACTIVE,
    INTERRUPTED,
    SUSPENDED
}
