package org.flexsi.assessment.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.flexsi.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

class CatalogueValidatorTest {
    @Test
    void everySeedCatalogueIsSound() {
        assertEquals(4, SeedCatalogues.all().size());
        SeedCatalogues.all().forEach((region, c) -> assertEquals(List.of(), CatalogueValidator.check(c), region));
    }

    @Test
    void floorAboveCeilingIsRefused() {
        Catalogue c = withPension(SeedCatalogues.of("370100"), new BaseRule(null, new BigDecimal("5000"), new BigDecimal("4000"), null));
        assertTrue(fields(c).contains("insurances[0].base.floor"), fields(c).toString());
    }

    @Test
    void unsortedGradesAreRefused() {
        Catalogue jiangxi = SeedCatalogues.of("360000");
        List<Grade> grades = jiangxi.insurances().get(0).base().grades();
        List<Grade> swapped = new java.util.ArrayList<>(grades);
        java.util.Collections.swap(swapped, 1, 2);
        Catalogue c = withPension(jiangxi, new BaseRule(swapped, null, null, null));
        assertTrue(fields(c).stream().anyMatch(f -> f.startsWith("insurances[0].base.grades[")), fields(c).toString());
    }

    @Test
    void twoBaseModesAndRatesAbove100PercentAreRefused() {
        Catalogue c = withPension(SeedCatalogues.of("370100"),
                new BaseRule(null, new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3")));
        assertTrue(fields(c).contains("insurances[0].base"));
        Catalogue jinan = SeedCatalogues.of("370100");
        InsuranceStandard pension = jinan.insurances().get(0);
        InsuranceStandard greedy = new InsuranceStandard(pension.insurance(), pension.base(),
                List.of(new Plan("X", null, List.of(new Part("A", new BigDecimal("0.7"), null, null),
                        new Part("B", new BigDecimal("0.7"), null, null)))), null, null, false);
        Catalogue bad = new Catalogue(jinan.region(), jinan.year(), jinan.firstMonth(), jinan.lastMonth(), jinan.effectiveFrom(),
                jinan.source(), null, jinan.window(), null, List.of(greedy));
        assertTrue(fields(bad).contains("insurances[0].plans[0]"), fields(bad).toString());
    }

    private static Catalogue withPension(Catalogue c, BaseRule base) {
        InsuranceStandard p = c.insurances().get(0);
        List<InsuranceStandard> standards = new java.util.ArrayList<>(c.insurances());
        standards.set(0, new InsuranceStandard(p.insurance(), base, p.plans(), p.rounding(), p.enrolledAs(), p.agencyAssessed()));
        return new Catalogue(c.region(), c.year(), c.firstMonth(), c.lastMonth(), c.effectiveFrom(), c.source(), c.averageWage(),
                c.window(), c.lateFee(), standards);
    }

    private static List<String> fields(Catalogue c) {
        return CatalogueValidator.check(c).stream().map(FieldError::field).toList();
    }
}
