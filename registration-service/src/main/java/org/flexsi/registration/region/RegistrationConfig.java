package org.flexsi.registration.region;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flexsi.registration.enrolment.Insurance;

/** Per-region registration rules: where the seeds differ, the difference is configuration, not code. */
@ConfigMapping(prefix = "flexsi.registration")
public interface RegistrationConfig {
    /** Keyed by GB/T 2260 code. */
    Map<String, Region> regions();

    interface Region {
        String name();

        Set<Insurance> insurances();

        /** R2: age at the enrolment date, from {@code min-age} to under the limit for each sex. */
        @WithDefault("16")
        int minAge();

        @WithDefault("60")
        int maleAgeLimit();

        @WithDefault("55")
        int femaleAgeLimit();

        /** R7: the pension grades a person picks from, e.g. 60..300 (% of the average wage). */
        Optional<List<String>> pensionGrades();

        /** R7: or any base between a floor and a ceiling. */
        Optional<BigDecimal> pensionBaseFloor();

        Optional<BigDecimal> pensionBaseCeiling();

        /** R9: the medical rates on offer, as fractions. */
        Optional<List<BigDecimal>> medicalRates();

        /** R9: or named medical plans, each {@code PLAN=rate}, e.g. {@code POOLED_ONLY=0.05}. */
        Optional<List<String>> medicalPlans();

        /** R6: districts that register as the city itself. */
        Optional<Set<String>> cityDistricts();

        /** R6: districts that register as themselves. */
        Optional<Set<String>> ownDistricts();

        /** Registration business allowed online / at the counter; absent means everything. */
        Optional<Set<Operation>> onlineOperations();

        Optional<Set<Operation>> counterOperations();
    }
}
