package org.flexsi.registration.identity;

public enum Sex {
    MALE,
    FEMALE
}
