package org.flexsi.registration.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void idNumbersKeepFourCharactersAtEachEnd() {
        assertEquals("4201**********1238", Masking.idNumber("420106199003071238"));
        assertEquals("E123*5678", Masking.idNumber("E12345678"));
        assertEquals("*****", Masking.idNumber("AB123"));
        assertEquals("********", Masking.idNumber("AB123456"), "eight characters would show them all: all hidden");
        assertNull(Masking.idNumber(null));
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
        assertEquals("1990-**-**", Masking.birthDate(java.time.LocalDate.of(1990, 3, 7)));
        assertEquals("0987-**-**", Masking.birthDate(java.time.LocalDate.of(987, 12, 31)));
        assertNull(Masking.birthDate(null));
    }
}
