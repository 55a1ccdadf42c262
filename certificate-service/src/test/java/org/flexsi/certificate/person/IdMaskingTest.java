package org.flexsi.certificate.person;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdMaskingTest {
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
    void keepsOnlyTheEnds(String id, String masked) {
        assertEquals(masked, IdMasking.mask(id));
    }

    @Test
    void nothingToMaskPrintsNothing() {
        assertEquals("", IdMasking.mask(null));
        assertEquals("", IdMasking.mask("  "));
    }
}
