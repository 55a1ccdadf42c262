package org.flexsi.deploy.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdsTest {
    @Test
    void checkDigitOfThePublishedSample() {
        // GB 11643's sample number 11010519491231002X: check digit X
        assertEquals("11010519491231002X", ResidentIds.of("110105", LocalDate.of(1949, 12, 31), 2));
    }

    @Test
    void aNumericCheckDigit() {
        assertEquals("420106199003071238", ResidentIds.of("420106", LocalDate.of(1990, 3, 7), 123));
    }
}
