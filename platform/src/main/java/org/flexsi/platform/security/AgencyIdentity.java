package org.flexsi.platform.security;

import java.util.Set;
import java.util.regex.Pattern;

/** A configured agency: who it is, what kind of agency, and the regions (6-digit codes) it serves. */
public record AgencyIdentity(String id, Kind kind, String name, Set<String> regions) {
    private static final Pattern REGION_CODE = Pattern.compile("[0-9]{6}");

    public enum Kind { PENSION, MEDICAL, TAX }

    /**
     * Whether a person of {@code region} is this agency's: a province's agency (code {@code XX0000}) serves its
     * cities and districts, a city's ({@code XXXX00}) its districts, as GB/T 2260 codes nest.
     */
    public boolean serves(String region) {
        return region != null && REGION_CODE.matcher(region).matches()
                && regions.stream().anyMatch(own -> region.startsWith(scope(own)));
    }

    private static String scope(String code) {
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        return code.endsWith("00") ? code.substring(0, 4) : code;
    }
}
