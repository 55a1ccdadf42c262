package org.flexsi.certificate.availability;

import java.time.Instant;
import java.time.LocalDate;
import org.flexsi.platform.calendar.WorkingDayCalendar;
import org.flexsi.platform.time.BusinessTime;

/**
 * R22: payment details and certificates are offered a number of working days after the payment
 * (Weifang: 1 and 2; Hubei: at once). The day is the payment's date in China; from then on it is available.
 */
public final class AvailabilityRule {
    private AvailabilityRule() {
    }

    /** The first day on which something paid at {@code paidAt} is offered, {@code workingDays} after the payment. */
    public static LocalDate availableFrom(WorkingDayCalendar calendar, Instant paidAt, int workingDays) {
        LocalDate paidOn = BusinessTime.dateOf(paidAt);
        return workingDays == 0 ? paidOn : calendar.addWorkingDays(paidOn, workingDays);
    }

    public static boolean isAvailable(LocalDate availableFrom, Instant now) {
        return !BusinessTime.dateOf(now).isBefore(availableFrom);
    }
}
