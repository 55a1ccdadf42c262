package org.flexsi.platform.security;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
                && regionPrefixes().stream().anyMatch(region::startsWith);
    }

    /**
     * What the codes of the regions served begin with: 2 digits for a province, 4 for a city, all 6 for a district.
     * Queries match a region code's first 2, first 4 or all 6 digits against these, as {@link #serves} does.
     */
    public Set<String> regionPrefixes() {
        return regions.stream().map(AgencyIdentity::scope).collect(Collectors.toUnmodifiableSet());
    }

    private static String scope(String code) {
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        return code.endsWith("00") ? code.substring(0, 4) : code;
    }
}
