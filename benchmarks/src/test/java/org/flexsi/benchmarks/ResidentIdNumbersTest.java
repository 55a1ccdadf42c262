package org.flexsi.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.flexsi.deploy.client.ResidentIds;
import org.junit.jupiter.api.Test;

class ResidentIdNumbersTest {
    @Test
    void generatedNumbersAreInTheAreaWithAValidBirthDateAndCheckDigit() {
        ResidentIdNumbers ids = new ResidentIdNumbers("370102", new Random(7));
        for (int i = 0; i < 200; i++) {
            String id = ids.next();
            assertTrue(id.startsWith("370102"), id);
            LocalDate birth = LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
            assertTrue(birth.getYear() >= 1975 && birth.getYear() <= 1999, id);
            assertEquals(id, ResidentIds.of(id.substring(0, 6), birth, Integer.parseInt(id.substring(14, 17))));
        }
    }
}
