package org.flexsi.payment.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Yuan amounts: BigDecimal with two places, written as decimal strings ("13045.44"), never floating point. */
public final class Money {
    private static final Pattern TEXT = Pattern.compile("(0|[1-9][0-9]{0,11})\\.[0-9]{2}");

    private Money() {
    }

    /** Parses a wire amount; null when it is not a non-negative decimal string with exactly two places. */
    public static BigDecimal parseOrNull(String text) {
        return text != null && TEXT.matcher(text).matches() ? new BigDecimal(text) : null;
    }

    public static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }
}
