package org.flexsi.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar years shipped in this jar under {@code calendar/}. The file {@code calendar/index}
 * lists the files to load (one name per line, {@code #} comments allowed), so adding a year is:
 * write {@code cn-YYYY.cal}, add its name to the index.
 */
public final class BundledCalendars {

    public static final String DIRECTORY = "calendar/";
    public static final String INDEX = DIRECTORY + "index";

    private static final Pattern YEAR_IN_NAME = Pattern.compile("cn-(\\d{4})\\.cal");

    private BundledCalendars() {
    }

    /**
     * Parses every file listed in the index, in index order.
     *
     * @throws IllegalStateException if the index or a listed file is missing, a file is invalid
     *         ({@link CalendarFormatException} as cause), a year appears twice, or a file named
     *         {@code cn-YYYY.cal} declares another year
     */
    public static List<CalendarYear> load() {
        List<CalendarYear> result = new ArrayList<>();
        for (String name : indexEntries()) {
            String resource = DIRECTORY + name;
            CalendarYear year;
            try {
                year = CalendarFormat.parse(read(resource), resource);
            } catch (CalendarFormatException e) {
                throw new IllegalStateException("bundled calendar is invalid: " + e.getMessage(), e);
            }
            Matcher m = YEAR_IN_NAME.matcher(name);
            if (m.matches() && Integer.parseInt(m.group(1)) != year.year()) {
                throw new IllegalStateException(resource + " declares year " + year.year());
            }
            for (CalendarYear other : result) {
                if (other.year() == year.year()) {
                    throw new IllegalStateException("year " + year.year() + " is bundled twice (" + resource + ")");
                }
            }
            result.add(year);
        }
        return List.copyOf(result);
    }

    /** The file names listed in {@code calendar/index}. */
    public static List<String> indexEntries() {
        List<String> names = new ArrayList<>();
        for (String line : read(INDEX).split("\\R")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    private static String read(String resource) {
        // The class's own loader sees this jar's resources; fall back to the context loader for
        // unusual class-loading setups (e.g. some test or dev-mode runners).
        ClassLoader loader = BundledCalendars.class.getClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null && Thread.currentThread().getContextClassLoader() != null) {
            in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("missing class-path resource " + resource);
        }
        try (InputStream stream = in) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
