package org.flexsi.assessment.calc;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.flexsi.assessment.catalogue.Insurance;

/** One computed line; {@code base} and {@code rate} are null for fixed fees. */
public record Line(Insurance insurance, List<YearMonth> months, BigDecimal base, BigDecimal rate, long amountFen, String part) {
}
