package org.flexsi.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the bundled calendars, which were transcribed by hand from the State Council notices,
 * against an independent transcription: the holiday-cn JSON files under
 * {@code shared/reference/holidays-cn} next to the repository. Only this test reads them.
 */
class ReferenceDataTest {

    static final int FIRST = 2019;
    static final int LAST = 2026;

    static Map<LocalDate, Boolean> referenceOffDay; // date -> isOffDay, only for listed dates
    static WorkingDayCalendar calendar;

    @BeforeAll
    static void load() throws IOException {
        Path dir = referenceDir();
        if (!Files.isDirectory(dir)) {
            String message = "reference holiday data not found at " + dir
                    + " (expected the repository's sibling shared/reference/holidays-cn)";
            if (isCi()) {
                fail(message);
            }
            Assumptions.abort(message + "; skipped outside CI");
        }
        ObjectMapper json = new ObjectMapper();
        referenceOffDay = new HashMap<>();
        for (int year = FIRST; year <= LAST; year++) {
            Path file = dir.resolve(year + ".json");
            if (!Files.isRegularFile(file)) {
                fail("reference file missing: " + file);
            }
            for (JsonNode day : json.readTree(file.toFile()).path("days")) {
                LocalDate date = LocalDate.parse(day.path("date").asText());
                boolean off = day.path("isOffDay").asBoolean();
                // A notice may reach into the previous year (元旦 spans); such dates are kept and
                // compared under their own year. Two files must not disagree about one date.
                Boolean earlier = referenceOffDay.put(date, off);
                if (earlier != null && earlier != off) {
                    fail("reference files disagree about " + date);
                }
            }
        }
        calendar = WorkingDayCalendar.bundled();
    }

    static Path referenceDir() {
        // Surefire runs with the module directory as basedir (/work/main/platform); the shared
        // folder is the repository root's sibling.
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return module.resolve(Path.of("..", "..", "shared", "reference", "holidays-cn")).toAbsolutePath().normalize();
    }

    static boolean isCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    static boolean expectedWorkingDay(LocalDate d) {
        Boolean off = referenceOffDay.get(d);
        if (off != null) {
            return !off;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Test
    void everyDayFrom2019To2026AgreesWithTheReference() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (LocalDate d = LocalDate.of(FIRST, 1, 1); !d.isAfter(LocalDate.of(LAST, 12, 31)); d = d.plusDays(1)) {
            checked++;
            boolean expected = expectedWorkingDay(d);
            boolean actual = calendar.isWorkingDay(d);
            if (expected != actual) {
                mismatches.add(d + " (" + d.getDayOfWeek() + "): reference says "
                        + (expected ? "working" : "off") + ", bundled calendar says " + (actual ? "working" : "off"));
            }
        }
        assertEquals(2922, checked, "days 2019-01-01..2026-12-31");
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatching days:\n" + String.join("\n", mismatches));
    }

    @Test
    void offAndWorkListsMatchTheReferenceExactly() {
        // Stronger than agreeing day by day: no superfluous entry either, e.g. an off line for a
        // weekend that is not part of any holiday span.
        List<String> problems = new ArrayList<>();
        for (int year = FIRST; year <= LAST; year++) {
            SortedSet<LocalDate> refOff = new TreeSet<>();
            SortedSet<LocalDate> refWork = new TreeSet<>();
            for (Map.Entry<LocalDate, Boolean> e : referenceOffDay.entrySet()) {
                LocalDate d = e.getKey();
                if (d.getYear() != year) {
                    continue;
                }
                if (e.getValue()) {
                    refOff.add(d);
                } else if (CalendarYear.isWeekend(d)) {
                    refWork.add(d); // a weekday "not off" (e.g. 2020-02-03) is just a normal day
                }
            }
            CalendarYear bundled = calendar.year(year).orElseThrow();
            if (!refOff.equals(bundled.offDays())) {
                problems.add(year + " off days: reference " + refOff + " vs bundled " + bundled.offDays());
            }
            if (!refWork.equals(bundled.workDays())) {
                problems.add(year + " work days: reference " + refWork + " vs bundled " + bundled.workDays());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
