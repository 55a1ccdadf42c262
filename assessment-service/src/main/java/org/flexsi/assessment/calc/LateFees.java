package org.flexsi.assessment.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.flexsi.assessment.catalogue.LateFeeRule;
import org.flexsi.assessment.catalogue.PaymentWindow;
import org.flexsi.contracts.Money;

/**
 * Late fees (滞纳金): for each month paid after its due date (the last day of the month {@code dueMonths} after it),
 * ratePerDay x the month's amount x the days since, rounded half up to the fen. Months a deferral policy
 * waives (Jinan 2022, R13) cost none.
 */
public final class LateFees {
    private LateFees() {
    }

    /** A month that is late and what its fee is. */
    public record LateMonth(YearMonth month, long days, long feeFen) {
    }

    public static List<LateMonth> compute(LateFeeRule rule, PaymentWindow window, List<YearMonth> months, long monthlyAmountFen,
            LocalDate today) {
        List<LateMonth> late = new ArrayList<>();
        long rate = rule.ratePerDay().unscaledValue().longValueExact();
        long divisor = BigDecimal.ONE.movePointRight(rule.ratePerDay().scale()).longValueExact();
        for (YearMonth month : months) {
            LocalDate due = month.plusMonths(rule.dueMonths()).atEndOfMonth();
            long days = ChronoUnit.DAYS.between(due, today);
            if (days <= 0 || waived(window, month)) {
                continue;
            }
            long fee = Money.divideHalfUp(Math.multiplyExact(Math.multiplyExact(monthlyAmountFen, rate), days), divisor);
            late.add(new LateMonth(month, days, fee));
        }
        return late;
    }

    private static boolean waived(PaymentWindow window, YearMonth month) {
        return window.deferralsOrEmpty().stream().anyMatch(d -> d.year() == month.getYear() && d.lateFeeWaived());
    }
}
