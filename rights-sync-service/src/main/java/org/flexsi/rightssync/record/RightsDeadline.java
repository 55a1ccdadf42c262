package org.flexsi.rightssync.record;

import java.time.Instant;
import java.time.LocalDate;
import org.flexsi.platform.calendar.CalendarNotLoadedException;
import org.flexsi.platform.calendar.WorkingDayCalendar;
import org.flexsi.platform.time.BusinessTime;

/**
 * R24: the agency confirms a payment's rights within a number of working days (3) after the payment date. The payment
 * date is the day in China on which it was paid: 00:30 in Beijing is the Beijing day, although still the evening
 * before in UTC. Working days follow the State Council's calendar (holidays off, 调休 make-up days on).
 */
public final class RightsDeadline {
    private RightsDeadline() {
    }

    /** The business day of a payment. */
    public static LocalDate paymentDate(Instant paidAt) {
        return BusinessTime.dateOf(paidAt);
    }

    /**
     * The last day on which the agency may confirm.
     *
     * @throws CalendarNotLoadedException if a year on the way is not loaded (never a guess)
     */
    public static LocalDate of(WorkingDayCalendar calendar, LocalDate paymentDate, int workingDays) {
        return calendar.addWorkingDays(paymentDate, workingDays);
    }

    /** The deadline of a payment made at {@code paidAt}. */
    public static LocalDate of(WorkingDayCalendar calendar, Instant paidAt, int workingDays) {
        return of(calendar, paymentDate(paidAt), workingDays);
    }
}
