package org.flexsi.registration.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.enrolment.Insurance;
import org.flexsi.registration.identity.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionRulesTest {
    static final RegionRules WUHAN = new RegionRules("420100", "武汉市", EnumSet.of(Insurance.PENSION, Insurance.MEDICAL),
            16, 60, 55, List.of("60", "70", "80", "90", "100", "150", "200", "250", "300"), null, null, List.of(), Map.of(),
            Set.of("420102", "420103", "420104", "420105", "420106", "420107", "420111", "420113"),
            Set.of("420112", "420114", "420115", "420116", "420117"), RegionRules.EVERYTHING, RegionRules.EVERYTHING);
    static final RegionRules JINAN = new RegionRules("370100", "济南市", EnumSet.of(Insurance.PENSION, Insurance.MEDICAL),
            16, 60, 55, List.of(), new BigDecimal("3746.00"), new BigDecimal("18726.00"), List.of(),
            Map.of("WITH_ACCOUNT", new BigDecimal("0.09"), "POOLED_ONLY", new BigDecimal("0.05")), Set.of(), Set.of(),
            RegionRules.EVERYTHING, RegionRules.EVERYTHING);
    static final RegionRules WEIFANG = new RegionRules("370700", "潍坊市", EnumSet.allOf(Insurance.class), 16, 60, 55,
            List.of(), new BigDecimal("3980.00"), new BigDecimal("19899.00"),
            List.of(new BigDecimal("0.06"), new BigDecimal("0.07"), new BigDecimal("0.09"), new BigDecimal("0.10")),
            Map.of(), Set.of(), Set.of(),
            EnumSet.of(Operation.CONTINUATION, Operation.MEDICAL_RATE_CHANGE, Operation.INTERRUPTION),
            EnumSet.complementOf(EnumSet.of(Operation.NEW_ENROLMENT)));
    /** A province without district lists or pension and medical terms of its own, served online only. */
    static final RegionRules PROVINCE = new RegionRules("370000", "山东省", EnumSet.of(Insurance.PENSION, Insurance.MEDICAL),
            16, 60, 55, List.of(), null, null, List.of(), Map.of(), Set.of(), Set.of(), RegionRules.EVERYTHING,
            EnumSet.noneOf(Operation.class));

    @ParameterizedTest(name = "{0} born {1}, enrolling {2}: allowed={3}")
    @CsvSource({
            // 16th birthday is the first allowed day
            "MALE, 2010-03-15, 2026-03-14, false",
            "MALE, 2010-03-15, 2026-03-15, true",
            "FEMALE, 2010-03-15, 2026-03-15, true",
            // men up to the day before their 60th birthday
            "MALE, 1966-03-15, 2026-03-14, true",
            "MALE, 1966-03-15, 2026-03-15, false",
            // women up to the day before their 55th birthday
            "FEMALE, 1971-03-15, 2026-03-14, true",
            "FEMALE, 1971-03-15, 2026-03-15, false",
            "FEMALE, 1968-01-01, 2026-01-01, false",
            "MALE, 1968-01-01, 2026-01-01, true",
            // born on 29 February, 16 on the next 29 February
            "MALE, 2008-02-29, 2024-02-28, false",
            "MALE, 2008-02-29, 2024-02-29, true",
    })
    void ageAtTheEnrolmentDateFollowsR2(Sex sex, LocalDate birth, LocalDate enrolment, boolean allowed) {
        if (allowed) {
            WUHAN.checkAge(sex, birth, enrolment);
        } else {
            ProblemException e = assertThrows(ProblemException.class, () -> WUHAN.checkAge(sex, birth, enrolment));
            assertEquals(422, e.problem().status());
            assertEquals("R2", e.problem().extensions().get("rule"));
        }
    }

    @ParameterizedTest(name = "Wuhan district {0} registers as {1}")
    @CsvSource({
            "420102, 420100", "420103, 420100", "420104, 420100", "420105, 420100", "420106, 420100",
            "420107, 420100", "420111, 420100", "420113, 420100",
            "420112, 420112", "420114, 420114", "420115, 420115", "420116, 420116", "420117, 420117",
            "420100, 420100",
    })
    void wuhanCentralDistrictsRegisterAsTheCity(String district, String location) {
        assertEquals(location, WUHAN.registeredLocation(district));
    }

    @Test
    void anUnknownDistrictIsRefusedNamingR6() {
        ProblemException e = assertThrows(ProblemException.class, () -> WUHAN.registeredLocation("370102"));
        assertEquals("district", e.problem().errors().get(0).field());
        assertEquals(400, e.problem().status());
        assertEquals(WUHAN.code(), WUHAN.registeredLocation(null));
        assertEquals("370102", JINAN.registeredLocation("370102"));
    }

    @Test
    void theAgeRefusalNamesTheLimitOfTheSex() {
        ProblemException man = assertThrows(ProblemException.class,
                () -> WUHAN.checkAge(Sex.MALE, LocalDate.of(1966, 3, 15), LocalDate.of(2026, 3, 15)));
        assertTrue(man.problem().detail().contains("men in 武汉市 must be from 16 to under 60"), man.problem().detail());
        ProblemException woman = assertThrows(ProblemException.class,
                () -> WUHAN.checkAge(Sex.FEMALE, LocalDate.of(1971, 3, 15), LocalDate.of(2026, 3, 15)));
        assertTrue(woman.problem().detail().contains("women in 武汉市 must be from 16 to under 55"), woman.problem().detail());
    }

    @Test
    void aDistrictOfAnotherCityIsRefusedWhereAProvinceTakesAllOfItsOwn() {
        assertThrows(ProblemException.class, () -> JINAN.registeredLocation("370702"), "Weifang's district in Jinan");
        assertEquals("370702", PROVINCE.registeredLocation("370702"));
        assertEquals("370102", PROVINCE.registeredLocation("370102"));
        assertThrows(ProblemException.class, () -> PROVINCE.registeredLocation("420102"), "Wuhan's district in Shandong");
    }

    @Test
    void aRegionWithoutTermsOfItsOwnKeepsWhatWasChosen() {
        Terms pension = PROVINCE.terms(Insurance.PENSION, Terms.of("60", "5000", null, null));
        assertEquals("60", pension.grade());
        assertEquals("5000.00", pension.baseText());
        Terms medical = PROVINCE.terms(Insurance.MEDICAL, Terms.of(null, "5000", "0.08", "ANY"));
        assertEquals("0.08", medical.rateText());
        assertEquals("ANY", medical.plan());
        assertNull(Terms.rateText(null));
    }

    @Test
    void weifangTakesNewEnrolmentsAtTheCounterOnly() {
        WEIFANG.checkChannel(Channel.ONLINE, Operation.MEDICAL_RATE_CHANGE);
        WEIFANG.checkChannel(Channel.COUNTER, Operation.CONTINUATION_AFTER_UNEMPLOYMENT);
        ProblemException e = assertThrows(ProblemException.class,
                () -> WEIFANG.checkChannel(Channel.ONLINE, Operation.CONTINUATION_AFTER_UNEMPLOYMENT));
        assertEquals("R4-channel", e.problem().extensions().get("rule"));
        assertTrue(e.problem().detail().contains("; there it accepts only "), e.problem().detail());
        ProblemException none = assertThrows(ProblemException.class,
                () -> PROVINCE.checkChannel(Channel.COUNTER, Operation.NEW_ENROLMENT));
        assertTrue(none.problem().detail().endsWith("NEW_ENROLMENT COUNTER"), none.problem().detail());
        assertThrows(ProblemException.class, () -> WEIFANG.checkChannel(Channel.COUNTER, Operation.NEW_ENROLMENT));
        WUHAN.checkChannel(Channel.ONLINE, Operation.NEW_ENROLMENT);
    }

    @Test
    void pensionGradeOrBaseAsTheRegionAsks() {
        assertEquals("60", WUHAN.terms(Insurance.PENSION, Terms.of("60", null, null, null)).grade());
        assertThrows(ProblemException.class, () -> WUHAN.terms(Insurance.PENSION, Terms.of("65", null, null, null)));
        assertThrows(ProblemException.class, () -> WUHAN.terms(Insurance.PENSION, Terms.of(null, "3980", null, null)));
        assertEquals("3746.00", JINAN.terms(Insurance.PENSION, Terms.of(null, "3746", null, null)).baseText());
        assertEquals("18726.00", JINAN.terms(Insurance.PENSION, Terms.of(null, "18726.00", null, null)).baseText());
        assertThrows(ProblemException.class, () -> JINAN.terms(Insurance.PENSION, Terms.of(null, "3745.99", null, null)));
        assertThrows(ProblemException.class, () -> JINAN.terms(Insurance.PENSION, Terms.of(null, "18726.01", null, null)));
    }

    @Test
    void medicalRateOrPlanAsTheRegionOffers() {
        Terms pooled = JINAN.terms(Insurance.MEDICAL, Terms.of(null, null, null, "POOLED_ONLY"));
        assertEquals("0.05", pooled.rateText());
        assertThrows(ProblemException.class, () -> JINAN.terms(Insurance.MEDICAL, Terms.of(null, null, "0.09", "POOLED_ONLY")));
        assertThrows(ProblemException.class, () -> JINAN.terms(Insurance.MEDICAL, Terms.of(null, null, null, null)));
        assertEquals("0.10", WEIFANG.terms(Insurance.MEDICAL, Terms.of(null, null, "0.1", null)).rateText());
        assertThrows(ProblemException.class, () -> WEIFANG.terms(Insurance.MEDICAL, Terms.of(null, null, "0.08", null)));
        assertThrows(ProblemException.class, () -> WEIFANG.terms(Insurance.MEDICAL, Terms.of(null, null, null, null)));
    }

    @Test
    void insurancesAreRegional() {
        WEIFANG.checkInsurance(Insurance.LONG_TERM_CARE);
        ProblemException e = assertThrows(ProblemException.class, () -> WUHAN.checkInsurance(Insurance.WORK_INJURY));
        assertEquals(422, e.problem().status());
    }
}
