package org.flexsi.payment.batchdebit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * R19: "批扣时间统一为每月20日后，每月批扣一次" (seed 000): a bank's batch is made once a month, for the current
 * collection month only (China time), from the day after a configured day of that month (Hubei: from the 21st).
 */
public final class DebitWindow {
    private DebitWindow() {
    }

    /** The first day the batch of {@code month} may run. */
    public static LocalDate opensOn(YearMonth month, int afterDayOfMonth) {
        return month.atDay(Math.min(afterDayOfMonth + 1, month.lengthOfMonth()));
    }

    public static boolean open(YearMonth month, int afterDayOfMonth, LocalDate today) {
        return !today.isBefore(opensOn(month, afterDayOfMonth));
    }

    /** Why the batch of {@code month} may not be made on {@code today} (a China date), or empty when it may. */
    public static Optional<String> refusal(YearMonth month, int afterDayOfMonth, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        if (!month.equals(current)) {
            return Optional.of("a debit batch is made only for the current collection month " + current + " (today is "
                    + today + " in China time), not for " + (month.isBefore(current) ? "the past month " : "the future month ")
                    + month);
        }
        if (!open(month, afterDayOfMonth, today)) {
            return Optional.of("the batch debit of " + month + " runs from " + opensOn(month, afterDayOfMonth)
                    + " (after day " + afterDayOfMonth + " of the month); today is " + today + " in China time");
        }
        return Optional.empty();
    }
}
