package org.flexsi.payment.batchdebit;

import java.time.LocalDate;
import java.time.YearMonth;

/** R19: a month's batch debit runs once, after a configured day of that month (Hubei: after the 20th). */
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
}
