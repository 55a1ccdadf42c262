package org.flexsi.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {
    @Test
    void idNumbersKeepFourCharactersAtEachEnd() {
        assertEquals("4201**********1238", Masking.idNumber("420106199003071238"));
        assertEquals("E123*5678", Masking.idNumber("E12345678"));
        assertEquals("*****", Masking.idNumber("AB123"));
        assertEquals("********", Masking.idNumber("AB123456"), "eight characters would show them all: all hidden");
        assertNull(Masking.idNumber(null));
    }

    @ParameterizedTest
    @CsvSource({
            "420106199001011234, 4201**********1234",
            "37070219850315002X, 3707**********002X",
            "E12345678, E1***5678",
            "H123, ***3",
            "420106900101123, 4201*******1123",
            "42010690010112, 42********0112",
            "AB123456, AB**3456",
            "A123456, ******6",
            "X, *",
            "' 420106199001011234 ', 4201**********1234",
    })
    void printedIdNumbersKeepOnlyTheEnds(String id, String masked) {
        assertEquals(masked, Masking.printedIdNumber(id));
    }

    @Test
    void nothingToPrintPrintsNothing() {
        assertEquals("", Masking.printedIdNumber(null));
        assertEquals("", Masking.printedIdNumber("  "));
    }

    @Test
    void mobilesKeepThreeAndFour() {
        assertEquals("138****5678", Masking.mobile("13812345678"));
        assertEquals("*******", Masking.mobile("1381234"), "seven digits would show them all: all hidden");
        assertEquals("138*5678", Masking.mobile("13815678"));
        assertNull(Masking.mobile(null));
    }

    @Test
    void birthDatesKeepOnlyTheYear() {
        assertEquals("1990-**-**", Masking.birthDate(LocalDate.of(1990, 3, 7)));
        assertEquals("0987-**-**", Masking.birthDate(LocalDate.of(987, 12, 31)));
        assertNull(Masking.birthDate(null));
    }
}
