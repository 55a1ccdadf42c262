package org.flexsi.assessment.calc;

import java.math.BigDecimal;

/** Money as whole fen in a long inside the calculator; decimal strings with two places at the edges. */
public final class Money {
    private Money() {
    }

    public static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    public static String format(long fen) {
        return yuan(fen).toPlainString();
    }

    /** numerator / divisor rounded half up; both non-negative. */
    public static long divideHalfUp(long numerator, long divisor) {
        long quotient = numerator / divisor;
        long remainder = numerator % divisor;
        return remainder * 2 >= divisor ? quotient + 1 : quotient;
    }
}
