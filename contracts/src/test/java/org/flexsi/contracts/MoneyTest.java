package org.flexsi.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    @ParameterizedTest(name = "{0} / {1} = {2}")
    @CsvSource({"5, 10, 1", "4, 10, 0", "15, 10, 2", "14, 10, 1", "25, 10, 3", "0, 7, 0", "7, 7, 1", "1, 2, 1", "1, 3, 0"})
    void divisionRoundsAnExactHalfUp(long numerator, long divisor, long expected) {
        assertEquals(expected, Money.divideHalfUp(numerator, divisor));
    }

    @Test
    void yuanTextAndFenConvertExactly() {
        assertEquals(108712, Money.fen(new BigDecimal("1087.12")));
        assertEquals(398000, Money.fen(new BigDecimal("3980")));
        assertEquals(new BigDecimal("1087.12"), Money.yuan(108712));
        assertEquals("0.05", Money.text(5));
        assertThrows(ArithmeticException.class, () -> Money.fen(new BigDecimal("0.001")), "a fraction of a fen");
    }

    @Test
    void theWireFormHasExactlyTwoPlaces() {
        assertEquals("1087.10", Money.text(new BigDecimal("1087.1")));
        assertEquals("3980.00", Money.text(new BigDecimal("3980")));
        assertEquals("-796.00", Money.text(new BigDecimal("-796")));
        assertThrows(ArithmeticException.class, () -> Money.text(new BigDecimal("0.005")), "never rounds: a third place fails");
    }

    @Test
    void anAmountReadFromAnEventHasScaleTwo() {
        assertEquals(new BigDecimal("1087.10"), Money.parse("1087.1"));
        assertEquals(2, Money.parse("796").scale());
        assertThrows(ArithmeticException.class, () -> Money.parse("1.005"));
        assertThrows(NumberFormatException.class, () -> Money.parse("one yuan"));
    }

    @Test
    void aPartnersAmountIsTakenOnlyInTheWireForm() {
        assertEquals(new BigDecimal("1070.62"), Money.parseOrNull("1070.62"));
        assertEquals(new BigDecimal("0.00"), Money.parseOrNull("0.00"));
        assertEquals(new BigDecimal("999999999999.99"), Money.parseOrNull("999999999999.99"));
        assertNull(Money.parseOrNull(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1070.6", "1070.620", "1070", "-1.00", "01.00", "1e3", " 1.00", "1000000000000.00", ""})
    void anythingElseFromAPartnerIsNoAmount(String text) {
        assertNull(Money.parseOrNull(text));
    }

    @Test
    void amountsAreTheSameByValueNotScale() {
        assertTrue(Money.same(new BigDecimal("5.0"), new BigDecimal("5.00")));
        assertFalse(Money.same(new BigDecimal("5.00"), new BigDecimal("5.01")));
        assertFalse(Money.same(null, BigDecimal.ONE));
        assertFalse(Money.same(BigDecimal.ONE, null));
    }
}
