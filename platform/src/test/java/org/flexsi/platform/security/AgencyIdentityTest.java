package org.flexsi.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgencyIdentityTest {
    @ParameterizedTest(name = "agency of {0} serves {1}: {2}")
    @CsvSource({
            "420000, 420000, true",
            "420000, 420100, true",   // Hubei's agency reaches Wuhan
            "420000, 420106, true",   // and its districts
            "420000, 430100, false",  // not Hunan
            "420100, 420100, true",
            "420100, 420106, true",   // Wuchang district is Wuhan's
            "420100, 420200, false",  // Huangshi is another city
            "420100, 420000, false",  // a city's agency does not reach the province
            "370700, 370702, true",
            "370700, 370100, false",
            "370702, 370702, true",   // a district's agency, only itself
            "370702, 370703, false",
            "370700, 37070, false"})  // not a region code
    void regionsNestAsTheirCodes(String own, String region, boolean served) {
        assertEquals(served, new AgencyIdentity("a", AgencyIdentity.Kind.PENSION, "a", Set.of(own)).serves(region));
    }
}
