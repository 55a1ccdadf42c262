package org.flexsi.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    static final WorkingDayCalendar CAL = WorkingDayCalendar.bundled();

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void bundledYearsAre2019To2026() {
        assertEquals(new TreeSet<>(List.of(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026)), CAL.loadedYears());
        assertThrows(UnsupportedOperationException.class, () -> CAL.loadedYears().add(2027));
    }

    @ParameterizedTest(name = "{0} working={1}: {2}")
    @CsvSource({
        "2024-09-27, true,  Friday before National Day",
        "2024-09-28, false, Saturday",
        "2024-09-29, true,  Sunday make-up day for National Day",
        "2024-10-01, false, National Day",
        "2024-10-07, false, last day of National Day (Monday)",
        "2024-10-12, true,  Saturday make-up day",
        "2024-10-13, false, ordinary Sunday",
        "2024-02-04, true,  Sunday make-up day for Spring Festival",
        "2024-02-12, false, Spring Festival Monday",
        "2020-01-31, false, Spring Festival extended for COVID-19",
        "2020-02-01, false, make-up Saturday cancelled by the extension",
        "2020-02-03, true,  first working day after the extension",
        "2019-05-02, false, May Day as amended in March 2019",
        "2019-05-05, true,  Sunday make-up day added by the amendment",
        "2022-12-31, false, New Year span of 2023 starting on a Saturday",
        "2023-01-02, false, New Year Monday",
        "2025-01-27, true,  Monday before the 2025 Spring Festival break",
        "2026-01-04, true,  Sunday make-up day for New Year 2026",
        "2026-02-23, false, last day of the nine-day 2026 Spring Festival",
    })
    void isWorkingDay(String date, boolean expected, String why) {
        assertEquals(expected, CAL.isWorkingDay(d(date)), why);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}: {3}")
    @CsvSource({
        "2024-09-20, 1, 2024-09-23, ordinary weekend",
        "2024-09-27, 1, 2024-09-29, make-up Sunday counts",
        "2024-09-29, 1, 2024-09-30, counting starts after the given day",
        "2024-09-30, 1, 2024-10-08, across National Day",
        "2024-09-30, 3, 2024-10-10, across National Day",
        "2024-09-30, 5, 2024-10-12, ends on a make-up Saturday",
        "2024-02-09, 1, 2024-02-18, across Spring Festival onto a make-up Sunday",
        "2024-02-09, 3, 2024-02-20, across Spring Festival",
        "2024-02-03, 1, 2024-02-04, from a weekend onto a make-up Sunday",
        "2025-01-24, 1, 2025-01-26, make-up Sunday before Spring Festival",
        "2025-01-24, 3, 2025-02-05, across the eight-day 2025 Spring Festival",
        "2026-02-13, 3, 2026-02-25, make-up Saturday then the nine-day 2026 break",
        "2020-01-23, 1, 2020-02-03, across the extended 2020 Spring Festival",
        "2024-04-30, 3, 2024-05-08, R24 payment + 3 working days across May Day",
        "2024-05-10, 3, 2024-05-14, R24 payment + 3 working days incl. make-up Saturday",
        "2019-04-30, 3, 2019-05-07, R24 across the amended 2019 May Day",
        "2023-09-28, 3, 2023-10-09, R24 across the 2023 Mid-Autumn/National Day break",
        "2022-12-30, 1, 2023-01-03, across the year boundary and New Year",
        "2025-12-31, 1, 2026-01-04, into the next year onto a make-up Sunday",
        "2025-12-31, 3, 2026-01-06, into the next year",
        "2024-10-01, 0, 2024-10-01, n = 0 returns the date itself even on a holiday",
        "2024-09-27, 0, 2024-09-27, n = 0 on a working day",
    })
    void addWorkingDays(String from, int n, String expected, String why) {
        assertEquals(d(expected), CAL.addWorkingDays(d(from), n), why);
    }

    @Test
    void addWorkingDaysRejectsNegativeN() {
        assertThrows(IllegalArgumentException.class, () -> CAL.addWorkingDays(d("2024-01-02"), -1));
    }

    @ParameterizedTest(name = "({0}, {1}] = {2}")
    @CsvSource({
        "2024-09-27, 2024-09-27, 0",
        "2024-09-27, 2024-09-28, 0",
        "2024-09-27, 2024-09-30, 2",
        "2024-09-30, 2024-10-07, 0",
        "2024-09-30, 2024-10-08, 1",
        "2024-01-31, 2024-02-29, 18",
        "2023-12-31, 2024-12-31, 251",
        "2024-12-31, 2025-12-31, 248",
        "2019-01-01, 2026-12-31, 1994",
    })
    void workingDaysBetween(String fromExclusive, String toInclusive, int expected) {
        assertEquals(expected, CAL.workingDaysBetween(d(fromExclusive), d(toInclusive)));
    }

    @Test
    void workingDaysBetweenRejectsReversedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CAL.workingDaysBetween(d("2024-10-08"), d("2024-10-07")));
        assertTrue(e.getMessage().contains("reversed"), e.getMessage());
    }

    @Test
    void addWorkingDaysAndWorkingDaysBetweenAreInverse() {
        // For every start day in 2024 and n up to 10: the result is a working day, exactly n
        // working days lie in (start, result], and one day earlier there are only n - 1.
        for (LocalDate start = d("2024-01-01"); start.getYear() == 2024; start = start.plusDays(1)) {
            for (int n = 1; n <= 10; n++) {
                LocalDate end = CAL.addWorkingDays(start, n);
                assertTrue(CAL.isWorkingDay(end), start + " + " + n);
                assertEquals(n, CAL.workingDaysBetween(start, end), start + " + " + n);
                assertEquals(n - 1, CAL.workingDaysBetween(start, end.minusDays(1)), start + " + " + n);
            }
        }
    }

    @Test
    void yearNotLoadedThrows() {
        CalendarNotLoadedException e = assertThrows(CalendarNotLoadedException.class,
                () -> CAL.isWorkingDay(d("2027-01-04")));
        assertEquals(2027, e.year());
        assertTrue(e.getMessage().contains("2019-2026"), e.getMessage());

        // 2026-12-31 is a working Thursday; the 2nd working day needs 2027.
        assertEquals(d("2026-12-31"), CAL.addWorkingDays(d("2026-12-30"), 1));
        assertEquals(2027, assertThrows(CalendarNotLoadedException.class,
                () -> CAL.addWorkingDays(d("2026-12-30"), 2)).year());
        assertEquals(2018, assertThrows(CalendarNotLoadedException.class,
                () -> CAL.addWorkingDays(d("2018-12-31"), 0)).year());
        assertEquals(2018, assertThrows(CalendarNotLoadedException.class,
                () -> CAL.workingDaysBetween(d("2018-12-31"), d("2019-01-02"))).year());
        assertEquals(2027, assertThrows(CalendarNotLoadedException.class,
                () -> CAL.workingDaysBetween(d("2026-12-01"), d("2027-01-05"))).year());
        assertEquals(2024, assertThrows(CalendarNotLoadedException.class,
                () -> WorkingDayCalendar.empty().isWorkingDay(d("2024-06-03"))).year());
    }

    @Test
    void covers() {
        assertTrue(CAL.covers(d("2019-01-01")));
        assertTrue(CAL.covers(d("2026-12-31")));
        assertFalse(CAL.covers(d("2018-12-31")));
        assertFalse(CAL.covers(d("2027-01-01")));
        assertFalse(WorkingDayCalendar.empty().covers(d("2024-01-01")));
    }

    @Test
    void withYearAddsANewYear() {
        CalendarYear y2027 = CalendarFormat.parse("""
                year 2027
                source test data, not the real 2027 notice
                off 2027-01-01
                work 2027-01-02
                """);
        WorkingDayCalendar next = CAL.withYear(y2027);
        assertFalse(CAL.covers(d("2027-01-04")), "the original calendar is unchanged");
        assertTrue(next.covers(d("2027-01-04")));
        assertEquals(d("2027-01-02"), next.addWorkingDays(d("2026-12-31"), 1));
        assertEquals(9, next.loadedYears().size());
    }

    @Test
    void withYearReplacesAYear() {
        CalendarYear original = CAL.year(2024).orElseThrow();
        // Pretend a correction notice gave back 2024-10-07 as a working day.
        TreeSet<LocalDate> off = new TreeSet<>(original.offDays());
        off.remove(d("2024-10-07"));
        WorkingDayCalendar corrected = CAL.withYear(CalendarYear.of(2024, off, original.workDays(), "correction"));

        assertNotSame(CAL, corrected);
        assertEquals(CAL.loadedYears(), corrected.loadedYears());
        assertFalse(CAL.isWorkingDay(d("2024-10-07")));
        assertTrue(corrected.isWorkingDay(d("2024-10-07")));
        assertEquals(d("2024-10-07"), corrected.addWorkingDays(d("2024-09-30"), 1));
        assertEquals("correction", corrected.year(2024).orElseThrow().source());
    }

    @Test
    void ofRejectsTheSameYearTwice() {
        CalendarYear y = CAL.year(2024).orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> WorkingDayCalendar.of(List.of(y, y)));
    }

    @Test
    void ofKeepsDistinctYearsAndTheRefusalNamesWhatIsLoaded() {
        CalendarYear y2023 = CAL.year(2023).orElseThrow();
        CalendarYear y2024 = CAL.year(2024).orElseThrow();
        CalendarYear y2025 = CAL.year(2025).orElseThrow();
        WorkingDayCalendar gap = WorkingDayCalendar.of(List.of(y2023, y2025));
        assertEquals(new TreeSet<>(List.of(2023, 2025)), gap.loadedYears());
        assertTrue(notLoadedMessage(gap).contains("(loaded: [2023, 2025]"), notLoadedMessage(gap));
        WorkingDayCalendar one = WorkingDayCalendar.of(List.of(y2023));
        assertTrue(notLoadedMessage(one).contains("(loaded: 2023"), notLoadedMessage(one));
        WorkingDayCalendar two = WorkingDayCalendar.of(List.of(y2023, y2024));
        assertTrue(notLoadedMessage(two).contains("(loaded: 2023-2024"), notLoadedMessage(two));
        assertTrue(notLoadedMessage(WorkingDayCalendar.empty()).contains("(loaded: none"));
    }

    private static String notLoadedMessage(WorkingDayCalendar calendar) {
        return assertThrows(CalendarNotLoadedException.class, () -> calendar.isWorkingDay(d("2030-06-03"))).getMessage();
    }

    @Test
    void calendarsOfTheSameYearsAreEqual() {
        WorkingDayCalendar again = WorkingDayCalendar.bundled();
        assertEquals(CAL, again);
        assertEquals(CAL.hashCode(), again.hashCode());
        assertFalse(CAL.equals(WorkingDayCalendar.empty()));
        assertFalse(CAL.equals(CAL.loadedYears()));
        assertEquals("WorkingDayCalendar[2023]", WorkingDayCalendar.of(List.of(CAL.year(2023).orElseThrow())).toString());
    }

    @Test
    void concurrentReadersSeeTheSameAnswers() throws Exception {
        // Immutable, so concurrent use needs no locking; this just guards against someone adding
        // a lazily filled cache without synchronisation.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> CAL.workingDaysBetween(d("2019-01-01"), d("2026-12-31"))));
            }
            Set<Integer> distinct = new TreeSet<>();
            for (Future<Integer> f : results) {
                distinct.add(f.get());
            }
            assertEquals(Set.of(1994), distinct);
        } finally {
            pool.shutdownNow();
        }
    }
}
