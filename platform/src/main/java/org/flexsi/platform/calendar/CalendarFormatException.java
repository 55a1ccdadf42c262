package org.flexsi.platform.calendar;

/**
 * A calendar file that cannot be read. {@link #lineNumber()} is the 1-based line at fault, or 0
 * when the problem concerns the file as a whole (e.g. no {@code year} line).
 */
public class CalendarFormatException extends IllegalArgumentException {

    private final String origin;
    private final int lineNumber;

    public CalendarFormatException(String origin, int lineNumber, String problem) {
        super(describe(origin, lineNumber) + problem);
        this.origin = origin;
        this.lineNumber = lineNumber;
    }

    /** What was being parsed, e.g. {@code calendar/cn-2024.cal}. */
    public String origin() {
        return origin;
    }

    public int lineNumber() {
        return lineNumber;
    }

    private static String describe(String origin, int lineNumber) {
        return origin + (lineNumber > 0 ? " line " + lineNumber : "") + ": ";
    }
}
