package org.flexsi.certificate.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.flexsi.platform.calendar.WorkingDayCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LateRuleTest {
    @ParameterizedTest(name = "paid {0}, {1} working days, certified {2}, today {3}: late {4}")
    @CsvSource({
            // Hubei, at once: late from the payment day on when no certificate covers it
            "2026-03-02, 0, false, 2026-03-02, true",
            "2026-03-02, 0, true, 2026-03-02, false",
            // Weifang, 2 working days: Friday's payment is due on Tuesday
            "2026-03-06, 2, false, 2026-03-09, false",
            "2026-03-06, 2, false, 2026-03-10, true",
            "2026-03-06, 2, true, 2026-03-10, false",
            // after the National Day break: paid 2026-09-30, due on the second working day after it (2026-10-09)
            "2026-09-30, 2, false, 2026-10-08, false",
            "2026-09-30, 2, false, 2026-10-09, true",
    })
    void dueAndNotServable(LocalDate paidOn, int workingDays, boolean certified, LocalDate today, boolean late) {
        assertEquals(late, LateRule.isLate(WorkingDayCalendar.bundled(), paidOn, workingDays, certified, today));
    }

    @ParameterizedTest(name = "no calendar for {0}: late {3} on {2}")
    @CsvSource({
            // a certificate whose day cannot be computed cannot be served (503); late once it could be due at the earliest
            "2031-03-06, 2, 2031-03-07, false",
            "2031-03-06, 2, 2031-03-08, true",
            "2031-03-06, 0, 2031-03-06, false",
    })
    void withoutTheCalendarAnyPaymentIsLateOnceItCouldBeDue(LocalDate paidOn, int workingDays, LocalDate today, boolean late) {
        assertEquals(late, LateRule.isLate(WorkingDayCalendar.bundled(), paidOn, workingDays, true, today));
    }
}
