package org.flexsi.platform.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chinese working days: Monday to Friday, minus the statutory holiday spans, plus the make-up
 * working days (调休), as published year by year by the State Council.
 *
 * <p><b>Only loaded years are answered.</b> Every method that looks at a date (or walks across
 * dates) throws {@link CalendarNotLoadedException} as soon as it meets a date whose year is not
 * loaded, rather than guessing from weekends. {@link #covers(LocalDate)} tells in advance.
 *
 * <p>Instances are immutable and therefore thread-safe; {@link #withYear(CalendarYear)} returns a
 * new calendar, so a holder can swap references atomically when operations load a new year.
 */
public final class WorkingDayCalendar {

    private static final WorkingDayCalendar EMPTY = new WorkingDayCalendar(new TreeMap<>());

    private final SortedMap<Integer, CalendarYear> years;

    private WorkingDayCalendar(TreeMap<Integer, CalendarYear> years) {
        this.years = Collections.unmodifiableSortedMap(years);
    }

    public static WorkingDayCalendar empty() {
        return EMPTY;
    }

    /** A calendar of the given years; the same year twice is an {@link IllegalArgumentException}. */
    public static WorkingDayCalendar of(Collection<CalendarYear> calendarYears) {
        TreeMap<Integer, CalendarYear> map = new TreeMap<>();
        for (CalendarYear y : calendarYears) {
            Objects.requireNonNull(y, "calendar year");
            if (map.putIfAbsent(y.year(), y) != null) {
                throw new IllegalArgumentException("year " + y.year() + " given twice");
            }
        }
        return new WorkingDayCalendar(map);
    }

    /** The years shipped with the platform ({@link BundledCalendars#load()}). */
    public static WorkingDayCalendar bundled() {
        return of(BundledCalendars.load());
    }

    /** A new calendar with {@code year} added, or replacing the loaded data for the same year. */
    public WorkingDayCalendar withYear(CalendarYear year) {
        Objects.requireNonNull(year, "year");
        TreeMap<Integer, CalendarYear> map = new TreeMap<>(years);
        map.put(year.year(), year);
        return new WorkingDayCalendar(map);
    }

    public SortedSet<Integer> loadedYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** The loaded data for {@code year}, if any. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** Whether {@code date}'s year is loaded, i.e. whether {@link #isWorkingDay} can answer. */
    public boolean covers(LocalDate date) {
        return years.containsKey(date.getYear());
    }

    /** @throws CalendarNotLoadedException if {@code date}'s year is not loaded */
    public boolean isWorkingDay(LocalDate date) {
        return loaded(date).isWorkingDay(date);
    }

    /**
     * The {@code n}-th working day after {@code date}. Counting starts on the day after
     * {@code date}, whether or not {@code date} itself is a working day: from Friday 2024-09-20,
     * 1 working day is Monday 2024-09-23; from Friday 2024-09-27 it is Sunday 2024-09-29, a
     * make-up working day before National Day; from Tuesday 2024-04-30, 3 working days (the
     * "payment date + 3 working days" rule) end on Wednesday 2024-05-08, after the May Day break.
     * {@code n = 0} returns {@code date} unchanged, even if it is not a working day (its year must
     * still be loaded). For {@code n >= 1} the result is the earliest {@code t} with
     * {@code workingDaysBetween(date, t) == n}, hence always a working day.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     * @throws CalendarNotLoadedException if {@code date}'s year, or a year the count runs into,
     *         is not loaded
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        Objects.requireNonNull(date, "date");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        loaded(date);
        LocalDate d = date;
        int remaining = n;
        while (remaining > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                remaining--;
            }
        }
        return d;
    }

    /**
     * The number of working days {@code d} with {@code fromExclusive < d <= toInclusive}: the day
     * you start from does not count, the day you end on does. Equal dates give 0; consecutive
     * days give 1 if the second is a working day, else 0. Read it as "how many working days have
     * passed since {@code fromExclusive}, up to and including {@code toInclusive}".
     *
     * @throws IllegalArgumentException if {@code toInclusive} is before {@code fromExclusive}
     * @throws CalendarNotLoadedException if the year of either date, or of a date between them,
     *         is not loaded
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            throw new IllegalArgumentException("reversed range: " + toInclusive + " is before " + fromExclusive);
        }
        loaded(fromExclusive);
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private CalendarYear loaded(LocalDate date) {
        Objects.requireNonNull(date, "date");
        CalendarYear y = years.get(date.getYear());
        if (y == null) {
            throw new CalendarNotLoadedException(date.getYear(), describeLoaded());
        }
        return y;
    }

    private String describeLoaded() {
        if (years.isEmpty()) {
            return "none";
        }
        int first = years.firstKey();
        int last = years.lastKey();
        if (last - first + 1 == years.size()) {
            return first == last ? String.valueOf(first) : first + "-" + last;
        }
        return years.keySet().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingDayCalendar other && years.equals(other.years);
    }

    @Override
    public int hashCode() {
        return years.hashCode();
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + years.keySet();
    }
}
