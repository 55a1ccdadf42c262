package org.flexsi.certificate.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.flexsi.platform.calendar.WorkingDayCalendar;
import org.flexsi.platform.time.BusinessTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvailabilityRuleTest {
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.bundled();

    /** Paid at a local time in China; Weifang offers records after 1 and certificates after 2 working days. */
    @ParameterizedTest
    @CsvSource({
            // Friday before National Day 2024: Sunday 09-29 is a make-up working day, then Monday 09-30, then the holiday
            "2024-09-27T10:00, 1, 2024-09-29",
            "2024-09-27T10:00, 2, 2024-09-30",
            "2024-09-30T10:00, 1, 2024-10-08",
            // paid late on 04-30 Beijing time (still 04-30 in UTC as well): the May Day break lies between
            "2024-04-30T23:30, 2, 2024-05-07",
            // Saturday 2024-10-12 is a make-up working day after National Day
            "2024-10-11T09:00, 1, 2024-10-12",
            // Hubei: at once, even on a holiday
            "2024-10-03T09:00, 0, 2024-10-03",
    })
    void countsChineseWorkingDaysFromThePaymentDay(String paidLocal, int workingDays, String expected) {
        Instant paidAt = LocalDateTime.parse(paidLocal).atZone(BusinessTime.ZONE).toInstant();
        assertEquals(LocalDate.parse(expected), AvailabilityRule.availableFrom(CALENDAR, paidAt, workingDays));
    }

    @ParameterizedTest
    @CsvSource({"2024-09-28T16:30:00Z, 2024-09-29, true", "2024-09-28T15:59:59Z, 2024-09-29, false"})
    void aDayStartsAtMidnightInChina(String now, String availableFrom, boolean available) {
        boolean actual = AvailabilityRule.isAvailable(LocalDate.parse(availableFrom), Instant.parse(now));
        if (available) {
            assertTrue(actual);
        } else {
            assertFalse(actual);
        }
    }
}
