package org.flexsi.registration.identity;

/** Masks personal numbers for logs and list views: the ends stay recognisable, the middle does not. */
public final class Masking {
    private Masking() {
    }

    /** {@code 420106199003071238} → {@code 4201**********1238}. */
    public static String idNumber(String number) {
        return keepEnds(number, 4, 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String mobile(String mobile) {
        return keepEnds(mobile, 3, 4);
    }

    /** {@code 1990-03-07} → {@code 1990-**-**}: the year stays (the age band), the day does not. */
    public static String birthDate(java.time.LocalDate date) {
        return date == null ? null : String.format("%04d-**-**", date.getYear());
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
