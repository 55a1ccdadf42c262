package org.flexsi.registration.region;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flexsi.platform.problem.ProblemException;

/** The configured regions, read once at start-up. */
@ApplicationScoped
public class Regions {
    private final Map<String, RegionRules> byCode = new TreeMap<>();

    public Regions(RegistrationConfig config) {
        config.regions().forEach((code, region) -> byCode.put(code, rules(code, region)));
    }

    public RegionRules require(String code) {
        RegionRules rules = byCode.get(code);
        if (rules == null) {
            throw ProblemException.invalid("region", "unknown region " + code + "; known regions are " + byCode.keySet());
        }
        return rules;
    }

    public List<RegionRules> all() {
        return List.copyOf(byCode.values());
    }

    static RegionRules rules(String code, RegistrationConfig.Region region) {
        Map<String, BigDecimal> plans = new LinkedHashMap<>();
        region.medicalPlans().orElse(List.of()).forEach(entry -> {
            String[] parts = entry.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("medical plan of region " + code + " must be PLAN=rate: " + entry);
            }
            plans.put(parts[0].strip(), new BigDecimal(parts[1].strip()));
        });
        return new RegionRules(code, region.name(), Set.copyOf(region.insurances()), region.minAge(),
                region.maleAgeLimit(), region.femaleAgeLimit(), region.pensionGrades().orElse(List.of()),
                region.pensionBaseFloor().orElse(null), region.pensionBaseCeiling().orElse(null),
                region.medicalRates().orElse(List.of()), Map.copyOf(plans), region.cityDistricts().orElse(Set.of()),
                region.ownDistricts().orElse(Set.of()), region.onlineOperations().orElse(RegionRules.EVERYTHING),
                region.counterOperations().orElse(RegionRules.EVERYTHING));
    }
}
