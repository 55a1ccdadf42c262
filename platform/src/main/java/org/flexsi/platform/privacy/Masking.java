package org.flexsi.platform.privacy;

import java.time.LocalDate;

/**
 * How personal numbers are shown where the full value is not needed: the ends stay recognisable, the middle does not.
 * One rule, {@link #keepEnds}; the methods below say how many characters each kind of value keeps.
 */
public final class Masking {
    private Masking() {
    }

    /**
     * An ID number in views and logs: {@code 420106199003071238} → {@code 4201**********1238}; a number of eight
     * characters or fewer is hidden whole (four at each end would show it all). {@code null} stays {@code null}.
     */
    public static String idNumber(String number) {
        return keepEnds(number, 4, 4);
    }

    /**
     * An ID number as a certificate prints and keeps it: the resident ID keeps four at each end, shorter documents
     * (passports, permits) keep fewer at the start so some of them stays hidden: {@code E12345678} →
     * {@code E1***5678}, {@code H123} → {@code ***3}. Surrounding blanks are ignored; nothing prints as "".
     */
    public static String printedIdNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return "";
        }
        String id = idNumber.strip();
        int length = id.length();
        return keepEnds(id, length >= 15 ? 4 : length >= 8 ? 2 : 0, length >= 8 ? 4 : 1);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String mobile(String mobile) {
        return keepEnds(mobile, 3, 4);
    }

    /** {@code 1990-03-07} → {@code 1990-**-**}: the year stays (the age band), the day does not. */
    public static String birthDate(LocalDate date) {
        return date == null ? null : String.format("%04d-**-**", date.getYear());
    }

    /** Keeps {@code head} characters at the start and {@code tail} at the end; a value no longer than both is hidden whole. */
    static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
