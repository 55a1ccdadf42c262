package org.flexsi.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundledCalendarsTest {

    @Test
    void loadsEveryYearFrom2019To2026InOrder() {
        List<CalendarYear> years = BundledCalendars.load();
        assertEquals(List.of(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026),
                years.stream().map(CalendarYear::year).toList());
        for (CalendarYear y : years) {
            assertFalse(y.source().isBlank(), "source of " + y.year());
            assertTrue(y.source().contains("国办发明电"), "source of " + y.year() + " names the notice");
        }
    }

    @Test
    void indexListsEveryCalendarFileInTheResourceDirectory() throws IOException {
        // Guards against adding cn-2027.cal but forgetting the index (or the reverse).
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path dir = module.resolve("src/main/resources/calendar");
        TreeSet<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cal"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(BundledCalendars.indexEntries()));
        assertEquals(BundledCalendars.indexEntries().size(), files.size(), "no duplicate index entries");
    }
}
