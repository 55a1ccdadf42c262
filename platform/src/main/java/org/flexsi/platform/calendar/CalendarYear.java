package org.flexsi.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The official exceptions to the Monday–Friday week for one calendar year.
 *
 * <p>{@code offDays} are the days of the State Council's holiday spans (they may include
 * Saturdays and Sundays that belong to a span); {@code workDays} are the make-up working days
 * (调休), which are always a Saturday or Sunday. Any day in neither set is a working day iff it
 * is Monday to Friday. {@code source} names the notice(s) the data was taken from.
 *
 * <p>Instances are immutable and always valid: the canonical constructor checks that
 * <ul>
 *   <li>the year is between {@value #MIN_YEAR} and {@value #MAX_YEAR};</li>
 *   <li>every date lies in {@code year};</li>
 *   <li>no day is both off and work;</li>
 *   <li>every work day is a Saturday or Sunday (a weekday is a working day anyway, so listing
 *       one would only hide a typo);</li>
 *   <li>there is at least one off day (every year has 元旦; an empty list is a mistake that would
 *       silently turn holidays into deadlines);</li>
 *   <li>the source is non-blank and a single line (so that {@link #toText()} round-trips).</li>
 * </ul>
 * Violations throw {@link IllegalArgumentException}.
 *
 * <p>The component names match the JSON shape the ops API accepts:
 * {@code {"year":2027,"source":"...","offDays":["2027-01-01",...],"workDays":[...]}}.
 */
public record CalendarYear(int year, SortedSet<LocalDate> offDays, SortedSet<LocalDate> workDays, String source) {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2999;

    public CalendarYear {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year " + year + " is outside " + MIN_YEAR + ".." + MAX_YEAR);
        }
        offDays = copy(year, offDays, "offDays");
        workDays = copy(year, workDays, "workDays");
        if (offDays.isEmpty()) {
            throw new IllegalArgumentException(year + ": no off days (every year has at least 元旦)");
        }
        for (LocalDate d : workDays) {
            if (offDays.contains(d)) {
                throw new IllegalArgumentException(year + ": " + d + " is listed both as off day and as work day");
            }
            if (!isWeekend(d)) {
                throw new IllegalArgumentException(year + ": work day " + d + " is a " + d.getDayOfWeek()
                        + "; make-up working days are always a Saturday or Sunday");
            }
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException(year + ": source is required (which notice is this from?)");
        }
        if (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(year + ": source must be a single line");
        }
        source = source.strip();
    }

    /** Same as the canonical constructor, but accepts any collections (e.g. lists from JSON). */
    public static CalendarYear of(int year, Collection<LocalDate> offDays, Collection<LocalDate> workDays,
            String source) {
        return new CalendarYear(year, toSortedSet(offDays, "offDays"), toSortedSet(workDays, "workDays"), source);
    }

    /** Whether this year's data makes {@code date} a working day; {@code date} must lie in this year. */
    public boolean isWorkingDay(LocalDate date) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " is not in " + year);
        }
        if (offDays.contains(date)) {
            return false;
        }
        return workDays.contains(date) || !isWeekend(date);
    }

    /**
     * This year in the text format read by {@link CalendarFormat#parse(String)}, with runs of
     * consecutive days collapsed into {@code a..b} ranges. Holiday names are not part of the model,
     * so they are not written; {@code CalendarFormat.parse(y.toText()).equals(y)} holds.
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(year).append(" working-day exceptions (written by CalendarYear.toText)\n");
        out.append("year ").append(year).append('\n');
        out.append("source ").append(source).append('\n');
        // Merge both sets in date order so the file reads chronologically like the notices.
        List<LocalDate> all = new ArrayList<>(offDays);
        all.addAll(workDays);
        Collections.sort(all);
        int i = 0;
        while (i < all.size()) {
            LocalDate start = all.get(i);
            boolean off = offDays.contains(start);
            LocalDate end = start;
            while (i + 1 < all.size() && all.get(i + 1).equals(end.plusDays(1))
                    && offDays.contains(all.get(i + 1)) == off) {
                end = all.get(++i);
            }
            i++;
            out.append(off ? "off  " : "work ").append(start);
            if (!end.equals(start)) {
                out.append("..").append(end);
            }
            out.append('\n');
        }
        return out.toString();
    }

    static boolean isWeekend(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }

    private static SortedSet<LocalDate> toSortedSet(Collection<LocalDate> dates, String what) {
        if (dates == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        TreeSet<LocalDate> set = new TreeSet<>();
        for (LocalDate d : dates) {
            if (d == null) {
                throw new IllegalArgumentException(what + " contains null");
            }
            if (!set.add(d)) {
                throw new IllegalArgumentException(what + " lists " + d + " twice");
            }
        }
        return set;
    }

    private static SortedSet<LocalDate> copy(int year, SortedSet<LocalDate> dates, String what) {
        if (dates == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        TreeSet<LocalDate> copy = new TreeSet<>();
        for (LocalDate d : dates) {
            if (d == null) {
                throw new IllegalArgumentException(what + " contains null");
            }
            if (d.getYear() != year) {
                throw new IllegalArgumentException(what + " contains " + d + ", which is not in " + year);
            }
            copy.add(d);
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
