package org.flexsi.rightssync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.flexsi.platform.calendar.CalendarNotLoadedException;
import org.flexsi.platform.calendar.WorkingDayCalendar;
import org.flexsi.platform.time.BusinessTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R24 through rights-sync's own deadline rule ({@link RightsDeadline}, which {@link RecordIntake} stores on every record):
 * the Beijing day of the payment + 3 working days, across the long holidays and their make-up working days.
 */
class RightsDeadlineTest {
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.bundled();

    @ParameterizedTest(name = "paid {0} Beijing time -> confirm by {1}")
    @CsvSource({
            // National Day 2026: off 10-01..10-07, Saturday 10-10 worked. 00:01 on 09-30 is 16:01 UTC on 09-29.
            "2026-09-29T23:59, 2026-10-09",
            "2026-09-30T00:01, 2026-10-10",
            "2026-09-30T00:30, 2026-10-10",
            "2026-09-30T23:59, 2026-10-10",
            // National Day 2024: off 10-01..10-07, Sunday 09-29 is a make-up working day
            "2024-09-27T00:30, 2024-10-08",
            "2024-09-26T23:59, 2024-09-30",
            "2024-09-29T10:00, 2024-10-09",
            "2024-09-30T07:59, 2024-10-10",
            // Spring Festival 2024: off 02-10..02-17, Sundays 02-04 and 02-18 are working days
            "2024-02-08T00:05, 2024-02-19",
            "2024-02-03T23:00, 2024-02-06",
            // Spring Festival 2025: off 01-28..02-04, Sunday 01-26 and Saturday 02-08 are working days
            "2025-01-24T00:01, 2025-02-05",
            "2025-02-05T12:00, 2025-02-08",
            // National Day 2025 (with Mid-Autumn): off 10-01..10-08, Sunday 09-28 and Saturday 10-11 worked
            "2025-09-26T00:10, 2025-09-30",
            "2025-09-30T00:10, 2025-10-11",
            // an ordinary week
            "2026-03-02T00:00, 2026-03-05",
            "2026-03-06T23:59, 2026-03-11"
    })
    void deadlines(String paidInBeijing, LocalDate deadline) {
        Instant paidAt = LocalDateTime.parse(paidInBeijing).atZone(BusinessTime.ZONE).toInstant();
        assertEquals(deadline, RightsDeadline.of(CALENDAR, paidAt, 3));
    }

    @Test
    void thePaymentDateIsTheDayInBeijingNotInUtc() {
        assertEquals(LocalDate.of(2026, 9, 30), RightsDeadline.paymentDate(Instant.parse("2026-09-29T16:30:00Z")));
        assertEquals(LocalDate.of(2026, 9, 29), RightsDeadline.paymentDate(Instant.parse("2026-09-29T15:59:59Z")));
    }

    @Test
    void aYearNotLoadedIsAnErrorNotAGuess() {
        assertThrows(CalendarNotLoadedException.class,
                () -> RightsDeadline.of(CALENDAR, LocalDate.of(2031, 3, 3).atStartOfDay(BusinessTime.ZONE).toInstant(), 3));
    }
}
