package org.flexsi.platform.calendar;

/**
 * A working-day question about a year whose holiday notice has not been loaded. Thrown instead
 * of falling back to plain weekends: a deadline computed without the year's 调休 can be days
 * off, and a wrong deadline is worse than a loud error. Operations fix it by loading the year.
 */
public class CalendarNotLoadedException extends RuntimeException {

    private final int year;

    public CalendarNotLoadedException(int year, String loaded) {
        super("no working-day calendar loaded for " + year + " (loaded: " + loaded
                + "); load the State Council holiday notice for " + year + " first");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
