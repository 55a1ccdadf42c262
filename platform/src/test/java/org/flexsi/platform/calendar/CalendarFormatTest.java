package org.flexsi.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarFormatTest {

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static final String SAMPLE = """
            # a comment
            year 2024
            source notice A
            source notice B

            off  2024-01-01             元旦
            work 2024-02-04             春节调休
            off  2024-02-10..2024-02-17 春节 (8 days)
            \toff\t2024-10-01..2024-10-03
            """;

    @Test
    void parsesYearSourcesRangesAndLabels() {
        CalendarYear y = CalendarFormat.parse(SAMPLE);
        assertEquals(2024, y.year());
        assertEquals("notice A; notice B", y.source());
        assertEquals(12, y.offDays().size());
        assertTrue(y.offDays().contains(d("2024-02-10")));
        assertTrue(y.offDays().contains(d("2024-02-17")));
        assertTrue(y.offDays().contains(d("2024-10-03")));
        assertEquals(new TreeSet<>(List.of(d("2024-02-04"))), y.workDays());
    }

    @Test
    void acceptsCrLfAndByteOrderMark() {
        String windows = "\uFEFF" + SAMPLE.replace("\n", "\r\n");
        assertEquals(CalendarFormat.parse(SAMPLE), CalendarFormat.parse(windows));
    }

    @Test
    void toTextCollapsesRunsAndRoundTrips() {
        CalendarYear y = CalendarFormat.parse(SAMPLE);
        String text = y.toText();
        assertEquals("""
                # 2024 working-day exceptions (written by CalendarYear.toText)
                year 2024
                source notice A; notice B
                off  2024-01-01
                work 2024-02-04
                off  2024-02-10..2024-02-17
                off  2024-10-01..2024-10-03
                """, text);
        assertEquals(y, CalendarFormat.parse(text));
    }

    @Test
    void toTextSeparatesAdjacentOffAndWorkRuns() {
        // 2023: off Jan 21-27 followed directly by work Jan 28-29.
        CalendarYear y = CalendarYear.of(2023,
                List.of(d("2023-01-26"), d("2023-01-27")), List.of(d("2023-01-28"), d("2023-01-29")), "s");
        assertTrue(y.toText().endsWith("off  2023-01-26..2023-01-27\nwork 2023-01-28..2023-01-29\n"), y.toText());
        assertEquals(y, CalendarFormat.parse(y.toText()));
    }

    @Test
    void everyBundledYearRoundTrips() {
        for (CalendarYear y : BundledCalendars.load()) {
            assertEquals(y, CalendarFormat.parse(y.toText(), "toText of " + y.year()), "year " + y.year());
        }
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            off 2024-02-30                      | 3 | no such date: 2024-02-30
            off 2023-02-29                      | 3 | no such date: 2023-02-29
            work 2024-01-01                     | 3 | work day 2024-01-01 is a MONDAY
            work 2024-02-03..2024-02-05         | 3 | work day 2024-02-05 is a MONDAY
            off 2025-01-01                      | 3 | 2025-01-01 is not in 2024
            off 2024-12-31..2025-01-01          | 3 | 2025-01-01 is not in 2024
            off 2024-02-17..2024-02-10          | 3 | ends before it starts
            off 2024/01/01                      | 3 | expected a date yyyy-MM-dd
            off 2024-01-01...2024-01-03         | 3 | expected a date yyyy-MM-dd
            off                                 | 3 | expected a date yyyy-MM-dd
            holiday 2024-01-01                  | 3 | cannot read 'holiday 2024-01-01'
            Off 2024-01-01                      | 3 | cannot read
            2024-01-01 off                      | 3 | cannot read
            year 2025                           | 3 | second 'year' line
            source                              | 3 | 'source' needs a text
            """)
    void rejectsABadLineNamingItsNumber(String badLine, int line, String expected) {
        String text = "year 2024\nsource s\n" + badLine + "\noff 2024-10-01\n";
        CalendarFormatException e = assertThrows(CalendarFormatException.class,
                () -> CalendarFormat.parse(text, "cn-2024.cal"));
        assertEquals(line, e.lineNumber(), e.getMessage());
        assertTrue(e.getMessage().startsWith("cn-2024.cal line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void rejectsADayThatIsBothOffAndWork() {
        String text = """
                year 2024
                source s
                off  2024-02-10..2024-02-17
                # the next line repeats a day of the span
                work 2024-02-11
                """;
        CalendarFormatException e = assertThrows(CalendarFormatException.class, () -> CalendarFormat.parse(text));
        assertEquals(5, e.lineNumber());
        assertTrue(e.getMessage().contains("2024-02-11 is already listed as an off day on line 3"), e.getMessage());
    }

    @Test
    void rejectsADayListedTwice() {
        String text = "year 2024\nsource s\noff 2024-01-01\noff 2023-12-31..2024-01-01\n";
        assertEquals(4, assertThrows(CalendarFormatException.class, () -> CalendarFormat.parse(text)).lineNumber());
        String overlap = "year 2024\nsource s\noff 2024-10-01..2024-10-07\n\noff 2024-10-07\n";
        CalendarFormatException e = assertThrows(CalendarFormatException.class, () -> CalendarFormat.parse(overlap));
        assertEquals(5, e.lineNumber());
        assertTrue(e.getMessage().contains("on line 3"), e.getMessage());
    }

    @Test
    void rejectsDaysBeforeTheYearLine() {
        CalendarFormatException e = assertThrows(CalendarFormatException.class,
                () -> CalendarFormat.parse("# header\noff 2024-01-01\nyear 2024\nsource s\n"));
        assertEquals(2, e.lineNumber());
        assertTrue(e.getMessage().contains("before the 'year' line"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"year 24", "year 2024 2025", "year", "year 1800", "year 1899", "year 3000"})
    void rejectsABadYearLine(String yearLine) {
        CalendarFormatException e = assertThrows(CalendarFormatException.class,
                () -> CalendarFormat.parse("# x\n" + yearLine + "\nsource s\noff 2024-01-01\n"));
        assertEquals(2, e.lineNumber(), e.getMessage());
    }

    @Test
    void fileLevelProblemsHaveLineZero() {
        assertEquals(0, assertThrows(CalendarFormatException.class,
                () -> CalendarFormat.parse("# nothing here\n")).lineNumber());
        CalendarFormatException noSource = assertThrows(CalendarFormatException.class,
                () -> CalendarFormat.parse("year 2024\noff 2024-01-01\n"));
        assertEquals(0, noSource.lineNumber());
        assertTrue(noSource.getMessage().contains("no 'source' line"), noSource.getMessage());
        CalendarFormatException noOff = assertThrows(CalendarFormatException.class,
                () -> CalendarFormat.parse("year 2024\nsource s\nwork 2024-02-04\n"));
        assertEquals(0, noOff.lineNumber());
        assertTrue(noOff.getMessage().contains("no off days"), noOff.getMessage());
    }

    @Test
    void theFirstAndLastPlausibleYearsAreRead() {
        assertEquals(1900, CalendarFormat.parse("year 1900\nsource s\noff 1900-01-01\n").year());
        assertEquals(2999, CalendarFormat.parse("year 2999\nsource s\noff 2999-01-01\n").year());
    }

    @Test
    void aProblemNamesTheFileAndOnlyARealLine() {
        CalendarFormatException fileLevel = new CalendarFormatException("cn-2024.cal", 0, "no year");
        assertEquals("cn-2024.cal: no year", fileLevel.getMessage());
        assertEquals("cn-2024.cal", fileLevel.origin());
        assertEquals("cn-2024.cal line 1: bad", new CalendarFormatException("cn-2024.cal", 1, "bad").getMessage());
    }

    // --- CalendarYear.of, the entry point for the ops API's JSON, validates the same rules ---

    @Test
    void ofAcceptsValidData() {
        assertEquals(1900, CalendarYear.of(1900, List.of(d("1900-01-01")), List.of(), "s").year());
        assertEquals(2999, CalendarYear.of(2999, List.of(d("2999-01-01")), List.of(), "s").year());
        CalendarYear y = CalendarYear.of(2027, List.of(d("2027-01-01")), List.of(), "  test  ");
        assertEquals("test", y.source());
        assertTrue(y.isWorkingDay(d("2027-01-04")));
        assertThrows(UnsupportedOperationException.class, () -> y.offDays().add(d("2027-01-04")));
        assertThrows(IllegalArgumentException.class, () -> y.isWorkingDay(d("2026-12-31")));
    }

    @Test
    void ofRejectsInvalidData() {
        List<LocalDate> newYear = List.of(d("2027-01-01"));
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.of(2027, List.of(d("2027-01-02")), List.of(d("2027-01-02")), "s"), "off and work");
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.of(2027, newYear, List.of(d("2027-01-04")), "s"), "work on a Monday");
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.of(2027, List.of(d("2026-12-31")), List.of(), "s"), "outside the year");
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.of(2027, newYear, List.of(d("2028-01-01")), "s"), "work outside the year");
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.of(2027, List.of(d("2027-01-01"), d("2027-01-01")), List.of(), "s"), "duplicate");
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.of(2027, List.of(), List.of(), "s"), "no off days");
        assertThrows(IllegalArgumentException.class, () -> CalendarYear.of(2027, newYear, List.of(), " "), "blank");
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.of(2027, newYear, List.of(), "a\nyear 2028"), "multi-line source");
        assertThrows(IllegalArgumentException.class, () -> CalendarYear.of(2027, newYear, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> CalendarYear.of(1800, List.of(d("1800-01-01")),
                List.of(), "s"), "implausible year");
        assertThrows(IllegalArgumentException.class, () -> CalendarYear.of(1899, List.of(d("1899-01-01")),
                List.of(), "s"), "the year before the first plausible one");
        assertThrows(IllegalArgumentException.class, () -> CalendarYear.of(3000, List.of(d("3000-01-01")),
                List.of(), "s"), "the year after the last plausible one");
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.of(2027, newYear, List.of(), "a\ryear 2028"), "source with a carriage return");
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.of(2027, newYear, List.of(), "\nyear 2028"), "source starting with a line break");
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.of(2027, newYear, List.of(), "\ryear 2028"), "source starting with a carriage return");
        assertThrows(IllegalArgumentException.class, () -> CalendarYear.of(2027, null, List.of(), "s"));
    }
}
