package org.flexsi.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidentIdNumbersTest {
    @Test
    void checkDigitOfThePublishedSample() {
        // GB 11643 sample number 11010519491231002X
        assertEquals("11010519491231002X", ResidentIdNumbers.withCheckDigit("11010519491231002"));
    }

    @Test
    void generatedNumbersAreInTheAreaWithAValidBirthDateAndCheckDigit() {
        ResidentIdNumbers ids = new ResidentIdNumbers("370102", new Random(7));
        for (int i = 0; i < 200; i++) {
            String id = ids.next();
            assertTrue(id.startsWith("370102"), id);
            LocalDate birth = LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
            assertTrue(birth.getYear() >= 1975 && birth.getYear() <= 1999, id);
            assertEquals(id, ResidentIdNumbers.withCheckDigit(id.substring(0, 17)));
        }
    }
}
