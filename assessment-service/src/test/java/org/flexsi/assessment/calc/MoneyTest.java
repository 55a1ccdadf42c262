package org.flexsi.assessment.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertEquals("0.05", Money.format(5));
        assertThrows(ArithmeticException.class, () -> Money.fen(new BigDecimal("0.001")), "a fraction of a fen");
    }
}
