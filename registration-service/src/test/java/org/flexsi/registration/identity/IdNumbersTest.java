package org.flexsi.registration.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumbersTest {
    private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 7);

    @ParameterizedTest(name = "{0} is valid: born {1}, {2}")
    @CsvSource({
            "420106199003071238, 1990-03-07, MALE",
            "370102199506150026, 1995-06-15, FEMALE",
            "370102199506150018, 1995-06-15, MALE",
            "42010219881120107X, 1988-11-20, MALE",
            "42010219710601002X, 1971-06-01, FEMALE",
            "42010219710601002x, 1971-06-01, FEMALE",
            "360102197003010020, 1970-03-01, FEMALE",
    })
    void validResidentIdsTellBirthDateAndSex(String number, LocalDate birth, Sex sex) throws InvalidIdException {
        IdDocument id = IdNumbers.check(IdType.RESIDENT_ID, number, TODAY);
        assertEquals(number.toUpperCase(), id.number());
        assertEquals(birth, id.birthDate().orElseThrow());
        assertEquals(sex, id.sex().orElseThrow());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "420106199003071239, check digit is wrong",
            "42010219881120107 , a resident ID number has 18 characters",
            "4201061990030712381, a resident ID number has 18 characters",
            "42010619900307123A, must be 17 digits followed by a digit or X",
            "X20106199003071238, must be 17 digits followed by a digit or X",
            // a correct check digit on an impossible date (1990-02-30)
            "420106199002301230, the birth date in the number is not a real date",
            "990106199003071239, the address code does not start with a province code",
            "42010620990307123X, the birth date in the number is out of range",
    })
    void invalidResidentIdsSayWhy(String number, String reason) {
        InvalidIdException e = assertThrows(InvalidIdException.class, () -> IdNumbers.check(IdType.RESIDENT_ID, number.strip(), TODAY));
        assertEquals(reason, e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1} valid={2}")
    @CsvSource({
            "PASSPORT, E12345678, true",
            "PASSPORT, G1234567, true",
            "PASSPORT, AB12, false",
            "PASSPORT, E1234567-8, false",
            "HK_MACAO_PERMIT, H12345678, true",
            "HK_MACAO_PERMIT, M1234567890, true",
            "HK_MACAO_PERMIT, H1234567, false",
            "HK_MACAO_PERMIT, K12345678, false",
            "TAIWAN_PERMIT, 12345678, true",
            "TAIWAN_PERMIT, 1234567890B, true",
            "TAIWAN_PERMIT, 1234567, false",
            "FOREIGN_PERMANENT_RESIDENCE, USA123456789012, true",
            "FOREIGN_PERMANENT_RESIDENCE, 912345199001010013, true",
            "FOREIGN_PERMANENT_RESIDENCE, 912345199001010014, false",
            "FOREIGN_PERMANENT_RESIDENCE, US1234567890123, false",
    })
    void otherDocumentsHaveTheirOwnFormats(IdType type, String number, boolean valid) {
        if (valid) {
            assertEquals(number, assertDoesNotThrow(type, number).number());
        } else {
            assertThrows(InvalidIdException.class, () -> IdNumbers.check(type, number, TODAY));
        }
    }

    @ParameterizedTest
    @CsvSource({"42010619900307123, 8", "42010219881120107, X", "37010219950615002, 6"})
    void checkCharacterFollowsGb11643(String first17, char expected) {
        assertEquals(expected, IdNumbers.checkCharacter(first17));
    }

    private static IdDocument assertDoesNotThrow(IdType type, String number) {
        try {
            return IdNumbers.check(type, number, TODAY);
        } catch (InvalidIdException e) {
            throw new AssertionError(type + " " + number + " should be valid: " + e.getMessage());
        }
    }
}
