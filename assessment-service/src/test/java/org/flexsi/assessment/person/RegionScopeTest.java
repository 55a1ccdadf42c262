package org.flexsi.assessment.person;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.AgencyIdentity;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionScopeTest {
    private static Caller agency(String... regions) {
        return new Caller("staff-1", Set.of(Roles.AGENCY), new AgencyIdentity("x", AgencyIdentity.Kind.PENSION, "x", Set.of(regions)));
    }

    @ParameterizedTest(name = "agency of {0}: person in {1} reached={2}, assessment in {1} concerns={3}")
    @CsvSource({
            "360000, 360102, true, true",   // a province's agency serves its cities
            "360000, 360000, true, true",
            "420100, 420106, true, true",   // a city's agency serves its districts
            "420100, 420000, false, true",  // a provincial assessment of one of its persons concerns it, the province's persons not
            "420100, 370700, false, false", // Wuhan is not Weifang
            "370100, 370700, false, false", // nor Jinan, in the same province
            "370700, 370700, true, true",
            "370700, 37070, false, false",  // not a region code
    })
    void agenciesReachTheirRegionsAndWhatTheyEnclose(String served, String region, boolean reaches, boolean concerns) {
        Caller caller = agency(served);
        assertEquals(reaches, RegionScope.reaches(caller, region));
        assertEquals(concerns, RegionScope.concerns(caller, region));
        if (reaches) {
            assertDoesNotThrow(() -> caller.requireRegion(region));
        } else {
            assertEquals(403, assertThrows(ProblemException.class, () -> caller.requireRegion(region)).problem().status());
        }
    }

    @ParameterizedTest
    @CsvSource({"ops", "contributor", "proxy", "bank"})
    void callersThatAreNoAgencyAreNotConfinedHere(String role) {
        Caller caller = new Caller("someone", Set.of(role), null);
        assertDoesNotThrow(() -> caller.requireRegion("370700"));
        assertEquals(true, RegionScope.reaches(caller, "370700"));
    }

    @ParameterizedTest
    @CsvSource({"420100"})
    void operationsWithAnAgencyClaimStillActEverywhere(String served) {
        Caller caller = new Caller("ops-1", Set.of(Roles.OPS, Roles.AGENCY), agency(served).agencyIdentity());
        assertDoesNotThrow(() -> caller.requireRegion("370700"));
    }

    @ParameterizedTest
    @CsvSource({"420100, 420106", "420100, 420000", "360000, 360102"})
    void anAgencyMayTouchOnlyAssessmentsThatConcernIt(String served, String region) {
        assertDoesNotThrow(() -> RegionScope.requireConcerned(agency(served), region));
        ProblemException refused = assertThrows(ProblemException.class, () -> RegionScope.requireConcerned(agency(served), "370700"));
        assertEquals(403, refused.problem().status());
        assertDoesNotThrow(() -> RegionScope.requireConcerned(new Caller("ops-1", Set.of(Roles.OPS), null), "370700"));
    }

    @ParameterizedTest
    @CsvSource({"x", "4201000"})
    void aServedRegionThatIsNoCodeEnclosesNothing(String served) {
        assertEquals(false, RegionScope.concerns(agency(served), "420000"));
    }
}
