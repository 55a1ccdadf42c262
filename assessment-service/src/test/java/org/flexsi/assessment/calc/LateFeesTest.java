package org.flexsi.assessment.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.flexsi.assessment.catalogue.Deferral;
import org.flexsi.assessment.catalogue.Insurance;
import org.flexsi.assessment.catalogue.LateFeeRule;
import org.flexsi.assessment.catalogue.PaymentWindow;
import org.flexsi.assessment.catalogue.WindowRule;
import org.junit.jupiter.api.Test;

class LateFeesTest {
    private static final LateFeeRule HALF_PER_MILLE = new LateFeeRule(new BigDecimal("0.0005"), 1, List.of(Insurance.MEDICAL));
    private static final PaymentWindow NO_DEFERRAL = new PaymentWindow(WindowRule.YEAR_TO_DATE, "R13", 1, List.of());

    @Test
    void everyDayAfterTheDueDateCostsTheDailyRateOfTheMonth() {
        // January is due by the end of February: 10 days late on 10 March; 337.14 x 0.0005 x 10 = 1.6857 -> 1.69
        List<LateFees.LateMonth> late = LateFees.compute(HALF_PER_MILLE, NO_DEFERRAL,
                List.of(YearMonth.of(2023, 1), YearMonth.of(2023, 2)), 33_714, LocalDate.of(2023, 3, 10));
        assertEquals(List.of(new LateFees.LateMonth(YearMonth.of(2023, 1), 10, 169)), late);
    }

    @Test
    void onTheDueDateNothingIsLate() {
        assertEquals(List.of(), LateFees.compute(HALF_PER_MILLE, NO_DEFERRAL, List.of(YearMonth.of(2023, 1)), 33_714,
                LocalDate.of(2023, 2, 28)));
    }

    @Test
    void aDeferralThatWaivesLateFeesCostsNothing() {
        PaymentWindow jinan = new PaymentWindow(WindowRule.YEAR_TO_DATE, "R13", 1,
                List.of(new Deferral(2022, LocalDate.of(2023, 12, 31), true)));
        assertEquals(List.of(), LateFees.compute(HALF_PER_MILLE, jinan, List.of(YearMonth.of(2022, 3)), 74_920,
                LocalDate.of(2023, 11, 1)));
        assertEquals(1, LateFees.compute(HALF_PER_MILLE, jinan, List.of(YearMonth.of(2021, 3)), 74_920,
                LocalDate.of(2023, 11, 1)).size());
    }
}
