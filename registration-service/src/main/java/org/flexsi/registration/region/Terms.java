package org.flexsi.registration.region;

import java.math.BigDecimal;
import org.flexsi.contracts.Money;

/** What a person chose for one insurance: a grade or a base, and for medical a rate and plan. */
public record Terms(String grade, BigDecimal base, BigDecimal rate, String plan) {
    /** A base in requests: a decimal string with at most two places (read to two with {@link Money#parse}). */
    public static final String MONEY = "[0-9]{1,9}(\\.[0-9]{1,2})?";
    /** A rate as a fraction of the base. */
    public static final String RATE = "0\\.[0-9]{1,4}";

    public static Terms of(String grade, String base, String rate, String plan) {
        return new Terms(grade, base == null ? null : Money.parse(base),
                rate == null ? null : new BigDecimal(rate), plan);
    }

    /** Money as a decimal string with two places, as events carry it. */
    public String baseText() {
        return base == null ? null : Money.text(base);
    }

    /** A rate as a fraction with at least two places: 0.09, 0.10, 0.055. */
    public String rateText() {
        return rateText(rate);
    }

    public static String rateText(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        BigDecimal plain = rate.stripTrailingZeros();
        return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
    }
}
