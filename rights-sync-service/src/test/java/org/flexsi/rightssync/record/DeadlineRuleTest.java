package org.flexsi.rightssync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.flexsi.platform.calendar.CalendarNotLoadedException;
import org.flexsi.platform.calendar.WorkingDayCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** R24: payment date + 3 working days, across the long holidays and their make-up working days. */
class DeadlineRuleTest {
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.bundled();

    @ParameterizedTest(name = "paid {0} -> confirm by {1}")
    @CsvSource({
            // National Day 2024: off 10-01..10-07, Sunday 09-29 is a make-up working day
            "2024-09-27, 2024-10-08",
            "2024-09-29, 2024-10-09",
            "2024-09-30, 2024-10-10",
            // Spring Festival 2024: off 02-10..02-17, Sundays 02-04 and 02-18 are working days
            "2024-02-08, 2024-02-19",
            "2024-02-03, 2024-02-06",
            // Spring Festival 2025: off 01-28..02-04, Sunday 01-26 and Saturday 02-08 are working days
            "2025-01-24, 2025-02-05",
            "2025-02-05, 2025-02-08",
            // National Day 2025 (with Mid-Autumn): off 10-01..10-08, Sunday 09-28 and Saturday 10-11 worked
            "2025-09-26, 2025-09-30",
            "2025-09-30, 2025-10-11",
            // an ordinary week
            "2026-03-02, 2026-03-05",
            "2026-03-06, 2026-03-11"
    })
    void deadlines(LocalDate paid, LocalDate deadline) {
        assertEquals(deadline, CALENDAR.addWorkingDays(paid, 3));
    }

    @Test
    void aYearNotLoadedIsAnErrorNotAGuess() {
        assertThrows(CalendarNotLoadedException.class, () -> CALENDAR.addWorkingDays(LocalDate.of(2031, 3, 3), 3));
    }
}
