package org.flexsi.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Amounts that cross a service boundary (event payloads, request and response bodies, partners' files): yuan as a
 * decimal string with exactly two places, {@code "1087.12"}, never a number. Inside a service an amount is a
 * {@link BigDecimal} of scale 2 or, where a calculation runs over many lines, a {@code long} of fen; these methods are
 * the only way between the forms. Nothing here rounds except {@link #divideHalfUp}: a third decimal fails loudly.
 */
public final class Money {
    /** A non-negative amount as clients and partners send it: up to twelve digits of yuan, two of fen. */
    public static final String PATTERN = "(0|[1-9][0-9]{0,11})\\.[0-9]{2}";
    private static final Pattern TEXT = Pattern.compile(PATTERN);

    private Money() {
    }

    /** An amount from an event or a validated body; a third decimal place throws {@link ArithmeticException}. */
    public static BigDecimal parse(String text) {
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** An amount from a partner's report; null when it is not a non-negative decimal string with exactly two places. */
    public static BigDecimal parseOrNull(String text) {
        return text != null && TEXT.matcher(text).matches() ? new BigDecimal(text) : null;
    }

    /** The wire form; an amount with a fraction of a fen throws {@link ArithmeticException}. */
    public static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The wire form of whole fen: {@code 5} → {@code "0.05"}. */
    public static String text(long fen) {
        return yuan(fen).toPlainString();
    }

    /** Whole fen; a fraction of a fen throws {@link ArithmeticException}. */
    public static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    /** Equal in value whatever the scale ({@code 5.0} and {@code 5.00}); false when either is missing. */
    public static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }

    /**
     * The one rounding rule, half up to the fen: {@code numerator / divisor} in fen with an exact half rounded up
     * (both non-negative). Only the catalogue's calculation rounds, once; every other service adds, compares and
     * splits amounts it received.
     */
    public static long divideHalfUp(long numerator, long divisor) {
        long quotient = numerator / divisor;
        long remainder = numerator % divisor;
        return remainder * 2 >= divisor ? quotient + 1 : quotient;
    }
}
