package org.flexsi.assessment.calc;

import java.math.BigDecimal;
import org.flexsi.assessment.catalogue.Insurance;

/** What the contributor chose for one insurance; every field but the insurance may be null. */
public record Choice(Insurance insurance, String grade, BigDecimal base, BigDecimal rate, String plan) {
    public static Choice of(Insurance insurance) {
        return new Choice(insurance, null, null, null, null);
    }
}
