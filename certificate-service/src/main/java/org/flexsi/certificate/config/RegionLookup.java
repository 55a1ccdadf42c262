package org.flexsi.certificate.config;

import java.util.Map;
import java.util.Optional;

/** GB/T 2260 codes nest: 370702 is a district of city 370700 in province 370000; a setting for a city covers its districts. */
public final class RegionLookup {
    private RegionLookup() {
    }

    public static <T> Optional<T> find(Map<String, T> byRegion, String region) {
        if (region == null || region.length() != 6) {
            return Optional.empty();
        }
        for (String code : new String[] {region, region.substring(0, 4) + "00", region.substring(0, 2) + "0000"}) {
            T value = byRegion.get(code);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
