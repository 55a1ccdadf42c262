package org.flexsi.platform.security;

import java.util.Set;

/** A configured agency: who it is, what kind of agency, and the regions (6-digit codes) it serves. */
public record AgencyIdentity(String id, Kind kind, String name, Set<String> regions) {
    public enum Kind { PENSION, MEDICAL, TAX }

    public boolean serves(String region) {
        return region != null && regions.contains(region);
    }
}
