package org.flexsi.certificate.monitor;

import java.time.LocalDate;
import org.flexsi.platform.calendar.CalendarNotLoadedException;
import org.flexsi.platform.calendar.WorkingDayCalendar;

/**
 * Whether paid records of one payment date are late: their certificate is due by R22 ({@code workingDays} after the
 * payment date) and cannot be served. A record cannot be served when no valid certificate covers it, or when the
 * working-day calendar does not cover its dates (the service then answers 503 rather than guess the day); in that
 * case the day is unknown, and the record counts as late once it would be due even if every day were a working day.
 */
public final class LateRule {
    private LateRule() {
    }

    public static boolean isLate(WorkingDayCalendar calendar, LocalDate paidOn, int workingDays, boolean certified,
            LocalDate today) {
        LocalDate due;
        try {
            due = workingDays == 0 ? paidOn : calendar.addWorkingDays(paidOn, workingDays);
        } catch (CalendarNotLoadedException e) {
            return !today.isBefore(paidOn.plusDays(workingDays));
        }
        return !certified && !today.isBefore(due);
    }
}
