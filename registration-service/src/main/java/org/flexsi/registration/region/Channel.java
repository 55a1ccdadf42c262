package org.flexsi.registration.region;

/** Where a registration was handed in: self-service online, or at an agency or tax counter. */
public enum Channel {
    ONLINE,
    COUNTER
}
