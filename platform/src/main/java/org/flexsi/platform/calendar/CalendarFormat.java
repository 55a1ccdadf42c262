package org.flexsi.platform.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the project's calendar text format, one file per year:
 *
 * <pre>
 * # comment: a line whose first non-blank character is '#'
 * year   2024
 * source 国办发明电〔2023〕7号《国务院办公厅关于2024年部分节假日安排的通知》, 2023-10-25
 * off    2024-01-01               元旦
 * off    2024-02-10..2024-02-17   春节
 * work   2024-02-04               春节调休
 * </pre>
 *
 * <ul>
 *   <li>{@code year YYYY}: exactly once, before any {@code off}/{@code work} line.</li>
 *   <li>{@code source TEXT}: at least once; several lines are joined with {@code "; "}.</li>
 *   <li>{@code off DATE[..DATE] [label]}: holiday days; a range {@code a..b} is inclusive and
 *       may span weekends.</li>
 *   <li>{@code work DATE[..DATE] [label]}: make-up working days; each must be a Saturday or
 *       Sunday.</li>
 *   <li>Dates are ISO {@code yyyy-MM-dd} and must lie in the declared year. A day may be listed
 *       only once in the file. The label is free text for readers and is not kept.</li>
 *   <li>Keywords are lower case and separated from their arguments by spaces or tabs; blank lines
 *       are ignored.</li>
 * </ul>
 *
 * Every problem is reported as a {@link CalendarFormatException} naming the line.
 */
public final class CalendarFormat {

    private static final Pattern DATE_OR_RANGE =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\.\\.(\\d{4}-\\d{2}-\\d{2}))?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private CalendarFormat() {
    }

    public static CalendarYear parse(String text) {
        return parse(text, "calendar text");
    }

    /** Parses {@code text}; {@code origin} (e.g. a file name) is used in error messages. */
    public static CalendarYear parse(String text, String origin) {
        if (text == null) {
            throw new CalendarFormatException(origin, 0, "no text");
        }
        if (text.startsWith("\uFEFF")) { // editors on Windows like to add a BOM
            text = text.substring(1);
        }
        Integer year = null;
        List<String> sources = new ArrayList<>();
        TreeSet<LocalDate> off = new TreeSet<>();
        TreeSet<LocalDate> work = new TreeSet<>();
        Map<LocalDate, Integer> firstSeen = new HashMap<>();

        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("[ \\t]+", 2);
            String keyword = parts[0];
            String rest = parts.length > 1 ? parts[1].strip() : "";
            switch (keyword) {
                case "year" -> {
                    if (year != null) {
                        throw new CalendarFormatException(origin, lineNo, "second 'year' line");
                    }
                    if (!YEAR.matcher(rest).matches()) {
                        throw new CalendarFormatException(origin, lineNo, "expected 'year YYYY', got '" + line + "'");
                    }
                    year = Integer.parseInt(rest);
                    if (year < CalendarYear.MIN_YEAR || year > CalendarYear.MAX_YEAR) {
                        throw new CalendarFormatException(origin, lineNo, "year " + year + " is outside "
                                + CalendarYear.MIN_YEAR + ".." + CalendarYear.MAX_YEAR);
                    }
                }
                case "source" -> {
                    if (rest.isEmpty()) {
                        throw new CalendarFormatException(origin, lineNo, "'source' needs a text");
                    }
                    sources.add(rest);
                }
                case "off", "work" -> {
                    if (year == null) {
                        throw new CalendarFormatException(origin, lineNo, "'" + keyword + "' before the 'year' line");
                    }
                    boolean isWork = keyword.equals("work");
                    String[] args = rest.split("[ \\t]+", 2); // date or range, then an optional label
                    for (LocalDate d : dates(args[0], year, isWork, origin, lineNo)) {
                        Integer previous = firstSeen.putIfAbsent(d, lineNo);
                        if (previous != null) {
                            String as = off.contains(d) ? "an off day" : "a work day";
                            throw new CalendarFormatException(origin, lineNo,
                                    d + " is already listed as " + as + " on line " + previous);
                        }
                        (isWork ? work : off).add(d);
                    }
                }
                default -> throw new CalendarFormatException(origin, lineNo,
                        "cannot read '" + line + "': expected a line starting with year, source, off, work or #");
            }
        }
        if (year == null) {
            throw new CalendarFormatException(origin, 0, "no 'year' line");
        }
        if (sources.isEmpty()) {
            throw new CalendarFormatException(origin, 0, "no 'source' line (which notice is this from?)");
        }
        try {
            return new CalendarYear(year, off, work, String.join("; ", sources));
        } catch (IllegalArgumentException e) {
            // Per-line checks above cover the date rules; what is left is file-level (e.g. no off days).
            throw new CalendarFormatException(origin, 0, e.getMessage());
        }
    }

    private static List<LocalDate> dates(String arg, int year, boolean isWork, String origin, int lineNo) {
        Matcher m = DATE_OR_RANGE.matcher(arg);
        if (!m.matches()) {
            throw new CalendarFormatException(origin, lineNo,
                    "expected a date yyyy-MM-dd or a range yyyy-MM-dd..yyyy-MM-dd, got '" + arg + "'");
        }
        LocalDate start = date(m.group(1), origin, lineNo);
        LocalDate end = m.group(2) == null ? start : date(m.group(2), origin, lineNo);
        if (end.isBefore(start)) {
            throw new CalendarFormatException(origin, lineNo, "range " + arg + " ends before it starts");
        }
        List<LocalDate> result = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (d.getYear() != year) {
                throw new CalendarFormatException(origin, lineNo, d + " is not in " + year);
            }
            if (isWork && !CalendarYear.isWeekend(d)) {
                throw new CalendarFormatException(origin, lineNo, "work day " + d + " is a " + d.getDayOfWeek()
                        + "; make-up working days are always a Saturday or Sunday");
            }
            result.add(d);
        }
        return result;
    }

    private static LocalDate date(String s, String origin, int lineNo) {
        try {
            return LocalDate.parse(s); // ISO_LOCAL_DATE is strict: 2023-02-29 is rejected
        } catch (DateTimeParseException e) {
            throw new CalendarFormatException(origin, lineNo, "no such date: " + s);
        }
    }
}
